import type { AttemptOutcome } from './attempt';
import type { Answer } from './transport';

/**
 * The browser build's attemptOnce (tsup.config.mts puts this file in place of attempt.ts): the same guarantees in
 * fewer bytes, since a browser always sends with fetch and so always needs a signal. The attempt handed to `send` is
 * an AbortController: its `signal` is what sendFetch reads of an Attempt.
 */
export async function attemptOnce(
  send: (attempt: { signal: AbortSignal }) => Promise<Answer>,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<AttemptOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort);
  try {
    return { answer: await send(controller) };
  } catch (thrown) {
    return { thrown, timedOut: controller.signal.aborted && !signal?.aborted };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
