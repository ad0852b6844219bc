import {
  APP_PATH_PREFIX,
  type HttpMethod,
  type OperationId,
  type OperationInput,
  type OperationResponseBody,
} from '@realtimekit-meetings/core';
import { attemptOnce } from './attempt';
import { attemptLog } from './attempt-log';
import { abortedBy, classifyOutcome } from './classify';
import { RealtimeKitError, type RealtimeKitErrorKind } from './errors';
import type { Logger, RequestOptions } from './options';
import type { HeaderReader, RateBudget } from './rate-budget';
import { isRetrySafe, retryDelay, sleep } from './retry';
import type { Transport } from './transport';
import { check, checkHeaders, checkLimits, isId, isPlainObject, notAnId, pathParams } from './validate-input';

/**
 * The API's refusal of the token or its scope, with what to check (`401 get_meeting: Authentication error: the token
 * was refused…`). Not through a proxy, whose 401 and 403 are its own; not in the browser build.
 */
function refusalHint(message: string, status: number | undefined, proxy: boolean): string {
  if (proxy) return message;
  if (status === 401) {
    return `${message}: the token was refused or is missing: set apiToken (or CLOUDFLARE_API_TOKEN) to a Cloudflare API token with Realtime permissions`;
  }
  if (status === 403) {
    return `${message}: the token may not act on this account or app: check accountId, appId and the token's Realtime permissions`;
  }
  return message;
}

/** What `request()` takes besides the operationId: the operation's path IDs, query and body. */
export type RequestInput<K extends OperationId = OperationId> = OperationInput<K>;

/** What the request pipeline needs from the client it belongs to. */
export interface RequestConfig {
  /** Sends one request (transport.ts). */
  transport: Transport;
  /** Proxy mode: paths start below the app, and account and app are never sent. */
  proxy: boolean;
  /** Where requests go, as errors name it: `127.0.0.1:4010`, `api.cloudflare.com`. */
  host: string;
  accountId?: string;
  appId?: string;
  timeoutMs: number;
  maxRetries: number;
  authorized: boolean;
  /** The API token, cut out of whatever the far side writes into an error (classify.ts); never sent from here. */
  secret?: string;
  logger?: Logger;
  /** Spaces the calls, and fails them fast once blocked (rate-budget.ts); none when turned off. */
  budget?: RateBudget;
}

/**
 * An operation's route, as core's `operationRoutes` holds it: verb, path (below the app, or whole), whether it has a
 * body, and its array query parameters sent comma-separated (`status=A,B`, the spec's `explode: false`), if any.
 */
export type Route = readonly [
  method: HttpMethod,
  path: string,
  hasBody: 0 | 1 | boolean,
  commaQuery?: readonly string[],
];

/**
 * Builds the pipeline that sends one operation, `send(operationId, route, input, options)`, in steps: validate the
 * input (before anything is sent), then attempt under a timeout and the caller's signal, classify what came back,
 * retry what is safe to retry with backoff, and log each attempt when there is a logger. It is handed the route, so
 * it carries no table of operations: the generated methods pass the one they call (internal/api-client.ts), and
 * `request(operationId)` finds it in core's table (request-by-id.ts).
 */
export function createSend(config: RequestConfig) {
  const { transport, proxy, logger, budget } = config;

  /** `unwrap` is for the generated methods: the answer's `data` (1), or one page, `{ data, paging }` (2). */
  return async function send<K extends OperationId>(
    operationId: K,
    route: Route,
    input: RequestInput<K> = {} as RequestInput<K>,
    options: RequestOptions = {},
    unwrap?: 1 | 2,
  ): Promise<OperationResponseBody<K>> {
    const method = route[0];
    const context = { operationId, method };
    const fail = (kind: RealtimeKitErrorKind, message: string, details?: { status?: number }) =>
      new RealtimeKitError(
        kind,
        typeof __RTK_BROWSER__ === 'undefined' ? refusalHint(message, details?.status, proxy) : message,
        { ...context, ...details },
      );

    // 1. validate
    check(isPlainObject(options as unknown), 'options must be a plain object', context);
    // appPath: the path template below APP_PATH_PREFIX, or the whole template of the account's own (`/accounts/…/apps`)
    const [, appPath, hasBody, commaQuery] = route;
    const account = appPath.startsWith('/accounts/');
    const { signal, headers, timeoutMs = config.timeoutMs, maxRetries = config.maxRetries } = options;
    checkLimits(timeoutMs, maxRetries);
    if (headers !== undefined) checkHeaders(headers, 'options.headers', context);
    const path: Record<string, unknown> = {};
    if (proxy) {
      check(!(options.accountId ?? options.appId), 'accountId and appId are fixed by the proxy', context);
      check(!account, "the proxy serves one app: call the account's apps from a server client", context);
    } else {
      // the client's own were checked when it was created; a call's overrides are checked here
      path.account_id = options.accountId ?? config.accountId;
      path.app_id = options.appId ?? config.appId;
      check(isId(path.account_id), 'options.accountId must be a non-empty string', context);
      check(isId(path.app_id), 'options.appId must be a non-empty string', context);
    }
    const { params, query, body } = input as { params?: Record<string, unknown>; query?: unknown; body?: unknown };
    for (const name of pathParams(appPath)) {
      if (name === 'account_id') continue;
      path[name] = params?.[name];
      if (!isId(path[name])) check(false, `${name} ${notAnId(path[name])}`, context);
    }
    check(query === undefined || isPlainObject(query), 'query must be a plain object', context);
    check(
      hasBody ? isPlainObject(body) : body === undefined,
      hasBody ? 'body must be a plain object' : 'this operation takes no body',
      context,
    );

    const schemaPath = proxy || account ? appPath : APP_PATH_PREFIX + appPath;
    let url: string;
    try {
      url = transport.url(schemaPath, path, query as Record<string, unknown> | undefined, commaQuery);
    } catch {
      throw fail('invalid_argument', 'IDs and query values must be well-formed Unicode');
    }
    const retrySafe = isRetrySafe(method);
    // called only once the caller's signal has aborted
    const aborted = () => abortedBy(signal as AbortSignal, fail);
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw aborted();
      // a slot in the rate budget, or rate_limited before anything is sent (an abort while waiting is thrown here)
      if (typeof __RTK_BROWSER__ === 'undefined') {
        const slot = budget?.take(context, signal);
        if (slot) await slot.catch((error) => Promise.reject(signal?.aborted ? aborted() : error)); // or the store's error
      }
      // 2. attempt
      const log = logger && attemptLog(logger, method, url, attempt, maxRetries + 1, config.authorized);
      const outcome = await attemptOnce(
        (attempt) => transport.send(method, url, { body, headers, attempt, schemaPath }),
        timeoutMs,
        signal,
      );

      if (typeof __RTK_BROWSER__ === 'undefined' && budget && outcome.answer) {
        const { response } = outcome.answer;
        // node:http's answer reads a header without building Headers; a block to record is awaited, else nothing
        const blocking = budget.observe(response.status, response.get ? (response as HeaderReader) : response.headers);
        if (blocking) await blocking;
      }
      // 3. classify
      let result: Record<string, unknown> | RealtimeKitError;
      try {
        result = classifyOutcome(outcome, signal, timeoutMs, config.host, fail, config.secret);
      } catch (error) {
        // an attempt thrown at once (the caller's abort, an answer no retry mends) still gets its line
        log?.((error as RealtimeKitError).kind);
        throw error;
      }
      if (!(result instanceof RealtimeKitError)) {
        if (!unwrap) {
          log?.(outcome.answer?.response.status);
          return result as OperationResponseBody<K>;
        }
        const { data, paging } = result;
        const missing = data === undefined ? 'data' : unwrap > 1 && !paging ? 'paging' : '';
        log?.(missing ? 'invalid_response' : outcome.answer?.response.status);
        if (missing) throw fail('invalid_response', `the API answered without ${missing}`);
        return (unwrap > 1 ? { data, paging } : data) as never;
      }

      // 4. retry what is safe to retry, or throw
      // with a budget, a 429 without Retry-After blocks it for Cloudflare's 5 minutes: not retried
      const blocked =
        typeof __RTK_BROWSER__ === 'undefined' && budget && result.status === 429 && result.retryAfter === undefined;
      const delay = attempt <= maxRetries && !blocked ? retryDelay(result, retrySafe, attempt - 1) : undefined;
      log?.(result.status ?? result.kind, delay);
      if (delay === undefined) {
        result.attempts = attempt;
        if (attempt > 1) result.message += ` (${attempt} attempts, ${Date.now() - started} ms in all)`;
        throw result;
      }
      // an abort while waiting is thrown at the top of the loop
      await sleep(delay, signal).catch(() => {});
    }
  };
}

/** The pipeline a client holds: one operation, its route given. */
export type SendFunction = ReturnType<typeof createSend>;
