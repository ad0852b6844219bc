import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FaultServer, startFaultServer } from '../test-support/fault-server';
import { ACCOUNT, APP, MEETING, TOKEN } from '../test-support/recording-fetch';
import { rejection } from '../test-support/rejection';
import { createRealtimeKitClient } from './create-client';
import type { ServerClientOptions } from './options';
import { createRateBudget, type RateBudgetOptions } from './rate-budget';
import { memoryRateBudgetStore } from './rate-budget-store';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
afterEach(() => server.reset());

const meeting = { id: MEETING, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' };
const ok = { status: 200, body: { success: true, data: meeting } };

/** A clock that only moves when told, or when the budget sleeps on it. */
function fakeClock(start = Date.parse('2026-12-01T12:00:00Z')) {
  const clock = {
    t: start,
    slept: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.slept.push(ms);
      clock.t += ms;
    },
  };
  return clock;
}

const rtk = (rateBudget: RateBudgetOptions | false, options: ServerClientOptions = {}) =>
  createRealtimeKitClient({
    apiToken: TOKEN,
    accountId: ACCOUNT,
    appId: APP,
    baseUrl: server.url,
    rateBudget,
    ...options,
  });

describe('the rate budget', () => {
  it('sends at most `requests` calls in a window; the next fails fast as rate_limited, saying when, unsent', async () => {
    const clock = fakeClock();
    const client = rtk({ requests: 3, windowSeconds: 60, maxWaitSeconds: 0, clock });
    for (let i = 0; i < 3; i++) await client.meetings.get(MEETING);
    clock.t += 10_000;
    const error = await rejection(client.meetings.get(MEETING));
    expect(server.requests).toHaveLength(3);
    expect(error).toMatchObject({ kind: 'rate_limited', operationId: 'get_meeting', retryAfter: 50 });
    expect(error.retryAt?.toISOString()).toBe('2026-12-01T12:01:00.000Z');
    expect(error.message).toBe(
      'rate_limited get_meeting: not sent: the rate budget (3 calls per 60 s) is spent; retry after 2026-12-01T12:01:00.000Z (in 50 s)',
    );
    clock.t += 50_000; // the window slides: the first call's slot is free again
    await client.meetings.get(MEETING);
    expect(server.requests).toHaveLength(4);
  });

  it('waits up to maxWaitSeconds for a slot instead of failing', async () => {
    const clock = fakeClock();
    const client = rtk({ requests: 2, windowSeconds: 10, maxWaitSeconds: 5, clock });
    await client.meetings.get(MEETING);
    clock.t += 6_000;
    await client.meetings.get(MEETING);
    await client.meetings.get(MEETING); // the first slot frees in 4 s: waited
    expect(clock.slept).toEqual([4_000]);
    expect((await rejection(client.meetings.get(MEETING))).kind).toBe('rate_limited'); // the next frees in 6 s
    expect(server.requests).toHaveLength(3);
  });

  it('after a 429 without Retry-After, blocks every call for 5 minutes (Cloudflare blocks that long): nothing more is sent', async () => {
    const clock = fakeClock();
    const client = rtk({ clock });
    server.reply({ status: 429, body: { success: false, errors: [{ code: 10100, message: 'More than 1200' }] } });
    const first = await rejection(client.meetings.create({ title: 'Standup' }));
    expect(first).toMatchObject({ kind: 'http', status: 429 });
    clock.t += 60_000;
    const [get, create] = [
      await rejection(client.meetings.get(MEETING)),
      await rejection(client.meetings.create({ title: 'Standup' })),
    ];
    expect(server.requests.map((r) => r.method)).toEqual(['POST']); // the write was not retried either
    for (const error of [get, create]) {
      expect(error).toMatchObject({ kind: 'rate_limited', retryAfter: 240 });
      expect(error.message).toContain('the API answered 429 (too many requests) without Retry-After');
      expect(error.retryAt?.toISOString()).toBe('2026-12-01T12:05:00.000Z');
    }
    clock.t += 240_000;
    await expect(client.meetings.get(MEETING)).resolves.toEqual({});
  });

  it('after a 429 with Retry-After 120, blocks 120 s', async () => {
    const clock = fakeClock();
    const client = rtk({ clock });
    server.reply({ status: 429, headers: { 'retry-after': '120' } });
    expect((await rejection(client.meetings.get(MEETING))).retryAfter).toBe(120);
    expect(await rejection(client.meetings.get(MEETING))).toMatchObject({ kind: 'rate_limited', retryAfter: 120 });
    expect(server.requests).toHaveLength(1);
  });

  it('reads Ratelimit: r=0 blocks until its reset t; Ratelimit-Policy is named in the message', async () => {
    const clock = fakeClock();
    const client = rtk({ requests: 2, windowSeconds: 10, maxWaitSeconds: 0, clock });
    server.reply(
      { ...ok, headers: { ratelimit: '"default";r=0;t=30', 'ratelimit-policy': '"default";q=1200;w=300' } },
      ok,
    );
    await client.meetings.get(MEETING);
    const blocked = await rejection(client.meetings.get(MEETING));
    expect(blocked).toMatchObject({ kind: 'rate_limited', retryAfter: 30 });
    expect(blocked.message).toContain('the API says none of its budget is left (Ratelimit: r=0)');
    clock.t += 30_000;
    await client.meetings.get(MEETING);
    await client.meetings.get(MEETING);
    expect((await rejection(client.meetings.get(MEETING))).message).toContain(
      "the rate budget (2 calls per 10 s; the API's: 1200 per 300 s) is spent",
    );
    expect(server.requests).toHaveLength(3);
  });

  it('is shared by clients given the same store; `false` turns it off', async () => {
    const clock = fakeClock();
    const store = memoryRateBudgetStore();
    const [a, b] = [1, 2].map(() => rtk({ requests: 2, windowSeconds: 60, maxWaitSeconds: 0, clock, store }));
    await a!.meetings.get(MEETING);
    await b!.meetings.get(MEETING);
    expect((await rejection(a!.meetings.get(MEETING))).kind).toBe('rate_limited');
    expect((await rejection(b!.meetings.get(MEETING))).kind).toBe('rate_limited');
    const off = rtk(false);
    for (let i = 0; i < 3; i++) await off.meetings.get(MEETING);
    expect(server.requests).toHaveLength(5);
  });

  it('an abort while waiting for a slot is `aborted`', async () => {
    const controller = new AbortController();
    const clock = fakeClock();
    const client = rtk({
      requests: 1,
      windowSeconds: 10,
      clock: { now: clock.now, sleep: async () => controller.abort(new Error('stop')) },
    });
    await client.meetings.get(MEETING);
    expect((await rejection(client.meetings.get(MEETING, { signal: controller.signal }))).kind).toBe('aborted');
  });

  it('refuses bad options before anything is sent', () => {
    const bad: [unknown, string][] = [
      [{ requests: 0 }, 'rateBudget.requests must be a whole number over 0'],
      [{ windowSeconds: -1 }, 'rateBudget.windowSeconds must be over 0'],
      [{ maxWaitSeconds: -1 }, 'rateBudget.maxWaitSeconds must be 0 to 3,600'],
      [{ requets: 10 }, 'unknown rateBudget option "requets"'],
      [{ store: {} }, 'rateBudget.store must have take() and block()'],
      [true, 'rateBudget must be an object or false'],
    ];
    for (const [rateBudget, message] of bad) {
      expect(() => rtk(rateBudget as RateBudgetOptions)).toThrow(message);
    }
  });
});

describe('observe', () => {
  it('returns no promise for an answer with nothing to record, and one that blocks for a 429', async () => {
    const blocks: number[] = [];
    const store = { ...memoryRateBudgetStore(), block: (_: string, until: number) => void blocks.push(until) };
    const clock = { now: () => 1_000, sleep: async () => {} };
    const budget = createRateBudget({ store, clock }, 'k');
    expect(budget.observe(200, new Headers({ 'content-type': 'application/json' }))).toBeUndefined();
    // node:http's answer is read through get(), without Headers
    await budget.observe(429, { get: (name) => (name === 'retry-after' ? '7' : undefined) });
    expect(blocks).toEqual([8_000]);
  });
});
