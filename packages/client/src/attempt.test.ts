import { describe, expect, it } from 'vitest';
import { type Attempt, attemptOnce } from './attempt';
import { attemptOnce as browserAttemptOnce } from './attempt.browser';
import type { Answer } from './transport';

const answer = { response: { status: 200, ok: true } } as Answer;
/**
 * A send that never answers, and rejects once its attempt is stopped: through `request`, as node:http's destroyed
 * request does, on an Attempt; through the signal on the browser's AbortController.
 */
const hanging = (attempt: Attempt | { signal: AbortSignal }) =>
  new Promise<Answer>((_, reject) => {
    if ('aborted' in attempt) attempt.request = { destroy: reject };
    else attempt.signal.addEventListener('abort', () => reject(new Error('stopped by signal')));
  });

describe.each([
  ['Node', attemptOnce],
  ['browser', browserAttemptOnce as typeof attemptOnce],
])('attemptOnce (%s build)', (_, once) => {
  it('answers with what send answers', async () => {
    expect(await once(async () => answer, 1_000, undefined)).toEqual({ answer });
  });

  it('stops the send at its timeout, and says the timeout did', async () => {
    const outcome = await once(hanging, 10, undefined);
    expect(outcome.thrown).toBeInstanceOf(Error);
    expect(outcome.timedOut).toBe(true);
  });

  it("stops the send when the caller's signal aborts, not as a timeout, and leaves no listener", async () => {
    const controller = new AbortController();
    let listeners = 0;
    const { addEventListener, removeEventListener } = controller.signal;
    controller.signal.addEventListener = (...args: Parameters<AbortSignal['addEventListener']>) => {
      listeners++;
      addEventListener.apply(controller.signal, args);
    };
    controller.signal.removeEventListener = (...args: Parameters<AbortSignal['removeEventListener']>) => {
      listeners--;
      removeEventListener.apply(controller.signal, args);
    };
    setTimeout(() => controller.abort(), 10);
    const outcome = await once(hanging, 60_000, controller.signal);
    expect({ thrown: outcome.thrown instanceof Error, timedOut: outcome.timedOut, listeners }).toEqual({
      thrown: true,
      timedOut: false,
      listeners: 0,
    });
  });
});

it('an Attempt makes its AbortController only when a signal is asked for', async () => {
  let signal: AbortSignal | undefined;
  const outcome = await attemptOnce(
    (attempt) => {
      expect(attempt).not.toHaveProperty('controller', expect.anything());
      signal = attempt.signal;
      return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    },
    10,
    undefined,
  );
  expect({ aborted: signal?.aborted, timedOut: outcome.timedOut }).toEqual({ aborted: true, timedOut: true });
});
