import type { Answer } from './transport';

/** One attempt ends with an answer, or with what was thrown instead (and whether our own timeout threw it). */
export type AttemptOutcome =
  | { answer: Answer; thrown?: undefined; timedOut?: undefined }
  | { answer?: undefined; thrown: unknown; timedOut: boolean };

/**
 * Sends once under its own timeout, also aborted by the caller's signal; leaves no timer and no listener on the
 * caller's signal behind, whatever happens.
 */
export async function attemptOnce(
  send: (signal: AbortSignal) => Promise<Answer>,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<AttemptOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort);
  try {
    return { answer: await send(controller.signal) };
  } catch (thrown) {
    return { thrown, timedOut: controller.signal.aborted && !signal?.aborted };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
