import { expect } from 'vitest';
import { RealtimeKitError } from '../src/errors';

/** Awaits a call that must fail, checks that it failed with a RealtimeKitError, and returns that error. */
export async function rejection(promise: Promise<unknown>): Promise<RealtimeKitError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RealtimeKitError);
  return error as RealtimeKitError;
}
