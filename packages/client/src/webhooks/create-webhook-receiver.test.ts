import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bodyOf, sampleEvents } from '../../test-support/webhook-events';
import { newSigner, startKeyServer } from '../../test-support/webhook-signer';
import { memoryJoinTokenStore } from '../join-tokens';
import { createNodeWebhookListener } from './create-node-webhook-listener';
import { createWebhookReceiver, type WebhookDelivery } from './create-webhook-receiver';
import type { WebhookEvent } from './events';
import { clearWebhookKeyCache } from './verify-webhook';
import { webhookDeduper } from './webhook-deduper';

let keys: Awaited<ReturnType<typeof startKeyServer>>;
let signer: Awaited<ReturnType<typeof newSigner>>;
let other: Awaited<ReturnType<typeof newSigner>>;
beforeAll(async () => {
  keys = await startKeyServer();
  [signer, other] = await Promise.all([newSigner(), newSigner()]);
});
afterAll(() => keys.close());
afterEach(() => clearWebhookKeyCache());

const body = bodyOf(sampleEvents[0] as object);

/** A Worker's ctx: collects what is handed to waitUntil. */
function workerContext() {
  const waiting: Promise<unknown>[] = [];
  return { waiting, ctx: { waitUntil: (promise: Promise<unknown>) => void waiting.push(promise) } };
}

function recorder() {
  const seen: { event: WebhookEvent; delivery: WebhookDelivery; env: unknown }[] = [];
  return {
    seen,
    onEvent: (event: WebhookEvent, c: { delivery: WebhookDelivery; env: unknown }) => void seen.push({ event, ...c }),
  };
}

const post = async (raw: string, headers: Record<string, string>) =>
  new Request('https://app.example.test/webhooks', { method: 'POST', body: raw, headers });

describe('createWebhookReceiver (fetch handler)', () => {
  it('answers 200 before the handler runs, then runs it through ctx.waitUntil with the delivery headers', async () => {
    const { seen, onEvent } = recorder();
    const receive = createWebhookReceiver({ onEvent, publicKey: signer.pem });
    const { waiting, ctx } = workerContext();
    const headers = await signer.headers(body);
    const response = await receive(await post(body, headers), { APP: 'env' }, ctx);
    expect(response.status).toBe(200);
    expect(seen).toEqual([]); // answered; the handler has not started
    expect(waiting).toHaveLength(1);
    await Promise.all(waiting);
    expect(seen).toEqual([
      {
        event: sampleEvents[0],
        delivery: { id: headers['rtk-uuid'], webhookId: headers['rtk-webhook-id'] },
        env: { APP: 'env' },
      },
    ]);
  });

  it('without a ctx, runs the handler after the answer', async () => {
    let answered = false;
    let resolve!: (seen: { event: WebhookEvent; answered: boolean }) => void;
    const ran = new Promise<{ event: WebhookEvent; answered: boolean }>((r) => {
      resolve = r;
    });
    const receive = createWebhookReceiver({ onEvent: (event) => resolve({ event, answered }), publicKey: signer.pem });
    const response = await receive(await post(body, await signer.headers(body)));
    answered = true;
    expect(response.status).toBe(200);
    expect(await ran).toEqual({ event: sampleEvents[0], answered: true });
  });

  it('the negative matrix: each refused with its status, the handler never run', async () => {
    const { seen, onEvent } = recorder();
    const { waiting, ctx } = workerContext();
    const receive = createWebhookReceiver({ onEvent, publicKey: signer.pem, maxBodyBytes: 4096 });
    const signature = await signer.sign(body);
    const cases: [string, Request, number, string][] = [
      [
        'tampered body',
        await post(body.replace('Daily', 'Nightly'), { 'rtk-signature': signature }),
        401,
        'bad_signature',
      ],
      [
        're-serialized JSON',
        await post(JSON.stringify(JSON.parse(body)), { 'rtk-signature': signature }),
        401,
        'bad_signature',
      ],
      ['wrong key', await post(body, { 'rtk-signature': await other.sign(body) }), 401, 'bad_signature'],
      ['missing header', await post(body, {}), 401, 'missing_signature'],
      ['malformed header', await post(body, { 'rtk-signature': 'sha256=zz' }), 401, 'malformed_signature'],
      ['signed, not JSON', await post('hello', { 'rtk-signature': await signer.sign('hello') }), 400, 'invalid_body'],
      ['too large', await post('x'.repeat(5000), { 'rtk-signature': signature }), 413, 'body_too_large'],
      ['GET', new Request('https://app.example.test/webhooks'), 405, 'method_not_allowed'],
    ];
    for (const [name, request, status, error] of cases) {
      const response = await receive(request, undefined, ctx);
      expect({ name, status: response.status, error: ((await response.json()) as { error: string }).error }).toEqual({
        name,
        status,
        error,
      });
    }
    expect(waiting).toEqual([]);
    expect(seen).toEqual([]);
  });

  it('a replayed delivery (new rtk-uuid, same event) runs the handler once', async () => {
    const { seen, onEvent } = recorder();
    const { waiting, ctx } = workerContext();
    const receive = createWebhookReceiver({ onEvent, publicKey: signer.pem, dedupe: webhookDeduper() });
    const first = await receive(await post(body, await signer.headers(body)), undefined, ctx);
    const replay = await receive(await post(body, await signer.headers(body)), undefined, ctx);
    expect([first.status, replay.status]).toEqual([200, 200]);
    expect(await replay.json()).toEqual({ duplicate: true });
    await Promise.all(waiting);
    expect(seen).toHaveLength(1);
  });

  it('a handler that throws goes to onError and releases its claim, so a redelivery runs again', async () => {
    const errors: [unknown, string][] = [];
    let calls = 0;
    const { waiting, ctx } = workerContext();
    const receive = createWebhookReceiver({
      publicKey: signer.pem,
      dedupe: webhookDeduper(),
      onEvent: () => {
        calls++;
        throw new Error('database down');
      },
      onError: (error, event) => void errors.push([error, event.event]),
    });
    await receive(await post(body, await signer.headers(body)), undefined, ctx);
    await Promise.all(waiting);
    await receive(await post(body, await signer.headers(body)), undefined, ctx);
    await Promise.all(waiting);
    expect(calls).toBe(2);
    expect(errors.map(([e, name]) => [(e as Error).message, name])).toEqual([
      ['database down', 'meeting.started'],
      ['database down', 'meeting.started'],
    ]);
  });

  it('503 when the published key cannot be fetched or the dedupe store fails, so RealtimeKit retries', async () => {
    const { seen, onEvent } = recorder();
    const down = createWebhookReceiver({ onEvent, keyUrl: 'http://127.0.0.1:9/keys.json' });
    const response = await down(await post(body, await signer.headers(body)));
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: string }).error).toBe('key_fetch_failed');
    const broken = { ...memoryJoinTokenStore(), get: async () => Promise.reject(new Error('store down')) };
    const storeDown = createWebhookReceiver({ onEvent, publicKey: signer.pem, dedupe: webhookDeduper(broken) });
    expect((await storeDown(await post(body, await signer.headers(body)))).status).toBe(503);
    expect(seen).toEqual([]);
  });

  it('rotated published key: one re-fetch, then 200', async () => {
    const path = '/rotation/.well-known/webhooks.json';
    keys.setKey(path, signer.pem);
    const { waiting, ctx } = workerContext();
    const { seen, onEvent } = recorder();
    const receive = createWebhookReceiver({ onEvent, keyUrl: keys.url(path) });
    expect((await receive(await post(body, await signer.headers(body)), undefined, ctx)).status).toBe(200);
    keys.setKey(path, other.pem);
    const rotated = bodyOf(sampleEvents[1] as object);
    expect((await receive(await post(rotated, await other.headers(rotated)), undefined, ctx)).status).toBe(200);
    expect(keys.fetches(path)).toBe(2);
    await Promise.all(waiting);
    expect(seen.map((s) => s.event.event)).toEqual(['meeting.started', 'meeting.ended']);
  });

  it('refuses options it cannot use at creation', () => {
    expect(() => createWebhookReceiver({} as never)).toThrow(/onEvent/);
    expect(() => createWebhookReceiver({ onEvent() {}, dedupe: {} as never })).toThrow(/webhookDeduper/);
    expect(() => createWebhookReceiver({ onEvent() {}, maxBodyBytes: -1 })).toThrow(/maxBodyBytes/);
  });
});

describe('createNodeWebhookListener (node:http on 127.0.0.1)', () => {
  let server: Server | undefined;
  afterEach(
    () =>
      new Promise<void>((resolve) => {
        server?.closeAllConnections();
        server ? server.close(() => resolve()) : resolve();
        server = undefined;
      }),
  );
  async function listen(listener: ReturnType<typeof createNodeWebhookListener>) {
    server = createServer(listener);
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
  }

  it('200 then the handler; 401, 400, 405 and 413 without it; a replay runs once', async () => {
    const seen: string[] = [];
    let done!: () => void;
    const ran = new Promise<void>((resolve) => {
      done = resolve;
    });
    const url = await listen(
      createNodeWebhookListener({
        publicKey: signer.pem,
        dedupe: webhookDeduper(),
        maxBodyBytes: 4096,
        onEvent: (event) => {
          seen.push(event.event);
          done();
        },
      }),
    );
    const send = async (raw: string, headers: Record<string, string>, method = 'POST') => {
      const response = await fetch(url, { method, body: method === 'POST' ? raw : undefined, headers });
      return [response.status, await response.text()] as const;
    };
    const headers = await signer.headers(body);
    expect((await send(body, headers))[0]).toBe(200);
    await ran;
    expect(await send(body, await signer.headers(body))).toEqual([200, '{"duplicate":true}']);
    expect((await send(body.replace('Daily', 'Nightly'), headers))[0]).toBe(401);
    expect((await send(JSON.stringify(JSON.parse(body)), headers))[0]).toBe(401);
    expect((await send(body, {}))[0]).toBe(401);
    expect((await send('nope', { 'rtk-signature': await signer.sign('nope') }))[0]).toBe(400);
    expect((await send('', {}, 'GET'))[0]).toBe(405);
    expect((await send('x'.repeat(10_000), headers))[0]).toBe(413);
    expect(seen).toEqual(['meeting.started']);
  });

  it('413 for a chunked body that grows past maxBodyBytes, answered without reading the rest', async () => {
    const seen: string[] = [];
    const url = new URL(
      await listen(
        createNodeWebhookListener({
          publicKey: signer.pem,
          maxBodyBytes: 1024,
          onEvent: (e) => void seen.push(e.event),
        }),
      ),
    );
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(url, { method: 'POST', headers: { 'rtk-signature': 'AAAA' } }, (res) => {
        res.resume();
        resolve(res.statusCode as number);
      });
      req.on('error', reject);
      req.write('x'.repeat(800));
      req.write('x'.repeat(800)); // no content-length: chunked, so only counting tells
    });
    expect(status).toBe(413);
    expect(seen).toEqual([]);
  });

  it('takes a body express.raw() or express.text() read, and refuses one express.json() parsed', async () => {
    const seen: string[] = [];
    const listener = createNodeWebhookListener({ publicKey: signer.pem, onEvent: (e) => void seen.push(e.event) });
    const headers = await signer.headers(body);
    const answers: number[] = [];
    for (const parsed of [Buffer.from(body), body, JSON.parse(body)]) {
      const url = await listen((req, res) => {
        req.resume();
        req.on('end', () => listener(Object.assign(req, { body: parsed }), res));
      });
      const response = await fetch(url, { method: 'POST', body, headers });
      answers.push(response.status);
      if (response.status === 500) expect(await response.text()).toContain('express.raw');
      server?.closeAllConnections();
      server?.close();
    }
    expect(answers).toEqual([200, 200, 500]);
  });
});
