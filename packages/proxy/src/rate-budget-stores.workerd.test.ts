import { createRequire } from 'node:module';
import path from 'node:path';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// esbuild as tsup brings it (as join-stores.workerd.test.ts does)
const { build } = createRequire(require.resolve('tsup'))('esbuild') as {
  build(options: object): Promise<{ outputFiles: { text: string }[] }>;
};

/** A Worker that takes slots of a shared budget (D1, or the coordinator) and answers what the store said. */
const worker = `
import { createRealtimeKitClient } from '@realtimekit-meetings/client';
import { d1RateBudgetStore, durableObjectRateBudgetStore, RateBudgetCoordinator } from './join-stores';
export { RateBudgetCoordinator };
export default {
  async fetch(request, env) {
    const store = env.STORE === 'd1' ? d1RateBudgetStore(env.DB) : durableObjectRateBudgetStore(env.RATE_BUDGET);
    const { op, key, requests, windowMs, now, until } = await request.json();
    if (op === 'block') return Response.json({ ok: await store.block(key, until) === undefined });
    if (op === 'call') {
      // the client's own budget, as the Workers build of the client has it, on the shared store; its fetch answers here
      let sent = false;
      const rtk = createRealtimeKitClient({
        apiToken: 'worker-budget-token', accountId: 'a', appId: 'b', maxRetries: 0,
        fetch: async () => { sent = true; return Response.json({ success: true, data: { id: 'm1' } }); },
        rateBudget: { store, key, requests, windowSeconds: windowMs / 1000, maxWaitSeconds: 0 },
      });
      const kind = await rtk.meetings.get('m1').then(() => 'ok', (e) => e.kind);
      return Response.json({ kind, sent });
    }
    return Response.json({ retryAt: await store.take(key, requests, windowMs, now) });
  },
};
`;

let mf: Miniflare;
const WORKERS = 4;
beforeAll(async () => {
  const bundle = await build({
    stdin: { contents: worker, resolveDir: path.join(import.meta.dirname), loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  mf = new Miniflare({
    workers: Array.from({ length: WORKERS * 2 }, (_, i) => ({
      name: `budget-${i}`,
      modules: true,
      script,
      compatibilityDate: '2025-07-01',
      bindings: { STORE: i < WORKERS ? 'do' : 'd1' },
      d1Databases: { DB: 'shared-rate-budget' },
      durableObjects: { RATE_BUDGET: { className: 'RateBudgetCoordinator', scriptName: 'budget-0' } },
    })),
  });
  await mf.ready;
}, 60_000);
afterAll(async () => {
  await mf?.dispose();
});

const T0 = Date.parse('2026-12-01T12:00:00Z');

describe.each([
  ['the RateBudgetCoordinator Durable Object', 0],
  ['one D1 database', WORKERS],
])('the rate budget on several Workers in workerd sharing %s', (_store, first) => {
  const call = async (i: number, body: object) => {
    const w = (await mf.getWorker(`budget-${first + (i % WORKERS)}`)) as unknown as {
      fetch(url: string, init: object): Promise<{ json(): Promise<{ retryAt?: number }> }>;
    };
    return (await w.fetch('https://budget.test/', { method: 'POST', body: JSON.stringify(body) })).json();
  };

  it(`of 100 concurrent takes over ${WORKERS} Workers with 30 slots, exactly 30 are granted; a block holds them all`, async () => {
    const key = `key-${first}`;
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => call(i, { op: 'take', key, requests: 30, windowMs: 60_000, now: T0 })),
    );
    expect(answers.filter((a) => a.retryAt === 0)).toHaveLength(30);
    expect(answers.filter((a) => a.retryAt === T0 + 60_000)).toHaveLength(70);
    expect(await call(1, { op: 'take', key, requests: 30, windowMs: 60_000, now: T0 + 60_000 })).toEqual({
      retryAt: 0,
    });
    await call(2, { op: 'block', key, until: T0 + 400_000 });
    expect(await call(3, { op: 'take', key, requests: 30, windowMs: 60_000, now: T0 + 120_000 })).toEqual({
      retryAt: T0 + 400_000,
    });
  });

  it(`the client's own budget in the Workers build: of 100 calls over ${WORKERS} Workers with 30 slots, 30 are sent`, async () => {
    const key = `client-${first}`;
    const answers = (await Promise.all(
      Array.from({ length: 100 }, (_, i) => call(i, { op: 'call', key, requests: 30, windowMs: 60_000 })),
    )) as unknown as { kind: string; sent: boolean }[];
    expect(answers.filter((a) => a.kind === 'ok' && a.sent)).toHaveLength(30);
    expect(answers.filter((a) => a.kind === 'rate_limited' && !a.sent)).toHaveLength(70);
  });
});
