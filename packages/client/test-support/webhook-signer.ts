import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const toBase64 = (bytes: ArrayBuffer) => Buffer.from(bytes).toString('base64');

/** An RSA key pair made with WebCrypto, signing as RealtimeKit does: RSASSA-PKCS1-v1_5, SHA-256, base64. */
export async function newSigner(modulusLength = 2048) {
  const pair = (await crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  )) as CryptoKeyPair;
  const spki = toBase64(await crypto.subtle.exportKey('spki', pair.publicKey));
  const pem = `-----BEGIN PUBLIC KEY-----\n${spki.match(/.{1,64}/g)?.join('\n')}\n-----END PUBLIC KEY-----\n`;
  const sign = async (body: string | Uint8Array) =>
    toBase64(
      await crypto.subtle.sign(
        'RSASSA-PKCS1-v1_5',
        pair.privateKey,
        typeof body === 'string' ? new TextEncoder().encode(body) : (body as Uint8Array<ArrayBuffer>),
      ),
    );
  /** The headers of a delivery of `body`, with a fresh delivery ID (a retry may carry a new one). */
  const headers = async (body: string) => ({
    'content-type': 'application/json',
    'rtk-signature': await sign(body),
    'rtk-uuid': crypto.randomUUID(),
    'rtk-webhook-id': 'b6f6b3f5-6a2e-4a9e-9a8a-1f4c2c1d0e9f',
  });
  return { pem, publicKey: pair.publicKey, sign, headers };
}

/**
 * A real node:http server on 127.0.0.1 publishing a key as Cloudflare does at /.well-known/webhooks.json:
 * `{ success, data: { publicKey }, message }`. Each path has a key of its own (`setKey(pem, path)`); `requests`
 * counts the fetches per path; `status` makes it answer an error instead.
 */
export async function startKeyServer() {
  const keys = new Map<string, string>();
  const requests = new Map<string, number>();
  let status = 200;
  let raw: string | undefined;
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.set(path, (requests.get(path) ?? 0) + 1);
    const key = keys.get(path);
    if (status !== 200 || !key) {
      res.writeHead(status === 200 ? 404 : status, { 'content-type': 'application/json' });
      res.end('{"success":false}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(raw ?? JSON.stringify({ success: true, data: { publicKey: key }, message: '' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    /** The key URL of `path`. */
    url: (path: string) => `${base}${path}`,
    setKey: (path: string, pem: string) => keys.set(path, pem),
    fetches: (path: string) => requests.get(path) ?? 0,
    /** Answer every request with this status (200: normal again), or with this raw body. */
    answer(next: { status?: number; raw?: string }) {
      status = next.status ?? 200;
      raw = next.raw;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
