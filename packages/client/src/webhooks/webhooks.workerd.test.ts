import { createRequire } from 'node:module';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyOf, sampleEvents } from '../../test-support/webhook-events';
import { newSigner, startKeyServer } from '../../test-support/webhook-signer';

// esbuild as tsup brings it (as packages/proxy/src/join-stores.workerd.test.ts does)
const { build } = createRequire(require.resolve('tsup'))('esbuild') as {
  build(options: object): Promise<{ outputFiles: { text: string }[] }>;
};

/**
 * A Worker receiving webhooks as an app would write it: `/pinned` verifies with a key it is given, any other path
 * `/<name>` with the key published at `${KEYS}/<name>/.well-known/webhooks.json` (Cloudflare's, in production).
 * `GET /seen` lists what the handlers ran for, in this isolate.
 */
const worker = `
import { createWebhookReceiver, webhookDeduper } from './index';
const seen = [];
const receivers = new Map();
export default {
  fetch(request, env, ctx) {
    const name = new URL(request.url).pathname.slice(1);
    if (name === 'seen') return Response.json(seen);
    let receive = receivers.get(name);
    if (!receive) {
      receive = createWebhookReceiver({
        ...(name === 'pinned'
          ? { publicKey: env.PUBLIC_KEY }
          : { keyUrl: env.KEYS + '/' + name + '/.well-known/webhooks.json' }),
        dedupe: webhookDeduper(),
        onEvent: (event, { delivery }) => {
          seen.push({ route: name, event: event.event, delivery: delivery.id });
        },
      });
      receivers.set(name, receive);
    }
    return receive(request, env, ctx);
  },
};
`;

let keys: Awaited<ReturnType<typeof startKeyServer>>;
let signer: Awaited<ReturnType<typeof newSigner>>;
let other: Awaited<ReturnType<typeof newSigner>>;
let mf: Miniflare;
beforeAll(async () => {
  keys = await startKeyServer();
  [signer, other] = await Promise.all([newSigner(), newSigner()]);
  const bundle = await build({
    stdin: { contents: worker, resolveDir: import.meta.dirname, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    write: false,
    logLevel: 'silent',
  });
  mf = new Miniflare({
    modules: true,
    script: bundle.outputFiles[0]?.text as string,
    compatibilityDate: '2025-07-01',
    bindings: { KEYS: keys.base, PUBLIC_KEY: signer.pem },
  });
  await mf.ready;
}, 60_000);
afterAll(async () => {
  await mf?.dispose();
  await keys?.close();
});

type Seen = { route: string; event: string; delivery: string };
const send = async (route: string, raw: string, headers: Record<string, string>) => {
  const response = await mf.dispatchFetch(`https://app.example.test/${route}`, { method: 'POST', body: raw, headers });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : null) as { error?: string; duplicate?: boolean } | null,
  };
};

/** What the handlers ran for on `route`, once `delivery` is among them (handlers run after the answer). */
async function seenOnce(route: string, delivery: string): Promise<Seen[]> {
  for (;;) {
    const all = (await (await mf.dispatchFetch('https://app.example.test/seen')).json()) as Seen[];
    if (all.some((s) => s.delivery === delivery)) return all.filter((s) => s.route === route);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('webhooks in workerd (miniflare)', () => {
  it('the negative matrix on a pinned key: only the signed, untouched, first delivery reaches the handler', async () => {
    const body = bodyOf(sampleEvents[3] as object);
    const headers = await signer.headers(body);
    const cases: [string, string, Record<string, string>, number, string | undefined][] = [
      ['tampered body', body.replace('"Ada"', '"Eve"'), headers, 401, 'bad_signature'],
      ['re-serialized JSON', JSON.stringify(JSON.parse(body)), headers, 401, 'bad_signature'],
      ['wrong key', body, await other.headers(body), 401, 'bad_signature'],
      ['missing header', body, { 'content-type': 'application/json' }, 401, 'missing_signature'],
      ['malformed header', body, { 'rtk-signature': 'not*base64' }, 401, 'malformed_signature'],
      ['signed, not JSON', 'nope', { 'rtk-signature': await signer.sign('nope') }, 400, 'invalid_body'],
    ];
    for (const [name, raw, h, status, error] of cases) {
      const answer = await send('pinned', raw, h);
      expect({ name, status: answer.status, error: answer.body?.error }).toEqual({ name, status, error });
    }
    expect((await send('pinned', body, headers)).status).toBe(200);
    // a replayed delivery, with a new rtk-uuid as a retry may have: answered 200, handler not run again
    const replay = await signer.headers(body);
    expect(await send('pinned', body, replay)).toEqual({ status: 200, body: { duplicate: true } });
    const last = await signer.headers(bodyOf(sampleEvents[1] as object));
    expect((await send('pinned', bodyOf(sampleEvents[1] as object), last)).status).toBe(200);
    expect(await seenOnce('pinned', last['rtk-uuid'])).toEqual([
      { route: 'pinned', event: 'meeting.participantLeft', delivery: headers['rtk-uuid'] },
      { route: 'pinned', event: 'meeting.ended', delivery: last['rtk-uuid'] },
    ]);
  });

  it("Cloudflare's published key, fetched from a key server on 127.0.0.1: rotated key, one re-fetch, then 200", async () => {
    const path = '/rotation/.well-known/webhooks.json';
    keys.setKey(path, signer.pem);
    const first = bodyOf(sampleEvents[0] as object);
    const firstHeaders = await signer.headers(first);
    expect((await send('rotation', first, firstHeaders)).status).toBe(200);
    expect((await send('rotation', first, {})).status).toBe(401); // refused before any fetch
    expect(keys.fetches(path)).toBe(1);
    keys.setKey(path, other.pem); // rotation
    const second = bodyOf(sampleEvents[5] as object);
    const secondHeaders = await other.headers(second);
    expect((await send('rotation', second, secondHeaders)).status).toBe(200);
    expect(keys.fetches(path)).toBe(2);
    // the old key's signatures now fail, without another fetch within the interval
    const third = bodyOf(sampleEvents[6] as object);
    expect(await send('rotation', third, await signer.headers(third))).toMatchObject({ status: 401 });
    expect(keys.fetches(path)).toBe(2);
    expect((await seenOnce('rotation', secondHeaders['rtk-uuid'])).map((s) => s.event)).toEqual([
      'meeting.started',
      'recording.statusUpdate',
    ]);
  });

  it('a key server that fails: 503, so RealtimeKit retries', async () => {
    const body = bodyOf(sampleEvents[0] as object);
    expect(await send('absent', body, await signer.headers(body))).toMatchObject({
      status: 503,
      body: { error: 'key_fetch_failed' },
    });
  });
});
