import { readAtMost, streamChunks } from '@realtimekit-meetings/core';
import type { WebhookEvent } from './events';
import {
  type VerifyWebhookOptions,
  verifyWebhook,
  type WebhookHeaders,
  WebhookVerificationError,
  type WebhookVerificationReason,
} from './verify-webhook';
import type { WebhookDeduper } from './webhook-deduper';

/** The delivery headers RealtimeKit sends beside the signature (not signed: for logs, not for trust). */
export interface WebhookDelivery {
  /** `rtk-uuid`: the delivery's ID. A retry may carry a new one, so deduplication does not key on it. */
  id: string | null;
  /** `rtk-webhook-id`: the webhook registration that sent it. */
  webhookId: string | null;
}

export interface WebhookReceiverOptions<Env = unknown> extends VerifyWebhookOptions {
  /**
   * Your handler, run after the answer was given and only for a verified event: in a Worker through
   * `ctx.waitUntil`, elsewhere once the answer is on its way. RealtimeKit never sees its outcome (it has its 2xx
   * already), so a failure goes to `onError` and is not retried by RealtimeKit.
   */
  onEvent(event: WebhookEvent, context: { delivery: WebhookDelivery; env: Env }): void | Promise<void>;
  /**
   * Skips events already processed: `webhookDeduper(store)`. A handler that throws releases its claim, so a later
   * delivery of that event runs again. Default: none, every verified delivery runs the handler.
   */
  dedupe?: WebhookDeduper;
  /** Gets what `onEvent` threw (never the body). Default: `console.error` with the event name. */
  onError?(error: unknown, event: WebhookEvent): void;
  /** Bodies above this many bytes are refused with 413 before they are verified. Default 1 MiB. */
  maxBodyBytes?: number;
}

/** What the receiver answers, before it becomes a Response or a node:http answer. */
export interface ReceiverAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | null;
  /** Runs the handler: to call once the answer is given. */
  after?: () => Promise<void>;
}

/** The status of each refusal: 401 for what was not signed by RealtimeKit, 5xx where RealtimeKit should retry. */
const STATUS: Record<WebhookVerificationReason, number> = {
  missing_signature: 401,
  malformed_signature: 401,
  bad_signature: 401,
  invalid_body: 400,
  key_fetch_failed: 503, // we could not check: a 5xx makes RealtimeKit retry later
  invalid_argument: 500, // a setup mistake of this server
};

const json = (status: number, value: object | null, extra: Record<string, string> = {}): ReceiverAnswer => ({
  status,
  headers: value ? { 'content-type': 'application/json', ...extra } : extra,
  body: value ? JSON.stringify(value) : null,
});

/** Checks the options once, at creation. */
export function checkReceiverOptions(options: WebhookReceiverOptions<never>) {
  if (typeof options !== 'object' || options === null || typeof options.onEvent !== 'function') {
    throw new TypeError('createWebhookReceiver needs { onEvent(event) }, and optionally publicKey, dedupe, onError');
  }
  const { dedupe, onError, maxBodyBytes = 1 << 20 } = options;
  if (dedupe !== undefined && (typeof dedupe?.claim !== 'function' || typeof dedupe.release !== 'function')) {
    throw new TypeError('dedupe must be a webhookDeduper(store)');
  }
  if (onError !== undefined && typeof onError !== 'function') throw new TypeError('onError must be a function');
  if (!(Number.isInteger(maxBodyBytes) && maxBodyBytes > 0)) {
    throw new TypeError('maxBodyBytes must be a positive whole number');
  }
  return maxBodyBytes;
}

/**
 * The receiver's work, shared by the fetch handler and the node:http listener: verify, deduplicate, answer, and
 * hand back the handler to run after the answer. The handler never runs for a request that failed verification.
 */
export async function receiveWebhook<Env>(
  options: WebhookReceiverOptions<Env>,
  request: { method: string; headers: WebhookHeaders; body: Uint8Array | 'too_large'; env: Env },
): Promise<ReceiverAnswer> {
  const { onEvent, dedupe, onError, publicKey, keyUrl, fetch } = options;
  if (request.method !== 'POST') return json(405, { error: 'method_not_allowed' }, { allow: 'POST' });
  if (request.body === 'too_large') return json(413, { error: 'body_too_large' });
  let event: WebhookEvent;
  try {
    event = await verifyWebhook(request.body, request.headers, { publicKey, keyUrl, fetch });
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) throw error;
    return json(STATUS[error.reason], { error: error.reason, message: error.message });
  }
  try {
    if (dedupe && !(await dedupe.claim(event))) return json(200, { duplicate: true });
  } catch {
    // the store failed: we cannot tell a repeat, so RealtimeKit should try again later
    return json(503, { error: 'dedupe_store_failed' });
  }
  const header = (name: string) => {
    const value =
      typeof (request.headers as Headers).get === 'function'
        ? (request.headers as Headers).get(name)
        : (request.headers as Record<string, string | string[] | undefined>)[name];
    return typeof value === 'string' ? value : null;
  };
  const delivery = { id: header('rtk-uuid'), webhookId: header('rtk-webhook-id') };
  const report =
    onError ?? ((error: unknown) => console.error(`realtimekit webhook: the ${event.event} handler failed`, error));
  return {
    ...json(200, null),
    after: async () => {
      try {
        await onEvent(event, { delivery, env: request.env });
      } catch (error) {
        await dedupe?.release(event).catch(() => {});
        try {
          report(error, event);
        } catch {}
      }
    },
  };
}

/** What a Worker's `fetch(request, env, ctx)` gets as `ctx`. */
export interface WaitUntilContext {
  waitUntil(promise: Promise<unknown>): void;
}

async function readLimited(request: Request, max: number): Promise<Uint8Array | 'too_large'> {
  const length = Number(request.headers.get('content-length'));
  if (length > max) {
    await request.body?.cancel().catch(() => {});
    return 'too_large';
  }
  const { chunks, cancel } = streamChunks(request.body);
  return (await readAtMost(chunks, max, cancel)) ?? 'too_large';
}

/**
 * A fetch handler receiving RealtimeKit's webhooks: a Worker's `fetch(request, env, ctx)`, or any server that speaks
 * `Request` and `Response` (Bun, Deno, Next.js route handlers, Hono). It verifies the signature over the raw body
 * first, answers at once (200; 401 for a signature that fails, 400 for a signed body that is not an event, 503 when
 * the published key or the dedupe store cannot be reached, so RealtimeKit retries), then runs `onEvent`: through
 * `ctx.waitUntil` when there is a `ctx`, else not awaited, after the answer was returned.
 *
 * ```ts
 * export default { fetch: createWebhookReceiver({ onEvent: (event) => { ... } }) };
 * ```
 */
export function createWebhookReceiver<Env = unknown>(options: WebhookReceiverOptions<Env>) {
  const maxBodyBytes = checkReceiverOptions(options as WebhookReceiverOptions<never>);
  return async (request: Request, env?: Env, ctx?: WaitUntilContext): Promise<Response> => {
    const body = request.method === 'POST' ? await readLimited(request, maxBodyBytes) : new Uint8Array(0);
    const answer = await receiveWebhook(options, {
      method: request.method,
      headers: request.headers,
      body,
      env: env as Env,
    });
    const { after } = answer;
    if (after) {
      // in a later task: the Response is returned before any of the handler runs
      const later = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(after);
      if (typeof ctx?.waitUntil === 'function') ctx.waitUntil(later);
    }
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  };
}
