import { createRealtimeKitClient, type RealtimeKitError } from '@realtimekit-meetings/client';
import { ACCOUNT, APP } from '@realtimekit-meetings/test-fixtures/ids';
import { createRealtimeKitFake, type RealtimeKitFakeOptions } from '../src/fake/create-fake';
import type { EventScope, FakeEvent } from '../src/fake/events';

/** The base URL the clients call (Cloudflare's): the fake answers under any. */
export const BASE = 'https://api.cloudflare.com/client/v4';
/** An app other than `APP`, whose calls must see none of `APP`'s state. */
export const OTHER_APP = '00000000-0000-4000-8000-00000000a99a';
/** An ID nothing has. */
export const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/**
 * A fake on a clock the test moves (from `start`, an ISO time), our client on it for any app (`client(appId)`; `rtk`
 * is `APP`'s), retries off, and every event it announced, in order (`events`, each one's app in `scopes`).
 */
export function fakeOnClock(start: string, options: RealtimeKitFakeOptions = {}) {
  let now = Date.parse(start);
  const events: FakeEvent[] = [];
  const scopes: EventScope[] = [];
  const fake = createRealtimeKitFake({
    now: () => new Date(now),
    onEvent: (scope, event) => {
      scopes.push(scope);
      events.push(event);
    },
    ...options,
  });
  const client = (appId = APP) =>
    createRealtimeKitClient({
      baseUrl: BASE,
      apiToken: 't',
      accountId: ACCOUNT,
      appId,
      maxRetries: 0,
      fetch: fake.fetch,
    });
  return {
    fake,
    client,
    rtk: client(),
    events,
    scopes,
    /** Sets the clock to an ISO time. */
    at: (iso: string) => {
      now = Date.parse(iso);
    },
    /** Moves the clock on, and answers the new time (ISO). */
    tick: (seconds: number) => {
      now += seconds * 1000;
      return new Date(now).toISOString();
    },
  };
}

/** The error a call fails with; a call that succeeds fails the test. */
export const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: RealtimeKitError) => error,
  );
