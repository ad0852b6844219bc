import {
  APP_PATH_PREFIX,
  type OperationId,
  type OperationResponseBody,
  operationRoutes,
} from '@realtimekit-meetings/core';
import { describeErrorBody, RealtimeKitError, type RealtimeKitErrorKind } from './errors';
import type { Logger, RawClient, RequestOptions } from './options';
import {
  backoffMs,
  MAX_RETRY_AFTER_SECONDS,
  parseRetryAfter,
  shouldRetryNetworkError,
  shouldRetryStatus,
  sleep,
} from './retry';

/** What `request()` takes besides the operationId. Account and app come from the client or the options. */
export interface RequestInput {
  /** Path parameters below the app: `meeting_id`, `participant_id`. */
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
}

export interface Engine {
  raw: RawClient;
  /** The fetch the raw client uses; wrapped per call only when a logger wants the final URL. */
  fetch?: (request: Request) => Promise<Response>;
  /** Proxy mode: paths start below the app, and account and app are never sent. */
  proxy: boolean;
  accountId?: string;
  appId?: string;
  timeoutMs: number;
  maxRetries: number;
  authorized: boolean;
  logger?: Logger;
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  const proto = typeof value === 'object' && value !== null && Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/** An ID must be a non-empty string and not a dot segment: `.` and `..` would be resolved away by URL parsing. */
const isId = (value: unknown) => typeof value === 'string' && value !== '' && value !== '.' && value !== '..';

const paramCache: Record<string, string[]> = {};
/** The names of a path template's parameters, `/meetings/{meeting_id}` → `['meeting_id']`, parsed once per template. */
export const pathParams = (template: string) =>
  (paramCache[template] ??= (template.match(/\{\w+\}/g) ?? []).map((p) => p.slice(1, -1)));

/** Throws an `invalid_argument` error with `message` unless `ok`. */
export function check(ok: unknown, message: string, details?: object): asserts ok {
  if (!ok) throw new RealtimeKitError('invalid_argument', message, details);
}

/** Checks timeout and retry settings, for the client and for each call alike. */
export function checkLimits(timeoutMs: number, maxRetries: number) {
  check(timeoutMs > 0 && timeoutMs < 2 ** 31, 'timeoutMs must be a positive number of milliseconds');
  check(Number.isInteger(maxRetries) && maxRetries >= 0, 'maxRetries must be a whole number, 0 or more');
}

/** Builds `request(operationId, input, options)`: validation, then attempts with timeout, retries and logging. */
export function createRequest(engine: Engine) {
  const { raw, proxy, logger } = engine;
  const send = raw.request as unknown as (method: string, url: string, init: object) => ReturnType<RawClient['GET']>;

  return async function request<K extends OperationId>(
    operationId: K,
    input: RequestInput = {},
    options: RequestOptions = {},
  ): Promise<OperationResponseBody<K>> {
    const route = operationRoutes[operationId];
    const method = route?.[0];
    const context = { operationId, method };
    const fail = (kind: RealtimeKitErrorKind, message: string, details?: object) =>
      new RealtimeKitError(kind, message, { ...context, ...details });
    check(route, 'Unknown operationId', context);
    check(isPlainObject(options as unknown), 'options must be a plain object', context);
    const [, below, hasBody, retrySafe] = route;
    const { signal, headers, timeoutMs = engine.timeoutMs, maxRetries = engine.maxRetries } = options;
    checkLimits(timeoutMs, maxRetries);

    const path: Record<string, unknown> = {};
    if (proxy) check(!(options.accountId ?? options.appId), 'accountId and appId are fixed by the proxy', context);
    else {
      path.account_id = options.accountId ?? engine.accountId;
      path.app_id = options.appId ?? engine.appId;
      check(isId(path.account_id), 'accountId is required: pass it or set CLOUDFLARE_ACCOUNT_ID', context);
      check(isId(path.app_id), 'appId is required: pass it or set REALTIMEKIT_APP_ID', context);
    }
    for (const name of pathParams(below)) {
      path[name] = input.params?.[name];
      check(isId(path[name]), `${name} must be a non-empty string other than "." or ".."`, context);
    }
    const { query, body } = input;
    check(query === undefined || isPlainObject(query), 'query must be a plain object', context);
    check(
      hasBody ? isPlainObject(body) : body === undefined,
      hasBody ? 'body must be a plain object' : 'this operation takes no body',
      context,
    );

    const url = proxy ? below : APP_PATH_PREFIX + below;
    const aborted = () => fail('aborted', 'The request was aborted', { cause: signal?.reason });
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw aborted();
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      const onAbort = () => controller.abort();
      signal?.addEventListener('abort', onAbort);
      const init: Record<string, unknown> = { params: { path, query }, body, headers, signal: controller.signal };
      // Logging is set up only when there is a logger: the per-call path without one allocates nothing for it.
      let log: ((status: unknown, retryInMs?: number) => void) | undefined;
      if (logger) {
        const started = Date.now();
        let sentUrl = url;
        init.fetch = (request: Request) => {
          sentUrl = request.url;
          return (engine.fetch ?? fetch)(request);
        };
        /** One line per attempt: method, path, status, attempt, duration; the token only as [redacted]. */
        log = (status, retryInMs) =>
          logger.debug(
            `[realtimekit] ${method} ${sentUrl.replace(/^\w+:\/\/[^/]+/, '')} ${status} (attempt ${attempt}/${maxRetries + 1}, ${Date.now() - started} ms${
              retryInMs === undefined ? '' : `, retrying in ${Math.round(retryInMs)} ms`
            })${engine.authorized ? ' Authorization: [redacted]' : ''}`,
          );
      }
      let result: Awaited<ReturnType<typeof send>> | undefined;
      let thrown: unknown;
      try {
        result = await send(method, url, init);
      } catch (error) {
        thrown = error;
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      }

      let error: RealtimeKitError;
      let retry: unknown;
      let waitMs: number | undefined;
      if (result) {
        const { response, data, error: errorPayload } = result;
        const { status, ok } = response;
        const payload = ok ? data : errorPayload;
        const requestId = response.headers.get('cf-ray') ?? undefined;
        if (ok && !isPlainObject(payload)) {
          throw fail('invalid_response', 'The API answered with a body that is not a JSON object', {
            status,
            requestId,
          });
        }
        if (ok && payload.success !== false) {
          log?.(status);
          return payload as OperationResponseBody<K>;
        }
        const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
        const described = describeErrorBody(payload, status);
        error = fail('http', described.message, { ...described, status, requestId, retryAfter });
        retry = !ok && shouldRetryStatus(status, !!retrySafe) && !((retryAfter ?? 0) > MAX_RETRY_AFTER_SECONDS);
        waitMs = retryAfter === undefined ? undefined : retryAfter * 1000;
      } else {
        if (signal?.aborted) throw aborted();
        check(!(thrown instanceof URIError), 'IDs and query values must be well-formed Unicode', context);
        if (thrown instanceof SyntaxError) throw fail('invalid_response', 'The API answered with invalid JSON');
        const timedOut = controller.signal.aborted;
        error = timedOut
          ? fail('timeout', `No answer within ${timeoutMs} ms`)
          : fail(
              'network',
              `Network error: ${(thrown as { cause?: { code?: string } })?.cause?.code ?? (thrown as Error)?.message}`,
              {
                cause: thrown,
              },
            );
        retry = timedOut ? retrySafe : shouldRetryNetworkError(thrown, !!retrySafe);
      }
      const delay = retry && attempt <= maxRetries ? (waitMs ?? backoffMs(attempt - 1)) : undefined;
      log?.(error.status ?? error.kind, delay);
      if (delay === undefined) throw error;
      await sleep(delay, signal).catch(() => {
        throw aborted();
      });
    }
  };
}
