import { createRequire } from 'node:module';
import { verifyWebhook } from '@realtimekit-meetings/client/webhooks';
import { ACCOUNT, APP, MEETING } from '@realtimekit-meetings/test-fixtures/ids';
import { Miniflare } from 'miniflare';
import { expect, it, onTestFinished } from 'vitest';
import { startWebhookReceiver } from '../../test-support/webhook-receiver';
import type { WebhookDelivery } from './webhook-sender';

// esbuild as tsup brings it (as packages/proxy/src/join-stores.workerd.test.ts does)
const { build } = createRequire(require.resolve('tsup'))('esbuild') as {
  build(options: object): Promise<{ outputFiles: { text: string }[] }>;
};

/**
 * The fake as a Worker: the API on every path, and `POST /emit` emitting the event in its body as a state change
 * would, answering the delivery log once settled (a Worker's I/O belongs to a request, so it waits in one).
 */
const worker = `
import { createRealtimeKitFake, internalContext } from './create-fake';
// at the top level, as a Worker holds its state: nothing in making a fake may do I/O or draw random numbers
const fake = createRealtimeKitFake({ seed: 8, webhookDelivery: { retryDelays: [0] } });
export default {
  async fetch(request, env) {
    if (new URL(request.url).pathname !== '/emit') return fake.fetch(request);
    internalContext(fake).emit({ accountId: env.ACCOUNT, appId: env.APP }, await request.json());
    return Response.json(await fake.settled());
  },
};
`;

it('delivers from workerd, signed with WebCrypto there, verifiable with the key the Worker publishes', async () => {
  const receiver = await startWebhookReceiver();
  onTestFinished(() => receiver.close());
  receiver.answer((_, index) => (index === 0 ? 503 : 200));
  const bundle = await build({
    stdin: { contents: worker, resolveDir: import.meta.dirname, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    write: false,
    logLevel: 'silent',
  });
  const mf = new Miniflare({
    modules: true,
    script: bundle.outputFiles[0]?.text as string,
    compatibilityDate: '2025-07-01',
    bindings: { ACCOUNT, APP },
  });
  onTestFinished(() => mf.dispose());
  const base = 'https://fake.example/client/v4';

  const created = await mf.dispatchFetch(`${base}/accounts/${ACCOUNT}/realtime/kit/${APP}/webhooks`, {
    method: 'POST',
    headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'app', url: `${receiver.url}/hooks`, events: ['meeting.ended'] }),
  });
  expect(created.status).toBe(201);
  const hook = ((await created.json()) as { data: { id: string } }).data;
  const event = { event: 'meeting.ended', meeting: { id: MEETING, title: 'Standup' }, reason: 'ALL_PARTICIPANTS_LEFT' };
  const emitted = await mf.dispatchFetch('https://fake.example/emit', { method: 'POST', body: JSON.stringify(event) });
  const log = (await emitted.json()) as WebhookDelivery[];
  expect(log).toEqual([
    expect.objectContaining({ event: 'meeting.ended', webhookId: hook.id, outcome: 'delivered', attempts: 2 }),
  ]);

  const [first, second] = receiver.received;
  expect(second?.headers['rtk-uuid']).toBe(first?.headers['rtk-uuid']);
  expect(second?.headers['rtk-webhook-id']).toBe(hook.id);
  // the key from the Worker's own /.well-known/webhooks.json, fetched through miniflare
  const verified = await verifyWebhook(second?.raw as string, second?.headers ?? {}, {
    keyUrl: `${base}/.well-known/webhooks.json`,
    fetch: async (url) => {
      const answer = await mf.dispatchFetch(url);
      return new Response(await answer.text(), {
        status: answer.status,
        headers: { 'content-type': 'application/json' },
      });
    },
  });
  expect(verified).toEqual(event);
}, 120_000); // bundling and starting workerd take seconds, many more on a busy machine
