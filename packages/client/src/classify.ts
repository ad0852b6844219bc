import { AnswerTooLarge } from './answer-too-large';
import type { AttemptOutcome } from './attempt';
import { describeErrorBody, type RealtimeKitError, type RealtimeKitErrorKind } from './errors';
import { networkCode, parseRetryAfter } from './retry';
import { type Answer, HTML_ANSWER } from './transport';
import { isPlainObject } from './validate-input';

type Fail = (kind: RealtimeKitErrorKind, message: string, details?: object) => RealtimeKitError;

/**
 * `value` with every copy of `secret` (the API token) replaced by `[redacted]`: a string, or a JSON body (rebuilt, keys
 * and strings, only when it holds one). What the far side writes into an error (a gateway or a debugging upstream that echoes the
 * request's Authorization header, a redirect's Location) may quote it.
 */
function redactSecret<T>(value: T, secret: string | undefined): T {
  if (!secret) return value;
  if (typeof value === 'string') return (value.includes(secret) ? value.split(secret).join('[redacted]') : value) as T;
  if (typeof value !== 'object' || value === null || !holds(value, secret, 64)) return value;
  // a parsed JSON body (or Headers' entries): a tree of arrays, objects and strings
  if (Array.isArray(value)) return value.map((item) => redactSecret(item, secret)) as T;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [redactSecret(key, secret), redactSecret(item, secret)]),
  ) as T;
}

/** redactSecret in Node and workers; nothing in the browser build (its page holds the token anyway, if any). */
const redact: <T>(value: T, secret: string | undefined) => T =
  typeof __RTK_BROWSER__ === 'undefined' ? redactSecret : (value) => value;

/**
 * Whether `value` holds `secret` anywhere a log or `util.inspect` would show it: a string, an error's message, stack
 * and cause, or the fields of an object, an array or a Headers (a custom fetch's error often keeps the request's
 * options, headers included), four levels deep.
 */
function holds(value: unknown, secret: string, depth = 4): boolean {
  if (typeof value === 'string') return value.includes(secret);
  if (typeof value !== 'object' || value === null || depth === 0) return false;
  const inside: unknown[] = value instanceof Headers ? [...value.values()] : Object.entries(value).flat();
  if (value instanceof Error) inside.push(value.message, value.stack, value.cause);
  return inside.some((item) => holds(item, secret, depth - 1));
}

/**
 * Sorts an answer: a 2xx JSON object without `success: false` is the result; anything else is an `http` error
 * (with the server's Retry-After, if any). A 2xx that is not a JSON object is thrown at once: no retry mends it.
 */
export function classifyAnswer(
  { response, data, error: errorBody }: Answer,
  fail: Fail,
  secret?: string,
): Record<string, unknown> | RealtimeKitError {
  const { status, ok } = response;
  // fetch's manual mode shows a browser's redirect as status 0; node:http and Node's fetch give the 3xx itself
  if (status === 0 || (status >= 300 && status < 400)) {
    const location = redact(response.headers.get('location')?.split(/[?#]/)[0], secret);
    throw fail(
      'invalid_response',
      `the API answered ${status || 'a redirect'}${location ? ` to ${location}` : ''}; redirects are never followed: check baseUrl or proxyUrl`,
      { status: status || undefined },
    );
  }
  const payload = ok ? data : errorBody;
  if (ok && isPlainObject(payload) && payload.success !== false) return payload;
  const requestId = response.headers.get('cf-ray') ?? undefined;
  if (ok && !isPlainObject(payload)) {
    throw fail('invalid_response', 'the API answered with a body that is not a JSON object', { requestId });
  }
  // before an excerpt is cut from it, which could end inside the token
  const described = describeErrorBody(redact(payload, secret));
  const message =
    described.message ??
    (ok ? 'the answer says success: false, with no error message' : 'the answer has no error message');
  return fail('http', message, {
    code: described.code,
    body: described.body,
    status,
    requestId,
    retryAfter: parseRetryAfter(response.headers.get('retry-after')),
    headers:
      typeof __RTK_BROWSER__ === 'undefined' && secret && holds(response.headers, secret)
        ? new Headers(redact([...response.headers], secret))
        : response.headers,
  });
}

/**
 * What a network error code means, about `host`: `connection refused by 127.0.0.1:4010`. Node's fetch gives these
 * codes; a browser's gives none, so its build leaves the table out.
 */
const NETWORK: Record<string, (host: string) => string> =
  typeof __RTK_BROWSER__ !== 'undefined'
    ? {}
    : {
        ECONNREFUSED: (host) => `connection refused by ${host}`,
        ENOTFOUND: (host) => `${host} was not found (DNS)`,
        EAI_AGAIN: (host) => `${host} could not be looked up (DNS)`,
        ECONNRESET: (host) => `the connection to ${host} was reset`,
        UND_ERR_SOCKET: (host) => `the connection to ${host} closed before the answer`,
        UND_ERR_CONNECT_TIMEOUT: (host) => `connecting to ${host} timed out`,
      };

/**
 * Sorts a failure to get an answer from `host`: our timeout, or a network error. Bad Unicode in an ID, unreadable
 * JSON and an answer over maxResponseBytes are thrown at once: no retry mends them. A foreign error's message is
 * never copied (a custom fetch or middleware may quote a header, and so the token, in it): its name is, and the error
 * itself is the `cause`, unless it holds the token.
 */
export function classifyFailure(
  thrown: unknown,
  timedOut: boolean,
  timeoutMs: number,
  host: string,
  fail: Fail,
  secret?: string,
): RealtimeKitError {
  if (thrown instanceof SyntaxError) {
    throw fail(
      'invalid_response',
      thrown.message === HTML_ANSWER
        ? `${host} answered an HTML page, not JSON: is the proxy route mounted at that path?`
        : 'the API answered with invalid JSON',
    );
  }
  if (thrown instanceof AnswerTooLarge) {
    throw fail('invalid_response', `${thrown.message} (maxResponseBytes): it was not read`);
  }
  if (timedOut) return fail('timeout', `no answer within ${timeoutMs} ms from ${host}`);
  const code = networkCode(thrown) ?? '';
  const name = thrown instanceof Error ? thrown.name : '';
  const detail = NETWORK[code]?.(host) ?? `${code || (name ? `${name} (see cause)` : 'failed')} talking to ${host}`;
  // a cause that quotes the token is replaced by a copy of its name, code and message without it
  let cause = thrown;
  if (typeof __RTK_BROWSER__ === 'undefined' && secret && holds(thrown, secret)) {
    cause = Object.assign(new Error(redact(thrown instanceof Error ? thrown.message : String(thrown), secret)), {
      name: name || 'Error',
      ...(code && { code }),
    });
  }
  return fail('network', detail, { cause });
}

/**
 * What one attempt came to (attemptOnce), sorted: the answer's JSON object, or the error a retry may mend. Thrown at
 * once: the caller's abort (its reason the cause) and what no retry mends (classifyAnswer, classifyFailure). The
 * request pipeline and joinMeeting both sort their attempts here, so the two cannot drift apart.
 */
export function classifyOutcome(
  outcome: AttemptOutcome,
  signal: AbortSignal | undefined,
  timeoutMs: number,
  host: string,
  fail: Fail,
  secret?: string,
): Record<string, unknown> | RealtimeKitError {
  if (!outcome.answer && signal?.aborted) throw abortedBy(signal, fail);
  return outcome.answer
    ? classifyAnswer(outcome.answer, fail, secret)
    : classifyFailure(outcome.thrown, !!outcome.timedOut, timeoutMs, host, fail, secret);
}

/** The error of a call the caller's signal aborted (before, during or between its attempts), its reason the cause. */
export const abortedBy = (signal: AbortSignal, fail: Fail) =>
  fail('aborted', "the caller's signal aborted it", { cause: signal.reason });
