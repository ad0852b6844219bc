import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { bodyOf, sampleEvents } from '../../test-support/webhook-events';
import { newSigner, startKeyServer } from '../../test-support/webhook-signer';
import {
  clearWebhookKeyCache,
  KEY_REFETCH_INTERVAL_MS,
  verifyWebhook,
  WebhookVerificationError,
  type WebhookVerificationReason,
} from './verify-webhook';

let keys: Awaited<ReturnType<typeof startKeyServer>>;
let signer: Awaited<ReturnType<typeof newSigner>>;
let other: Awaited<ReturnType<typeof newSigner>>;
beforeAll(async () => {
  keys = await startKeyServer();
  [signer, other] = await Promise.all([newSigner(), newSigner()]);
});
afterAll(() => keys.close());
afterEach(() => {
  clearWebhookKeyCache();
  keys.answer({});
  vi.useRealTimers();
});

let paths = 0;
/** A key URL no other test uses, publishing `pem`. */
function keyUrl(pem = signer.pem) {
  const path = `/keys-${++paths}/.well-known/webhooks.json`;
  keys.setKey(path, pem);
  return { path, url: keys.url(path) };
}

const body = bodyOf({ ...sampleEvents[2], secretMarker: 'BODY-SECRET-7f3a' });

/** Runs `verify` and returns the error it threw, checking that it says nothing of the body or the signature. */
async function refusal(verify: Promise<unknown>, reason: WebhookVerificationReason, signature?: string) {
  const error = await verify.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WebhookVerificationError);
  const { message } = error as WebhookVerificationError;
  expect((error as WebhookVerificationError).reason).toBe(reason);
  expect(message.startsWith(`${reason}: `)).toBe(true);
  expect(message).not.toContain('BODY-SECRET');
  if (signature) expect(message).not.toContain(signature.slice(0, 16));
  expect(JSON.stringify(error)).not.toContain('BODY-SECRET');
  return error as WebhookVerificationError;
}

describe('verifyWebhook with a given key', () => {
  it('returns the event of a signed body, given as a string, a Uint8Array or an ArrayBuffer', async () => {
    const signature = await signer.sign(body);
    const bytes = new TextEncoder().encode(body);
    for (const raw of [body, bytes, bytes.buffer, Buffer.from(body)]) {
      const event = await verifyWebhook(raw, { 'rtk-signature': signature }, { publicKey: signer.pem });
      expect(event).toEqual(JSON.parse(body));
    }
    expect(await verifyWebhook(body, { 'rtk-signature': signature }, { publicKey: signer.publicKey })).toEqual(
      JSON.parse(body),
    );
  });

  it('reads the header from Headers, a Node record, and a record with other casing', async () => {
    const signature = await signer.sign(body);
    const options = { publicKey: signer.pem };
    expect((await verifyWebhook(body, new Headers({ 'RTK-Signature': signature }), options)).event).toBe(
      'meeting.participantJoined',
    );
    expect((await verifyWebhook(body, { 'rtk-signature': [signature] }, options)).event).toBe(
      'meeting.participantJoined',
    );
    expect((await verifyWebhook(body, { 'Rtk-Signature': signature }, options)).event).toBe(
      'meeting.participantJoined',
    );
  });

  it('every documented event type verifies and comes back as it was sent', async () => {
    for (const sample of sampleEvents) {
      const raw = bodyOf(sample);
      const event = await verifyWebhook(raw, { 'rtk-signature': await signer.sign(raw) }, { publicKey: signer.pem });
      expect(event).toEqual(sample);
    }
  });

  it('an event type it does not know passes through, not refused', async () => {
    const raw = JSON.stringify({ event: 'meeting.somethingNew', meeting: { id: 'm' }, extra: [1, 2] });
    const event = await verifyWebhook(raw, { 'rtk-signature': await signer.sign(raw) }, { publicKey: signer.pem });
    expect(event).toEqual({ event: 'meeting.somethingNew', meeting: { id: 'm' }, extra: [1, 2] });
  });

  it('tampered body: bad_signature', async () => {
    const signature = await signer.sign(body);
    const tampered = body.replace('"Ada"', '"Eve"');
    expect(tampered).not.toBe(body);
    await refusal(
      verifyWebhook(tampered, { 'rtk-signature': signature }, { publicKey: signer.pem }),
      'bad_signature',
      signature,
    );
  });

  it('a body parsed and serialized again: bad_signature, and the message says to verify the raw bytes', async () => {
    const signature = await signer.sign(body);
    const reserialized = JSON.stringify(JSON.parse(body));
    const error = await refusal(
      verifyWebhook(reserialized, { 'rtk-signature': signature }, { publicKey: signer.pem }),
      'bad_signature',
      signature,
    );
    expect(error.message).toContain('raw bytes');
    // compact JSON with an escaped character: the same value, other bytes once serialized again
    const escaped = '{"event":"meeting.started","meeting":{"title":"Caf\\u00e9"}}';
    const escapedSignature = await signer.sign(escaped);
    expect((await verifyWebhook(escaped, { 'rtk-signature': escapedSignature }, { publicKey: signer.pem })).event).toBe(
      'meeting.started',
    );
    await refusal(
      verifyWebhook(
        JSON.stringify(JSON.parse(escaped)),
        { 'rtk-signature': escapedSignature },
        { publicKey: signer.pem },
      ),
      'bad_signature',
    );
  });

  it('wrong key: bad_signature', async () => {
    const signature = await other.sign(body);
    await refusal(
      verifyWebhook(body, { 'rtk-signature': signature }, { publicKey: signer.pem }),
      'bad_signature',
      signature,
    );
  });

  it('missing header: missing_signature; malformed header: malformed_signature', async () => {
    const options = { publicKey: signer.pem };
    await refusal(verifyWebhook(body, {}, options), 'missing_signature');
    await refusal(verifyWebhook(body, new Headers(), options), 'missing_signature');
    await refusal(verifyWebhook(body, { 'rtk-signature': '' }, options), 'missing_signature');
    await refusal(verifyWebhook(body, { 'rtk-signature': [] }, options), 'missing_signature');
    const signature = await signer.sign(body);
    for (const value of ['not base64!', `${signature}x`, 'sha256=abcd', 'A'.repeat(2000), [signature, signature]]) {
      await refusal(verifyWebhook(body, { 'rtk-signature': value }, options), 'malformed_signature', signature);
    }
    // two headers through Headers are joined with ", "
    const twice = new Headers([
      ['rtk-signature', signature],
      ['rtk-signature', signature],
    ]);
    await refusal(verifyWebhook(body, twice, options), 'malformed_signature', signature);
  });

  it('a signed body that is not a JSON object with an event: invalid_body', async () => {
    for (const raw of ['not json', '[1,2]', '{"meeting":{}}', '{"event":42}', 'null']) {
      await refusal(
        verifyWebhook(raw, { 'rtk-signature': await signer.sign(raw) }, { publicKey: signer.pem }),
        'invalid_body',
      );
    }
    const latin1 = new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d]); // {"é"} in Latin-1: not UTF-8
    await refusal(
      verifyWebhook(latin1, { 'rtk-signature': await signer.sign(latin1) }, { publicKey: signer.pem }),
      'invalid_body',
    );
  });

  it('setup mistakes: invalid_argument naming what to do', async () => {
    const signature = await signer.sign(body);
    const headers = { 'rtk-signature': signature };
    const parsed = await refusal(
      verifyWebhook(JSON.parse(body), headers, { publicKey: signer.pem }),
      'invalid_argument',
      signature,
    );
    expect(parsed.message).toContain('not a parsed body');
    const pkcs1 = await refusal(
      verifyWebhook(body, headers, { publicKey: '-----BEGIN RSA PUBLIC KEY-----\nAAAA\n-----END RSA PUBLIC KEY-----' }),
      'invalid_argument',
    );
    expect(pkcs1.message).toContain('SPKI');
    await refusal(verifyWebhook(body, headers, { publicKey: 'secret' }), 'invalid_argument');
    await refusal(
      verifyWebhook(body, headers, { publicKey: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----' }),
      'invalid_argument',
    );
    await refusal(verifyWebhook(body, headers, { keyUrl: 'file:///etc/passwd' }), 'invalid_argument');
    await refusal(verifyWebhook(body, null as never, { publicKey: signer.pem }), 'invalid_argument');
    // a CryptoKey for another algorithm, or a private key
    const pss = await crypto.subtle.importKey(
      'spki',
      await crypto.subtle.exportKey('spki', signer.publicKey),
      { name: 'RSA-PSS', hash: 'SHA-256' },
      false,
      ['verify'],
    );
    await refusal(verifyWebhook(body, headers, { publicKey: pss }), 'invalid_argument');
    await refusal(verifyWebhook(body, headers, { publicKey: {} as CryptoKey }), 'invalid_argument');
  });
});

describe("verifyWebhook with Cloudflare's published key (a key server on 127.0.0.1)", () => {
  it('fetches the key once and keeps it; concurrent verifications share the fetch', async () => {
    const { path, url } = keyUrl();
    const signature = await signer.sign(body);
    const events = await Promise.all(
      Array.from({ length: 5 }, () => verifyWebhook(body, { 'rtk-signature': signature }, { keyUrl: url })),
    );
    expect(events.map((e) => e.event)).toEqual(Array(5).fill('meeting.participantJoined'));
    await verifyWebhook(body, { 'rtk-signature': signature }, { keyUrl: url });
    expect(keys.fetches(path)).toBe(1);
  });

  it('fetches nothing for a missing or malformed header', async () => {
    const { path, url } = keyUrl();
    await refusal(verifyWebhook(body, {}, { keyUrl: url }), 'missing_signature');
    await refusal(verifyWebhook(body, { 'rtk-signature': '%%' }, { keyUrl: url }), 'malformed_signature');
    expect(keys.fetches(path)).toBe(0);
  });

  it('rotated key: one re-fetch, then success; forged signatures right after fetch nothing more', async () => {
    const { path, url } = keyUrl(signer.pem);
    await verifyWebhook(body, { 'rtk-signature': await signer.sign(body) }, { keyUrl: url });
    expect(keys.fetches(path)).toBe(1);
    keys.setKey(path, other.pem); // Cloudflare rotates its key
    const event = await verifyWebhook(body, { 'rtk-signature': await other.sign(body) }, { keyUrl: url });
    expect(event.event).toBe('meeting.participantJoined');
    expect(keys.fetches(path)).toBe(2);
    // the new key is kept
    await verifyWebhook(body, { 'rtk-signature': await other.sign(body) }, { keyUrl: url });
    expect(keys.fetches(path)).toBe(2);
    // a flood of forged signatures within the interval: refused, no fetch
    const forged = await signer.sign(body);
    for (let i = 0; i < 3; i++) {
      await refusal(verifyWebhook(body, { 'rtk-signature': forged }, { keyUrl: url }), 'bad_signature', forged);
    }
    expect(keys.fetches(path)).toBe(2);
  });

  it('the first failure re-fetches once and fails when the key did not change; the next re-fetch waits the interval', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { path, url } = keyUrl(signer.pem);
    const forged = await other.sign(body);
    await refusal(verifyWebhook(body, { 'rtk-signature': forged }, { keyUrl: url }), 'bad_signature', forged);
    expect(keys.fetches(path)).toBe(2); // the first fetch, and one re-fetch in case the key rotated
    vi.setSystemTime(Date.now() + KEY_REFETCH_INTERVAL_MS - 1);
    await refusal(verifyWebhook(body, { 'rtk-signature': forged }, { keyUrl: url }), 'bad_signature', forged);
    expect(keys.fetches(path)).toBe(2);
    vi.setSystemTime(Date.now() + 1);
    keys.setKey(path, other.pem);
    expect((await verifyWebhook(body, { 'rtk-signature': forged }, { keyUrl: url })).event).toBe(
      'meeting.participantJoined',
    );
    expect(keys.fetches(path)).toBe(3);
  });

  it('concurrent failures after a rotation share one re-fetch', async () => {
    const { path, url } = keyUrl(signer.pem);
    await verifyWebhook(body, { 'rtk-signature': await signer.sign(body) }, { keyUrl: url });
    keys.setKey(path, other.pem);
    const signature = await other.sign(body);
    const events = await Promise.all(
      Array.from({ length: 4 }, () => verifyWebhook(body, { 'rtk-signature': signature }, { keyUrl: url })),
    );
    expect(events).toHaveLength(4);
    expect(keys.fetches(path)).toBe(2);
  });

  it('a key that cannot be fetched or read: key_fetch_failed naming the URL, not cached', async () => {
    const { path, url } = keyUrl();
    const signature = await signer.sign(body);
    for (const answer of [
      { status: 500 },
      { raw: 'not json' },
      { raw: '{"success":true,"data":{}}' },
      { raw: '{"data":{"publicKey":"x"}}' },
    ]) {
      keys.answer(answer);
      const error = await refusal(
        verifyWebhook(body, { 'rtk-signature': signature }, { keyUrl: url }),
        'key_fetch_failed',
      );
      expect(error.message).toContain(url);
    }
    keys.answer({});
    expect((await verifyWebhook(body, { 'rtk-signature': signature }, { keyUrl: url })).event).toBe(
      'meeting.participantJoined',
    );
    expect(keys.fetches(path)).toBe(5);
    // nothing listening
    await refusal(
      verifyWebhook(body, { 'rtk-signature': signature }, { keyUrl: 'http://127.0.0.1:9/none.json' }),
      'key_fetch_failed',
    );
  });

  it("uses the given fetch, and Cloudflare's URL by default", async () => {
    const asked: string[] = [];
    const signals: unknown[] = [];
    const fetch = async (input: string, init?: RequestInit) => {
      asked.push(input);
      signals.push(init?.signal);
      return Response.json({ success: true, data: { publicKey: signer.pem }, message: '' });
    };
    const event = await verifyWebhook(body, { 'rtk-signature': await signer.sign(body) }, { fetch });
    expect(event.event).toBe('meeting.participantJoined');
    expect(asked).toEqual(['https://api.realtime.cloudflare.com/.well-known/webhooks.json']);
    expect(signals[0]).toBeInstanceOf(AbortSignal); // a key server that hangs is given up on
  });

  it('a key fetch that is aborted (its timeout): key_fetch_failed', async () => {
    const fetch = async (_input: string, init?: RequestInit) =>
      Promise.reject(Object.assign(new Error('aborted'), { name: 'TimeoutError', signal: init?.signal }));
    const { url } = keyUrl();
    await refusal(
      verifyWebhook(body, { 'rtk-signature': await signer.sign(body) }, { fetch, keyUrl: url }),
      'key_fetch_failed',
    );
  });
});
