/**
 * Whether a request can be repeated without changing the outcome: GET, PUT and DELETE are idempotent by HTTP's
 * semantics; POST and PATCH are not (a retried create makes a second meeting). The one place retry safety is decided.
 */
export const isRetrySafe = (method: string) => method === 'GET' || method === 'PUT' || method === 'DELETE';

/** A Retry-After longer than this is not waited out: the error is thrown with `retryAfter` set. */
export const MAX_RETRY_AFTER_SECONDS = 60;

/**
 * How long to wait before the next attempt after `error`, or undefined to give up: only errors a repeat can mend
 * (see shouldRetryStatus, shouldRetryNetworkError; a timeout when the method is safe), the server's Retry-After
 * when it gave one (and it is short), else backoff. `retry` counts the retries made so far.
 */
export function retryDelay(
  error: { kind: string; status?: number; retryAfter?: number; cause?: unknown },
  retrySafe: boolean,
  retry: number,
): number | undefined {
  const { kind, status = 0, retryAfter } = error;
  const mendable =
    kind === 'http'
      ? shouldRetryStatus(status, retrySafe) && !((retryAfter ?? 0) > MAX_RETRY_AFTER_SECONDS)
      : kind === 'timeout'
        ? retrySafe
        : kind === 'network' && shouldRetryNetworkError(error.cause, retrySafe);
  return !mendable ? undefined : retryAfter === undefined ? backoffMs(retry) : retryAfter * 1000;
}

/**
 * Whether an answer with this status may be retried. GET, PUT and DELETE are safe to repeat, on 408, 429, 500,
 * 502, 503 and 504; a POST or PATCH may already have taken effect, so it is retried only on 429, which says it was not.
 */
export const shouldRetryStatus = (status: number, retrySafe: boolean) =>
  status === 429 || (retrySafe && [408, 500, 502, 503, 504].includes(status));

/** Whether a failure to get any answer may be retried: always for safe methods, else only when nothing was sent. */
export const shouldRetryNetworkError = (error: unknown, retrySafe: boolean) =>
  retrySafe || networkCode(error) === 'ECONNREFUSED';

/** The system error code of a failed send: on the error itself (node:http) or its cause (fetch). */
export const networkCode = (error: unknown): string | undefined => {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = typeof e?.code === 'string' ? e.code : e?.cause?.code;
  return typeof code === 'string' ? code : undefined;
};

/** Exponential backoff with full jitter: a random wait up to 0.5 s × 2^retry, capped at 8 s. */
export const backoffMs = (retry: number, random = Math.random) => random() * Math.min(8000, 500 * 2 ** retry);

/** Parses Retry-After (seconds, or an HTTP date) into seconds; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  const seconds = !value
    ? Number.NaN
    : /^\s*\d+\s*$/.test(value)
      ? +value
      : /[a-z]{3}/i.test(value)
        ? Math.ceil((Date.parse(value) - now) / 1000)
        : Number.NaN;
  return Number.isNaN(seconds) ? undefined : Math.max(0, seconds);
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts; leaves no timer behind either way. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    function onAbort(this: AbortSignal) {
      clearTimeout(timer);
      reject(this.reason);
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
