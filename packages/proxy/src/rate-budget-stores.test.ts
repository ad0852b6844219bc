import { PGlite } from '@electric-sql/pglite';
import {
  createJoinTokens,
  createRealtimeKitClient,
  memoryRateBudgetStore,
  type RateBudgetStore,
  RealtimeKitError,
} from '@realtimekit-meetings/client';
import { createRealtimeKitFake } from '@realtimekit-meetings/mock/fake';
import { ACCOUNT, APP } from '@realtimekit-meetings/test-fixtures/ids';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresJoinTokenStore } from './join-stores';
import { postgresRateBudgetStore } from './rate-budget-stores';

let pg: PGlite;
beforeAll(async () => {
  pg = new PGlite(); // Postgres compiled to WebAssembly: the real engine; D1 and the coordinator run in workerd
}, 60_000);
afterAll(async () => {
  await pg.close();
});

let tables = 0;
const engines: [string, () => RateBudgetStore][] = [
  ['memory', () => memoryRateBudgetStore()],
  ['Postgres (PGlite)', () => postgresRateBudgetStore(pg, { table: `rate_budget_${++tables}` })],
];

const T0 = Date.parse('2026-12-01T12:00:00Z');

describe.each(engines)('the rate budget store on %s', { timeout: 120_000 }, (_engine, newStore) => {
  it('takes at most `requests` slots in any sliding window, and says when the next one frees', async () => {
    const store = newStore();
    expect(await store.take('k', 3, 60_000, T0)).toBe(0);
    expect(await store.take('k', 3, 60_000, T0 + 10_000)).toBe(0);
    expect(await store.take('k', 3, 60_000, T0 + 20_000)).toBe(0);
    expect(await store.take('k', 3, 60_000, T0 + 30_000)).toBe(T0 + 60_000);
    expect(await store.take('other', 3, 60_000, T0 + 30_000)).toBe(0); // keys are apart
    expect(await store.take('k', 3, 60_000, T0 + 60_000)).toBe(0); // the first slot slid out
    expect(await store.take('k', 3, 60_000, T0 + 60_000)).toBe(T0 + 70_000);
  });

  it('a block holds every take until it ends; a shorter block never shortens it', async () => {
    const store = newStore();
    await store.block('k', T0 + 300_000);
    await store.block('k', T0 + 1_000);
    expect(await store.take('k', 10, 60_000, T0)).toBe(T0 + 300_000);
    expect(await store.take('k', 10, 60_000, T0 + 299_999)).toBe(T0 + 300_000);
    expect(await store.take('k', 10, 60_000, T0 + 300_000)).toBe(0);
  });

  it('of 60 concurrent takes with 25 slots, exactly 25 are granted', async () => {
    const store = newStore();
    const answers = await Promise.all(Array.from({ length: 60 }, () => store.take('k', 25, 60_000, T0)));
    expect(answers.filter((a) => a === 0)).toHaveLength(25);
    expect(answers.filter((a) => a === T0 + 60_000)).toHaveLength(35);
  });

  it('5,000 joins on 4 instances against the fake limited to 1,200 per 5 minutes: none over budget, the rest rate_limited with when to retry', async () => {
    let now = T0;
    const fake = createRealtimeKitFake({
      now: () => new Date(now),
      rateLimit: { requests: 1200, windowSeconds: 300 },
    });
    const statuses = new Map<number, number>();
    const fetch = async (request: Request) => {
      const response = await fake.fetch(request);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      return response;
    };
    const budgetStore = newStore();
    const joinStore = postgresJoinTokenStore(pg, { table: `rate_joins_${++tables}` });
    const clock = {
      now: () => now,
      sleep: async (ms: number) => {
        now += ms;
      },
    };
    const client = () =>
      createRealtimeKitClient({
        apiToken: 'server-token',
        accountId: ACCOUNT,
        appId: APP,
        baseUrl: 'https://api.cloudflare.com/client/v4',
        fetch,
        rateBudget: { requests: 1200, windowSeconds: 300, store: budgetStore, clock },
      });
    const setup = client();
    const meetings: string[] = [];
    for (let i = 0; i < 5; i++) meetings.push((await setup.meetings.create({ title: `Webinar ${i}` })).id as string);
    const joins = Array.from({ length: 4 }, () =>
      createJoinTokens({ client: client(), preset: 'group_call_participant', store: joinStore }),
    );
    now += 1_000;
    const results = await Promise.all(
      Array.from({ length: 5000 }, (_, i) =>
        joins[i % 4]!(meetings[i % 5]!, { id: `user-${i}`, name: `User ${i}` }).then(
          (result) => result,
          (error: unknown) => error,
        ),
      ),
    );
    const failed = results.filter((r) => r instanceof RealtimeKitError);
    expect(statuses.get(429) ?? 0).toBe(0); // never over the fake's budget
    expect(statuses.get(201)).toBe(1200); // 5 meetings and 1,195 adds: the whole budget, and no more
    expect(results.length - failed.length).toBe(1195);
    expect(new Set(failed.map((e) => e.kind))).toEqual(new Set(['rate_limited']));
    expect(new Set(failed.map((e) => e.retryAt?.getTime()))).toEqual(new Set([T0 + 300_000]));
    expect(failed[0]!.message).toMatch(
      /not sent: the rate budget \(1200 calls per 300 s; the API's: 1200 per 300 s\) is spent; retry after 2026-12-01T12:05:00.000Z \(in 299 s\)$/,
    );
    // once the window has slid past the first calls, joins are sent again
    now = T0 + 300_000;
    await expect(joins[0]!(meetings[0]!, { id: 'late', name: 'Late' })).resolves.toMatchObject({ created: true });
    // a user refused earlier joins with one call, the add: an unsent add leaves no claim that would need a look-up
    const refused = results.findIndex((r) => r instanceof RealtimeKitError);
    const sent = [...statuses.values()].reduce((a, b) => a + b);
    await expect(
      joins[1]!(meetings[refused % 5]!, { id: `user-${refused}`, name: `User ${refused}` }),
    ).resolves.toMatchObject({ created: true });
    expect([...statuses.values()].reduce((a, b) => a + b) - sent).toBe(1);
  });
});

describe('the proxy', () => {
  it('answers a rate_limited call 429 with Retry-After, as the API would', async () => {
    const { upstreamErrorAnswer } = await import('./responses');
    const error = new RealtimeKitError('rate_limited', 'not sent: the rate budget is spent', { retryAfter: 42 });
    const answer = upstreamErrorAnswer(error);
    expect([answer.status, answer.headers?.['retry-after']]).toEqual([429, '42']);
  });
});
