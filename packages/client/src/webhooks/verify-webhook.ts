import type { WebhookEvent } from './events';

/** Where Cloudflare publishes the key RealtimeKit signs webhooks with: `{ success, data: { publicKey: PEM } }`. */
export const WEBHOOK_KEY_URL = 'https://api.realtime.cloudflare.com/.well-known/webhooks.json';

/** The header holding the base64 RSASSA-PKCS1-v1_5 SHA-256 signature of the body. */
export const SIGNATURE_HEADER = 'rtk-signature';

/** After a re-fetch of the published key, the next re-fetch waits at least this long (ms): 5 minutes. */
export const KEY_REFETCH_INTERVAL_MS = 5 * 60_000;

/** How long fetching the published key may take (ms). */
export const KEY_FETCH_TIMEOUT_MS = 10_000;

/** Why a webhook was refused, in a word a program can switch on. */
export type WebhookVerificationReason =
  | 'missing_signature' // no rtk-signature header
  | 'malformed_signature' // a header that is not one base64 value
  | 'bad_signature' // well formed, but not made by the key over these bytes
  | 'key_fetch_failed' // the published key could not be fetched or read
  | 'invalid_body' // the signature holds, but the body is not a JSON object with an `event` string
  | 'invalid_argument'; // a setup mistake: a publicKey that is not a PEM public key, a parsed body, a bad option

/**
 * The one error verifyWebhook throws. Its message says what failed and what to do; it never quotes the body or
 * the signature (a body may hold download URLs and stream keys).
 */
export class WebhookVerificationError extends Error {
  override name = 'WebhookVerificationError';
  readonly reason: WebhookVerificationReason;
  constructor(reason: WebhookVerificationReason, detail: string, options?: { cause?: unknown }) {
    super(`${reason}: ${detail}`, options);
    this.reason = reason;
  }
}

/** Headers as a web `Request` has them, or as Node's `IncomingMessage.headers` (lower-case names). */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

/** The raw request body, exactly as it arrived. */
export type WebhookBody = string | Uint8Array | ArrayBuffer;

export interface VerifyWebhookOptions {
  /**
   * The public key to verify with: a PEM `-----BEGIN PUBLIC KEY-----` (SPKI) string, or a `CryptoKey` imported for
   * RSASSA-PKCS1-v1_5 / SHA-256. Given, nothing is fetched. Default: Cloudflare's published key from `keyUrl`.
   */
  publicKey?: string | CryptoKey;
  /** Where to fetch the published key. Default `WEBHOOK_KEY_URL`. */
  keyUrl?: string;
  /** The fetch used for the key (cached per `keyUrl`, whichever fetch got it). Default `globalThis.fetch`. */
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
}

const fail = (reason: WebhookVerificationReason, detail: string, cause?: unknown): never => {
  throw new WebhookVerificationError(reason, detail, cause === undefined ? undefined : { cause });
};

const ALGORITHM = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** 1,368 base64 characters are 1,024 bytes: the signature of a 8,192-bit key, the largest anyone uses. */
const MAX_SIGNATURE_CHARS = 1368;

function base64Bytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function headerValue(headers: WebhookHeaders, name: string): string | string[] | undefined {
  if (typeof (headers as Headers)?.get === 'function') return (headers as Headers).get(name) ?? undefined;
  if (typeof headers !== 'object' || headers === null) {
    return fail('invalid_argument', 'headers must be a Headers or a record of header values (req.headers)');
  }
  const record = headers as Record<string, string | string[] | undefined>;
  if (name in record) return record[name];
  for (const key in record) if (key.toLowerCase() === name) return record[key];
  return undefined;
}

/** The signature's bytes, or a typed refusal: checked before any key is fetched. */
function readSignature(headers: WebhookHeaders): Uint8Array<ArrayBuffer> {
  const value = headerValue(headers, SIGNATURE_HEADER);
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return fail('missing_signature', `no ${SIGNATURE_HEADER} header: this request did not come from RealtimeKit`);
  }
  // Headers joins repeated headers with ", ", which the base64 test refuses as well
  const text = Array.isArray(value) ? (value.length === 1 ? value[0] : undefined) : value;
  const trimmed = typeof text === 'string' ? text.trim() : '';
  if (trimmed.length % 4 !== 0 || trimmed.length > MAX_SIGNATURE_CHARS || !BASE64.test(trimmed)) {
    return fail(
      'malformed_signature',
      `${SIGNATURE_HEADER} is not one base64 value (${Array.isArray(value) ? `${value.length} headers` : `${trimmed.length} characters`}): this request did not come from RealtimeKit`,
    );
  }
  return base64Bytes(trimmed);
}

function bodyBytes(rawBody: WebhookBody): Uint8Array {
  if (typeof rawBody === 'string') return new TextEncoder().encode(rawBody);
  if (rawBody instanceof Uint8Array) return rawBody;
  if (rawBody instanceof ArrayBuffer) return new Uint8Array(rawBody);
  return fail(
    'invalid_argument',
    `rawBody is ${rawBody === null ? 'null' : typeof rawBody}: pass the bytes as they arrived (await request.arrayBuffer(), express.raw()), not a parsed body`,
  );
}

/** Imports a PEM SPKI public key; `invalid` names who is at fault when it is not one. */
async function importPem(pem: string, invalid: (detail: string, cause?: unknown) => never): Promise<CryptoKey> {
  const match = /-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\s]+)-----END PUBLIC KEY-----/.exec(pem);
  if (!match) {
    return invalid(
      /BEGIN RSA PUBLIC KEY/.test(pem)
        ? 'the key is PKCS#1 (BEGIN RSA PUBLIC KEY); WebCrypto reads SPKI (BEGIN PUBLIC KEY): convert it with `openssl rsa -RSAPublicKey_in -pubout`'
        : 'the key is not a PEM public key (-----BEGIN PUBLIC KEY-----)',
    );
  }
  try {
    const der = base64Bytes((match[1] as string).replace(/\s+/g, ''));
    return await crypto.subtle.importKey('spki', der, ALGORITHM, false, ['verify']);
  } catch (error) {
    return invalid('the PEM public key cannot be imported as an RSA key', error);
  }
}

/** A published key, cached per key URL for the process or isolate. */
interface KeyEntry {
  key?: CryptoKey;
  pem?: string;
  /** The fetch in flight, shared by every verification waiting for it. */
  pending?: Promise<KeyEntry>;
  /** When the last re-fetch after a failed verification started (ms since the epoch). */
  refetchedAt?: number;
}
const published = new Map<string, KeyEntry>();

async function fetchKey(url: string, fetcher: VerifyWebhookOptions['fetch']): Promise<{ key: CryptoKey; pem: string }> {
  const failed = (detail: string, cause?: unknown) =>
    fail('key_fetch_failed', `${detail} (${url}); or pass publicKey`, cause);
  let response: Response;
  try {
    // a key server that hangs must not hold the webhook until RealtimeKit gives up on it
    response = await (fetcher ?? fetch)(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(KEY_FETCH_TIMEOUT_MS),
    });
  } catch (error) {
    return failed('the webhook public key could not be fetched', error);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    return failed(`the webhook public key answered ${response.status}`);
  }
  let pem: unknown;
  try {
    pem = ((await response.json()) as { data?: { publicKey?: unknown } })?.data?.publicKey;
  } catch (error) {
    return failed('the webhook public key answer is not JSON', error);
  }
  if (typeof pem !== 'string') return failed('the webhook public key answer has no data.publicKey string');
  return { key: await importPem(pem, failed), pem };
}

/** The cached key of `url`, fetching it once (concurrent callers share the fetch); `fresh` re-fetches it. */
function publishedKey(url: string, fetcher: VerifyWebhookOptions['fetch'], fresh = false): Promise<KeyEntry> {
  const entry = published.get(url) ?? {};
  published.set(url, entry);
  if (entry.pending) return entry.pending;
  if (entry.key && !fresh) return Promise.resolve(entry);
  const current = entry;
  current.pending = fetchKey(url, fetcher)
    .then(({ key, pem }) => Object.assign(current, { key, pem }))
    .finally(() => {
      current.pending = undefined;
    });
  return current.pending;
}

/** For tests: forgets every fetched key, as a new process would. */
export function clearWebhookKeyCache() {
  published.clear();
}

const verify = (key: CryptoKey, signature: Uint8Array<ArrayBuffer>, body: Uint8Array) =>
  crypto.subtle.verify(ALGORITHM, key, signature, body as Uint8Array<ArrayBuffer>).catch(() => false);

function parseEvent(body: Uint8Array): WebhookEvent {
  let event: unknown;
  try {
    event = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    return fail('invalid_body', `the signed body (${body.length} bytes) is not UTF-8 JSON`);
  }
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    return fail('invalid_body', 'the signed body is not a JSON object');
  }
  if (typeof (event as { event?: unknown }).event !== 'string') {
    return fail('invalid_body', 'the signed body has no `event` string');
  }
  return event as WebhookEvent;
}

/**
 * Checks that a webhook came from RealtimeKit and returns its event, typed: the `rtk-signature` header must be an
 * RSASSA-PKCS1-v1_5 SHA-256 signature of the body's bytes, by the given key or by Cloudflare's published one. Uses
 * WebCrypto only (`crypto.subtle`: Node 20, workerd, Bun, Deno, browsers).
 *
 * Pass the body exactly as it arrived: `await request.arrayBuffer()` (or `request.text()`), `express.raw()`.
 * A body that was parsed and serialized again (`JSON.stringify(req.body)` after `express.json()`) fails with
 * `bad_signature`: the signature covers the bytes RealtimeKit sent, and serializing again changes them (whitespace,
 * key order, number and Unicode escapes), as Cloudflare's page says: "Do not reserialize parsed JSON before
 * verification because changes in whitespace or key order can change the signed bytes."
 * (https://developers.cloudflare.com/realtime/realtimekit/webhooks/).
 *
 * Without `publicKey`, the key is fetched from `keyUrl` on first use and kept for the life of the process or
 * isolate. When a well-formed signature fails against it, the key may have been rotated: the key is fetched again,
 * once, and the signature checked against the new key if it differs. Such re-fetches are at most one per
 * `KEY_REFETCH_INTERVAL_MS` (5 minutes) per key URL, so forged requests cannot make every call fetch the key;
 * concurrent verifications share one fetch.
 *
 * @throws WebhookVerificationError with a `reason`: `missing_signature`, `malformed_signature`, `bad_signature`,
 * `key_fetch_failed`, `invalid_body` or `invalid_argument`. The message never quotes the body or the signature.
 */
export async function verifyWebhook(
  rawBody: WebhookBody,
  headers: WebhookHeaders,
  options: VerifyWebhookOptions = {},
): Promise<WebhookEvent> {
  if (typeof options !== 'object' || options === null) {
    return fail('invalid_argument', 'options must be an object: { publicKey?, keyUrl?, fetch? }');
  }
  const { publicKey, keyUrl = WEBHOOK_KEY_URL, fetch: fetcher } = options;
  if (fetcher !== undefined && typeof fetcher !== 'function') fail('invalid_argument', 'fetch must be a function');
  if (typeof keyUrl !== 'string' || !/^https?:\/\//.test(keyUrl)) {
    fail('invalid_argument', 'keyUrl must be an http(s) URL');
  }
  const body = bodyBytes(rawBody);
  const signature = readSignature(headers);
  const badSignature = () =>
    fail(
      'bad_signature',
      `${SIGNATURE_HEADER} does not match the body: verify the raw bytes as they arrived (not JSON parsed and serialized again), with RealtimeKit's key`,
    );

  if (publicKey !== undefined) {
    const key =
      typeof publicKey === 'string'
        ? await importPem(publicKey, (detail, cause) => fail('invalid_argument', `publicKey: ${detail}`, cause))
        : publicKey;
    if (
      typeof key !== 'object' ||
      key === null ||
      (key as CryptoKey).type !== 'public' ||
      (key as CryptoKey).algorithm?.name !== ALGORITHM.name
    ) {
      fail('invalid_argument', 'publicKey must be a PEM string or a public CryptoKey for RSASSA-PKCS1-v1_5');
    }
    if (!(await verify(key, signature, body))) badSignature();
    return parseEvent(body);
  }

  const entry = await publishedKey(keyUrl, fetcher);
  const used = entry.pem;
  if (await verify(entry.key as CryptoKey, signature, body)) return parseEvent(body);
  if (entry.pem !== used) {
    // another verification fetched a new key meanwhile: check against it, no fetch
    if (!(await verify(entry.key as CryptoKey, signature, body))) badSignature();
    return parseEvent(body);
  }
  // Rotated? Fetch again, unless a re-fetch started lately; a verification finding one in flight shares it.
  const now = Date.now();
  if (!entry.pending) {
    if (entry.refetchedAt !== undefined && now - entry.refetchedAt < KEY_REFETCH_INTERVAL_MS) badSignature();
    entry.refetchedAt = now;
  }
  const fresh = await publishedKey(keyUrl, fetcher, true);
  if (fresh.pem === used || !(await verify(fresh.key as CryptoKey, signature, body))) badSignature();
  return parseEvent(body);
}
