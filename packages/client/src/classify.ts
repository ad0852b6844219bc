import { AnswerTooLarge } from './answer-too-large';
import type { AttemptOutcome } from './attempt';
import { describeErrorBody, type RealtimeKitError, type RealtimeKitErrorKind } from './errors';
import { networkCode, parseRetryAfter } from './retry';
import { type Answer, HTML_ANSWER } from './transport';
import { isPlainObject } from './validate-input';

type Fail = (kind: RealtimeKitErrorKind, message: string, details?: object) => RealtimeKitError;

/** What stands in for an answer's body that quoted the token and could not be rebuilt without it. */
const WITHHELD = '[withheld: it quoted the API token]';

/**
 * `value` with every copy of `secret` (the API token) replaced by `[redacted]`: a string, or a JSON body (keys and
 * strings, at any depth: rebuilt from its JSON text, in which the token is escaped as in its strings). What the far
 * side writes into an error (a gateway or a debugging upstream that echoes the request's Authorization header, a
 * redirect's Location) may quote it.
 */
function redactSecret<T>(value: T, secret: string | undefined): T {
  if (!secret || value === undefined) return value;
  if (typeof value === 'string') return (value.includes(secret) ? value.split(secret).join('[redacted]') : value) as T;
  try {
    const json = JSON.stringify(value);
    const quoted = JSON.stringify(secret).slice(1, -1);
    return json.includes(quoted) ? JSON.parse(json.split(quoted).join('[redacted]')) : value;
  } catch {
    // a body too deep to write, or a token that matched across the JSON's syntax (digits, say)
    return WITHHELD as T;
  }
}

/**
 * The answer's headers, or a copy without the token when one quotes it: in a value, or in a name (lower-cased there,
 * and replaced by `redacted`, since a name cannot hold brackets).
 */
function redactHeaders(headers: Headers, secret: string): Headers {
  const lower = secret.toLowerCase();
  const entries = [...headers];
  if (!entries.some(([name, value]) => name.includes(lower) || value.includes(secret))) return headers;
  return new Headers(entries.map(([name, value]) => [name.split(lower).join('redacted'), redactSecret(value, secret)]));
}

/** redactSecret in Node and workers; nothing in the browser build (a page holding a token shows it anyway). */
const redact: <T>(value: T, secret: string | undefined) => T =
  typeof __RTK_BROWSER__ === 'undefined' ? redactSecret : (value) => value;

/**
 * A foreign error as a cause we may keep: a plain Error with its name, code and message, the token cut out of each,
 * and so on down its own causes, four deep.
 * The original is never kept beside a token: a custom fetch's or a middleware's error may hold the request (its
 * Authorization header) anywhere, in a Request, a Map, a getter, where no search finds it but util.inspect shows it.
 */
function foreignCause(thrown: unknown, secret: string, depth = 4): Error {
  try {
    const { name, message, code, cause } = (typeof thrown === 'object' && thrown !== null ? thrown : {}) as Record<
      string,
      unknown
    >;
    const copy = new Error(redact(typeof message === 'string' ? message : String(thrown), secret));
    copy.name = redact(typeof name === 'string' ? name : 'Error', secret);
    if (typeof code === 'string' || typeof code === 'number') {
      Object.assign(copy, { code: redact(String(code), secret) });
    }
    // the reason is often inside (Node's fetch: `fetch failed`, its cause `bad port`): the chain is copied too
    if (cause !== undefined && depth > 1) copy.cause = foreignCause(cause, secret, depth - 1);
    return copy;
  } catch {
    // a getter or toString that throws: the failure is still a network error, its cause unreadable
    return new Error('the error thrown could not be read');
  }
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
  const requestId = redact(response.headers.get('cf-ray') ?? undefined, secret);
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
      typeof __RTK_BROWSER__ === 'undefined' && secret ? redactHeaders(response.headers, secret) : response.headers,
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
 * never copied (a custom fetch or middleware may quote a header, and so the token, in it): its name is; the `cause` is
 * the error itself on a client without a token (a browser's, a proxy client's), else a copy of it (foreignCause).
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
  const code = redact(networkCode(thrown) ?? '', secret);
  const name = redact(thrown instanceof Error ? thrown.name : '', secret);
  const detail = NETWORK[code]?.(host) ?? `${code || (name ? `${name} (see cause)` : 'failed')} talking to ${host}`;
  const cause = typeof __RTK_BROWSER__ === 'undefined' && secret ? foreignCause(thrown, secret) : thrown;
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
