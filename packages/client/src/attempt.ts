import type { Answer } from './transport';

/** One attempt ends with an answer, or with what was thrown instead (and whether our own timeout threw it). */
export type AttemptOutcome =
  | { answer: Answer; thrown?: undefined; timedOut?: undefined }
  | { answer?: undefined; thrown: unknown; timedOut: boolean };

/**
 * What stops one attempt, by its timeout or the caller's signal. The transport either reads `signal` (fetch: an
 * AbortController is made only then) or sets `request` (node:http: destroyed on abort, and no signal at all). It is
 * its own listener on the caller's signal (`handleEvent`), so an attempt allocates no closure for it.
 */
export class Attempt {
  aborted = false;
  private controller?: AbortController;
  /** node:http's request, destroyed on abort (node-http.ts destroys it itself if the attempt was already aborted). */
  request?: { destroy(error: Error): unknown };

  /** Read as the attempt starts (sendFetch reads it before it awaits anything): never after an abort. */
  get signal(): AbortSignal {
    this.controller ??= new AbortController();
    return this.controller.signal;
  }

  abort() {
    if (this.aborted) return;
    this.aborted = true;
    this.controller?.abort();
    this.request?.destroy(new Error('aborted'));
  }

  /** The caller's signal aborted. */
  handleEvent() {
    this.abort();
  }
}

const onTimeout = (attempt: Attempt) => attempt.abort();

/**
 * Sends once under its own timeout, also aborted by the caller's signal; leaves no timer and no listener on the
 * caller's signal behind, whatever happens.
 */
export async function attemptOnce(
  send: (attempt: Attempt) => Promise<Answer>,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<AttemptOutcome> {
  const attempt = new Attempt();
  // the function and the attempt passed as is: no closure per attempt
  const timer = setTimeout(onTimeout, timeoutMs, attempt);
  signal?.addEventListener('abort', attempt);
  try {
    return { answer: await send(attempt) };
  } catch (thrown) {
    return { thrown, timedOut: attempt.aborted && !signal?.aborted };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', attempt);
  }
}
