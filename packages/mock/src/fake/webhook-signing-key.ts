/**
 * The key pair a fake signs its webhooks with, as RealtimeKit signs them: RSASSA-PKCS1-v1_5 with SHA-256 over the
 * body's bytes, the signature in base64 (developers.cloudflare.com/realtime/realtimekit/webhooks/, "Webhook
 * headers"). WebCrypto only, so it runs in Node, browsers (MSW) and workerd.
 */
export interface WebhookSigningKey {
  /** The public key as PEM (SPKI, `-----BEGIN PUBLIC KEY-----`), what `verifyWebhook`'s `publicKey` takes. */
  publicKeyPem(): Promise<string>;
  /** The base64 signature of these bytes: the `rtk-signature` header of a delivery of them. */
  sign(body: Uint8Array): Promise<string>;
}

const ALGORITHM = {
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
} as const;

/** Base64 without Buffer, which workerd and browsers lack. */
function base64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = '';
  for (let i = 0; i < view.length; i += 0x8000) {
    binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

async function generate(): Promise<{ privateKey: CryptoKey; pem: string }> {
  // the private key cannot be exported; WebCrypto keeps the public one exportable
  const pair = (await crypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify'])) as CryptoKeyPair;
  const spki = base64(await crypto.subtle.exportKey('spki', pair.publicKey));
  const pem = `-----BEGIN PUBLIC KEY-----\n${spki.match(/.{1,64}/g)?.join('\n')}\n-----END PUBLIC KEY-----\n`;
  return { privateKey: pair.privateKey, pem };
}

/**
 * A key pair of its own, made on first use (a 2048-bit RSA key takes 0.3 to 0.5 s on a busy 2-core machine, which a
 * fake that sends no webhook never spends) and kept for the fake's life: `reset()` keeps it, as Cloudflare's key
 * outlives your data.
 */
export function createWebhookSigningKey(): WebhookSigningKey {
  let pair: Promise<{ privateKey: CryptoKey; pem: string }> | undefined;
  const load = () => {
    pair ??= generate().catch((error) => {
      pair = undefined; // the next use tries again
      throw error;
    });
    return pair;
  };
  return {
    publicKeyPem: async () => (await load()).pem,
    async sign(body) {
      const { privateKey } = await load();
      return base64(await crypto.subtle.sign(ALGORITHM.name, privateKey, body as Uint8Array<ArrayBuffer>));
    },
  };
}
