import { createRealtimeKitClient } from '@realtimekit-meetings/client';
import { verifyWebhook, WebhookVerificationError } from '@realtimekit-meetings/client/webhooks';
import { ACCOUNT, APP, MEETING } from '@realtimekit-meetings/test-fixtures/ids';
import { describe, expect, it, onTestFinished } from 'vitest';
import { closedPort, startWebhookReceiver } from '../../test-support/webhook-receiver';
import { startMockServer } from '../mock-server';
import { createRealtimeKitFake, internalContext, type RealtimeKitFake } from './create-fake';
import type { FakeEvent, FakeEventName } from './events';
import type { WebhookDeliveryOptions } from './webhook-sender';

const API_TOKEN = 'mock-webhook-sender-token';
const OTHER_APP = '00000000-0000-4000-8000-00000000a99a';

const started = (title = 'Standup'): FakeEvent => ({
  event: 'meeting.started',
  meeting: { id: MEETING, sessionId: '2f6e0f7e-5d7b-4a55-9b43-0b2c1f1d7a10', title, status: 'LIVE' },
});
const ended = (title = 'Standup'): FakeEvent => ({
  ...started(title),
  event: 'meeting.ended',
  reason: 'HOST_ENDED_MEETING',
});

/** Emits as a state change of the fake would (until the session and recording work emits for real). */
const emitter =
  (fake: RealtimeKitFake, appId = APP) =>
  (event: FakeEvent) =>
    internalContext(fake).emit({ accountId: ACCOUNT, appId }, event);

async function setup(webhookDelivery: WebhookDeliveryOptions = { retryDelays: [0, 0] }) {
  const receiver = await startWebhookReceiver();
  onTestFinished(() => receiver.close());
  const fake = createRealtimeKitFake({ seed: 3, webhookDelivery });
  const client = (appId: string) =>
    createRealtimeKitClient({ apiToken: API_TOKEN, accountId: ACCOUNT, appId, fetch: fake.fetch, maxRetries: 0 });
  const rtk = client(APP);
  const register = (path: string, events: FakeEventName[], extra: { enabled?: boolean } = {}) =>
    rtk.webhooks.create({ name: path, url: `${receiver.url}${path}`, events, ...extra });
  return { receiver, fake, rtk, client, register, emit: emitter(fake) };
}

/** Makes the receiver hold each delivery until the returned `release()` (called at the test's end at the latest). */
function hold(receiver: Awaited<ReturnType<typeof startWebhookReceiver>>) {
  let release = () => {};
  const held = new Promise<number>((resolve) => {
    release = () => resolve(200);
  });
  onTestFinished(() => release());
  receiver.answer(() => held);
  return () => release();
}

describe('the fake sends signed webhooks', () => {
  it('signs the exact body it sends: verifyWebhook accepts it with the fake key, refuses it with another', async () => {
    const { receiver, fake, register, emit } = await setup();
    const hook = await register('/hooks', ['meeting.started']);
    emit(started());
    const [delivery] = await fake.settled();
    expect(delivery).toMatchObject({ event: 'meeting.started', webhookId: hook.id, outcome: 'delivered', attempts: 1 });
    expect(receiver.received).toHaveLength(1);
    const { raw, headers } = receiver.received[0] as (typeof receiver.received)[0];
    expect(headers['content-type']).toBe('application/json');
    expect(headers['rtk-webhook-id']).toBe(hook.id);
    expect(headers['rtk-uuid']).toBe(delivery?.uuid);
    expect(headers.authorization).toBeUndefined(); // the API token never leaves with a delivery
    expect(JSON.stringify(headers)).not.toContain(API_TOKEN);

    const event = await verifyWebhook(raw, headers, { publicKey: await fake.webhookPublicKey() });
    expect(event).toEqual(started());
    const stranger = createRealtimeKitFake();
    const refused = await verifyWebhook(raw, headers, { publicKey: await stranger.webhookPublicKey() }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(WebhookVerificationError);
    expect((refused as WebhookVerificationError).reason).toBe('bad_signature');
    // a body parsed and serialized again with other spacing is not what was signed
    const reserialized = JSON.stringify(JSON.parse(raw), null, 2);
    await expect(verifyWebhook(reserialized, headers, { publicKey: await fake.webhookPublicKey() })).rejects.toThrow(
      'bad_signature',
    );
  });

  it('keeps its key for its life, reset included, and each fake has its own', async () => {
    const fake = createRealtimeKitFake();
    const pem = await fake.webhookPublicKey();
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+\n-----END PUBLIC KEY-----\n$/);
    fake.reset();
    expect(await fake.webhookPublicKey()).toBe(pem);
    expect(await createRealtimeKitFake().webhookPublicKey()).not.toBe(pem);
  });

  it('publishes its key at {base}/.well-known/webhooks.json, where verifyWebhook fetches it from the mock server', async () => {
    const { receiver } = await setup();
    const mock = await startMockServer({ stateful: { seed: 4 } });
    onTestFinished(() => mock.close());
    const fake = mock.fake as RealtimeKitFake;
    const answer = await fetch(`${mock.url}/.well-known/webhooks.json`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({
      success: true,
      data: { publicKey: await fake.webhookPublicKey() },
      message: '',
    });

    const rtk = createRealtimeKitClient({ baseUrl: mock.url, apiToken: 't', accountId: ACCOUNT, appId: APP });
    await rtk.webhooks.create({ name: 'app', url: `${receiver.url}/hooks`, events: ['meeting.ended'] });
    emitter(fake)(ended());
    expect((await fake.settled()).map((d) => d.outcome)).toEqual(['delivered']);
    const { raw, headers } = receiver.received[0] as (typeof receiver.received)[0];
    // a key URL of its own, so the process-wide cache of Cloudflare's key is not involved
    const event = await verifyWebhook(raw, headers, { keyUrl: `${mock.url}/.well-known/webhooks.json` });
    expect(event.event).toBe('meeting.ended');
  });

  it('sends an event only to the enabled webhooks of its app that subscribed to it', async () => {
    const { receiver, fake, client, register, emit } = await setup();
    const onStart = await register('/started', ['meeting.started']);
    const onEnd = await register('/ended', ['meeting.ended']);
    const both = await register('/both', ['meeting.started', 'meeting.ended']);
    await register('/disabled', ['meeting.started', 'meeting.ended'], { enabled: false });
    await client(OTHER_APP).webhooks.create({
      name: 'other app',
      url: `${receiver.url}/other-app`,
      events: ['meeting.started', 'meeting.ended'],
    });
    emit(started());
    emit(ended());
    const log = await fake.settled();
    expect(log.map((d) => [d.event, d.webhookId, d.outcome])).toEqual([
      ['meeting.started', onStart.id, 'delivered'],
      ['meeting.started', both.id, 'delivered'],
      ['meeting.ended', onEnd.id, 'delivered'],
      ['meeting.ended', both.id, 'delivered'],
    ]);
    expect(receiver.received.map((r) => `${r.path} ${r.event}`).sort()).toEqual([
      '/both meeting.ended',
      '/both meeting.started',
      '/ended meeting.ended',
      '/started meeting.started',
    ]);
    expect(new Set(log.map((d) => d.uuid)).size).toBe(4); // one rtk-uuid per delivery
  });

  it('follows a webhook as it changes: disabled after registering, it gets nothing; enabled again, it does', async () => {
    const { receiver, fake, rtk, register, emit } = await setup();
    const hook = await register('/hooks', ['meeting.started']);
    await rtk.webhooks.update(hook.id, { enabled: false });
    emit(started('while disabled'));
    expect(await fake.settled()).toEqual([]);
    await rtk.webhooks.update(hook.id, { enabled: true });
    emit(started('enabled again'));
    await fake.settled();
    expect(receiver.received.map((r) => JSON.parse(r.raw).meeting.title)).toEqual(['enabled again']);
  });

  it('retries a 5xx with the same rtk-uuid and the same signed bytes, then records the 2xx as delivered', async () => {
    const { receiver, fake, register, emit } = await setup();
    await register('/hooks', ['meeting.started']);
    receiver.answer((_, index) => (index === 0 ? 503 : 200));
    emit(started());
    const log = await fake.settled();
    expect(log).toEqual([expect.objectContaining({ outcome: 'delivered', attempts: 2, status: 200 })]);
    const [first, second] = receiver.received;
    expect(second?.headers['rtk-uuid']).toBe(first?.headers['rtk-uuid']);
    expect(second?.headers['rtk-uuid']).toBe(log[0]?.uuid);
    expect(second?.raw).toBe(first?.raw);
    expect(second?.headers['rtk-signature']).toBe(first?.headers['rtk-signature']);
  });

  it('records a non-2xx below 500 as failed without retrying it: 4xx, and a 3xx it does not follow', async () => {
    const { receiver, fake, register, emit } = await setup();
    await register('/gone', ['meeting.started']);
    await register('/moved', ['meeting.started']);
    receiver.answer((request) => (request.path === '/gone' ? 410 : 308));
    emit(started());
    const log = await fake.settled();
    expect(log.map((d) => [d.url.slice(receiver.url.length), d.outcome, d.attempts, d.status])).toEqual([
      ['/gone', 'failed', 1, 410],
      ['/moved', 'failed', 1, 308],
    ]);
    expect(receiver.received).toHaveLength(2);
  });

  it('retries as many times as retryDelays has waits, then records a 5xx or a network error as failed', async () => {
    const { receiver, fake, rtk, register, emit } = await setup({ retryDelays: [0, 1, 2] });
    await register('/down', ['meeting.started']);
    // a webhook whose URL nobody listens on: each attempt is refused by the network
    const nobody = await register('/nobody', ['meeting.started']);
    await rtk.webhooks.update(nobody.id, { url: `${await closedPort()}/hooks` });
    receiver.answer(() => 500);
    emit(started());
    const log = await fake.settled();
    expect(log).toEqual([
      expect.objectContaining({ outcome: 'failed', attempts: 4, status: 500 }),
      expect.objectContaining({ outcome: 'failed', attempts: 4, error: 'ECONNREFUSED' }),
    ]);
    expect(log[1]).not.toHaveProperty('status');
    expect(receiver.received).toHaveLength(4);
  });

  it('gives up on an attempt after timeoutMs and retries it as a network error', async () => {
    // a fetch that answers the first attempt only when aborted, the second at once: no timing can change the outcome
    let calls = 0;
    const fake = createRealtimeKitFake({
      webhookDelivery: {
        retryDelays: [0],
        timeoutMs: 50,
        fetch: (_, init) =>
          ++calls === 1
            ? new Promise<Response>((_, reject) =>
                init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
              )
            : Promise.resolve(new Response(null)),
      },
    });
    const rtk = createRealtimeKitClient({ apiToken: 't', accountId: ACCOUNT, appId: APP, fetch: fake.fetch });
    await rtk.webhooks.create({ name: 'slow', url: 'https://app.example.test/slow', events: ['meeting.started'] });
    emitter(fake)(started());
    expect(await fake.settled()).toEqual([expect.objectContaining({ outcome: 'delivered', attempts: 2, status: 200 })]);
    expect(calls).toBe(2);
  });

  it('records a delivery whose every attempt timed out as failed, saying so', async () => {
    const fake = createRealtimeKitFake({
      webhookDelivery: {
        retryDelays: [],
        timeoutMs: 20,
        fetch: (_, init) =>
          new Promise<Response>((_, reject) =>
            init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
          ),
      },
    });
    const rtk = createRealtimeKitClient({ apiToken: 't', accountId: ACCOUNT, appId: APP, fetch: fake.fetch });
    await rtk.webhooks.create({ name: 'slow', url: 'https://app.example.test/slow', events: ['meeting.started'] });
    emitter(fake)(started());
    expect(await fake.settled()).toEqual([
      expect.objectContaining({
        outcome: 'failed',
        attempts: 1,
        error: 'no answer within 20 ms (webhookDelivery.timeoutMs)',
      }),
    ]);
  });

  it('delivers to each webhook in the order the events were emitted, one at a time, retries included', async () => {
    const { receiver, fake, register, emit } = await setup();
    await register('/hooks', ['meeting.started', 'meeting.ended']);
    // a slow receiver that fails the first attempt: were deliveries concurrent, later events would overtake it
    receiver.answer(
      (_, index) => new Promise((resolve) => setTimeout(() => resolve(index === 0 ? 502 : 200), 20 + 10 * (3 - index))),
    );
    emit(started('first'));
    emit(ended('second'));
    emit(started('third'));
    const log = await fake.settled();
    expect(log.map((d) => [d.event, d.outcome, d.attempts])).toEqual([
      ['meeting.started', 'delivered', 2],
      ['meeting.ended', 'delivered', 1],
      ['meeting.started', 'delivered', 1],
    ]);
    expect(receiver.received.map((r) => JSON.parse(r.raw).meeting.title)).toEqual([
      'first',
      'first',
      'second',
      'third',
    ]);
    expect(receiver.log).toEqual([
      'start meeting.started',
      'end meeting.started',
      'start meeting.started',
      'end meeting.started',
      'start meeting.ended',
      'end meeting.ended',
      'start meeting.started',
      'end meeting.started',
    ]);
  });

  it('reset() drops the queue and the log: the held delivery is abandoned, the queued ones never sent', async () => {
    const { receiver, fake, register, emit } = await setup();
    await register('/hooks', ['meeting.started']);
    const release = hold(receiver);
    emit(started('held'));
    emit(started('queued 1'));
    emit(started('queued 2'));
    expect(fake.webhookDeliveries().map((d) => d.outcome)).toEqual(['pending', 'pending', 'pending']);
    while (receiver.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    fake.reset();
    expect(fake.webhookDeliveries()).toEqual([]);
    expect(await fake.settled()).toEqual([]);
    release();

    // the fake works on: a webhook registered after the reset gets the next event at once
    receiver.answer(() => 200);
    await register('/after', ['meeting.started']);
    emit(started('after reset'));
    expect((await fake.settled()).map((d) => d.outcome)).toEqual(['delivered']);
    expect(receiver.received.map((r) => JSON.parse(r.raw).meeting.title)).toEqual(['held', 'after reset']);
  });

  it('stopDeliveries() ends the held delivery and the queued ones as failed, keeps the log, and sends no more', async () => {
    const { receiver, fake, register, emit } = await setup();
    await register('/hooks', ['meeting.started']);
    const release = hold(receiver);
    emit(started('held'));
    emit(started('queued'));
    while (receiver.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    fake.stopDeliveries('closing for the test');
    emit(started('after'));
    const log = await fake.settled();
    expect(log.map((d) => [d.outcome, d.attempts, d.error])).toEqual([
      ['failed', 1, 'closing for the test'],
      ['failed', 0, 'closing for the test'],
      ['failed', 0, 'closing for the test'],
    ]);
    release();
    // only the held one was ever sent
    expect(receiver.received.map((r) => JSON.parse(r.raw).meeting.title)).toEqual(['held']);
  });

  it('stopDeliveries() and timeoutMs end an attempt whose fetch ignores its signal', async () => {
    const fetch = () => new Promise<Response>(() => {}); // an injected fetch that never answers nor aborts
    const { fake, register, emit } = await setup({ fetch, retryDelays: [], timeoutMs: 50 });
    await register('/hooks', ['meeting.started']);
    emit(started('times out'));
    expect((await fake.settled()).map((d) => [d.outcome, d.error])).toEqual([
      ['failed', 'no answer within 50 ms (webhookDelivery.timeoutMs)'],
    ]);
    const slow = await setup({ fetch, retryDelays: [], timeoutMs: 60_000 });
    await slow.register('/hooks', ['meeting.started']);
    slow.emit(started('stopped'));
    while (slow.fake.webhookDeliveries()[0]?.attempts !== 1) await new Promise((resolve) => setTimeout(resolve, 5));
    slow.fake.stopDeliveries('stopped for the test');
    expect((await slow.fake.settled()).map((d) => [d.outcome, d.error])).toEqual([['failed', 'stopped for the test']]);
  });

  it('sends nothing that was queued before a reset made while its key was still being made', async () => {
    const urls: string[] = [];
    const fake = createRealtimeKitFake({
      webhookDelivery: {
        fetch: async (url) => {
          urls.push(url);
          return new Response(null);
        },
      },
    });
    const rtk = createRealtimeKitClient({ apiToken: 't', accountId: ACCOUNT, appId: APP, fetch: fake.fetch });
    await rtk.webhooks.create({ name: 'a', url: 'https://app.example.test/before', events: ['meeting.started'] });
    emitter(fake)(started());
    await new Promise((resolve) => setTimeout(resolve, 0)); // the delivery is waiting for its signature
    fake.reset();
    await fake.webhookPublicKey(); // the key is made; the old delivery's signature is under way
    await rtk.webhooks.create({ name: 'b', url: 'https://app.example.test/after', events: ['meeting.started'] });
    emitter(fake)(started());
    expect((await fake.settled()).map((d) => d.url)).toEqual(['https://app.example.test/after']);
    expect(urls).toEqual(['https://app.example.test/after']);
  });

  it('never throws into the operation that emitted, and fails a delivery it cannot make with a reason', async () => {
    const seen: FakeEvent[] = [];
    const fake = createRealtimeKitFake({
      webhookDelivery: {
        retryDelays: [0],
        fetch: () => {
          throw new Error('the injected fetch fails at once');
        },
      },
      onEvent: (_, event) => seen.push(event),
    });
    const rtk = createRealtimeKitClient({ apiToken: 't', accountId: ACCOUNT, appId: APP, fetch: fake.fetch });
    await rtk.webhooks.create({ name: 'a', url: 'https://app.example.test/hooks', events: ['meeting.started'] });
    await rtk.webhooks.create({ name: 'b', url: 'ftp://app.example.test/hooks', events: ['meeting.started'] });
    expect(() => emitter(fake)(started())).not.toThrow();
    expect(seen).toEqual([started()]); // onEvent still sees every event
    expect(await fake.settled()).toEqual([
      expect.objectContaining({ outcome: 'failed', attempts: 2, error: 'the injected fetch fails at once' }),
      expect.objectContaining({ outcome: 'failed', attempts: 0, error: expect.stringContaining('not an http(s) URL') }),
    ]);
  });

  it('queues the delivery before calling onEvent, so an onEvent that throws keeps nothing from the webhooks', async () => {
    const fake = createRealtimeKitFake({
      webhookDelivery: { fetch: async () => new Response(null) },
      onEvent: () => {
        throw new Error("the test's onEvent fails");
      },
    });
    const rtk = createRealtimeKitClient({ apiToken: 't', accountId: ACCOUNT, appId: APP, fetch: fake.fetch });
    await rtk.webhooks.create({ name: 'a', url: 'https://app.example.test/hooks', events: ['meeting.started'] });
    expect(() => emitter(fake)(started())).toThrow("the test's onEvent fails");
    expect((await fake.settled()).map((d) => d.outcome)).toEqual(['delivered']);
  });

  it('posts through the injected fetch, which sees the signed request', async () => {
    const requests: { url: string; init: RequestInit }[] = [];
    const fake = createRealtimeKitFake({
      webhookDelivery: {
        fetch: async (url, init) => {
          requests.push({ url, init });
          return new Response(null, { status: 204 });
        },
      },
    });
    const rtk = createRealtimeKitClient({ apiToken: 't', accountId: ACCOUNT, appId: APP, fetch: fake.fetch });
    const hook = await rtk.webhooks.create({ name: 'a', url: 'https://app.example.test/hooks', events: [] });
    emitter(fake)(ended());
    expect(await fake.settled()).toEqual([expect.objectContaining({ outcome: 'delivered', status: 204 })]);
    const [{ url, init }] = requests as [(typeof requests)[0]];
    expect(url).toBe('https://app.example.test/hooks');
    expect(init.method).toBe('POST');
    const headers = init.headers as Record<string, string>;
    expect(headers['rtk-webhook-id']).toBe(hook.id);
    // no events given means all of them, as the fake's webhooks resource registers it
    const event = await verifyWebhook(init.body as string, headers, { publicKey: await fake.webhookPublicKey() });
    expect(event.event).toBe('meeting.ended');
  });

  it('repeats its delivery IDs with a seed, as it repeats every other ID', async () => {
    const run = async () => {
      const fake = createRealtimeKitFake({ seed: 11, webhookDelivery: { fetch: async () => new Response(null) } });
      const rtk = createRealtimeKitClient({ apiToken: 't', accountId: ACCOUNT, appId: APP, fetch: fake.fetch });
      await rtk.webhooks.create({ name: 'a', url: 'https://app.example.test/hooks', events: ['meeting.started'] });
      emitter(fake)(started());
      return (await fake.settled()).map((d) => d.uuid);
    };
    const first = await run();
    expect(first).toHaveLength(1);
    expect(await run()).toEqual(first);
  });

  it('refuses delivery options it cannot use, when the fake is made', () => {
    expect(() => createRealtimeKitFake({ webhookDelivery: { retryDelays: [-1] } })).toThrow(
      'webhookDelivery.retryDelays must be a list of at most 10 waits in ms, each 0 or more',
    );
    expect(() => createRealtimeKitFake({ webhookDelivery: { timeoutMs: 0 } })).toThrow(RangeError);
    expect(() =>
      createRealtimeKitFake({ webhookDelivery: { fetch: 'https://x' as unknown as WebhookDeliveryOptions['fetch'] } }),
    ).toThrow('webhookDelivery.fetch must be a function');
  });
});
