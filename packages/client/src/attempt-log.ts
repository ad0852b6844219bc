import type { Logger } from './options';

/**
 * One line per attempt for the caller's logger: method, path, status, attempt, duration, and the token only as
 * `[redacted]`. Built only when there is a logger, so the per-call path without one allocates nothing for it.
 */
export function attemptLog(
  logger: Logger,
  method: string,
  url: string,
  attempt: number,
  attempts: number,
  authorized: boolean,
) {
  const started = Date.now();
  return (status: unknown, retryInMs?: number) =>
    logger.debug(
      `[realtimekit] ${method} ${url.replace(/^\w+:\/\/[^/]+/, '')} ${status} (attempt ${attempt}/${attempts}, ${Date.now() - started} ms${
        retryInMs === undefined ? '' : `, retrying in ${Math.round(retryInMs)} ms`
      })${authorized ? ' Authorization: [redacted]' : ''}`,
    );
}
