import type { Context } from './context';
import type { FakeAnswer } from './fake-request';
import { json } from './respond';
import { createWebhookSender, subscribers, type WebhookDeliveryOptions } from './webhook-sender';
import { createWebhookSigningKey } from './webhook-signing-key';

/** Where the fake publishes its webhook key below any base URL, as Cloudflare does at api.realtime.cloudflare.com. */
export const WEBHOOK_KEY_PATH = '/.well-known/webhooks.json';

/**
 * Wires a fake's events to the app's webhooks: each event its state emits is delivered to the enabled webhooks of
 * that app subscribed to it, signed with the fake's own key, then handed to the `emit` the context had (`onEvent`).
 * Delivery first, so an `onEvent` that throws cannot keep an event from the webhooks. The key is made on first use.
 */
export function wireWebhooks(ctx: Context, delivery?: WebhookDeliveryOptions) {
  const key = createWebhookSigningKey();
  // rtk-uuid from the seeded sequence, so a seeded run repeats its delivery IDs too
  const sender = createWebhookSender(key, () => ctx.random.uuid(), delivery);
  const onEvent = ctx.emit;
  ctx.emit = (scope, event) => {
    sender.send(subscribers(ctx.state.webhooks.values(), scope, event.event), event);
    onEvent(scope, event);
  };
  return {
    key,
    sender,
    /** The answer at {@link WEBHOOK_KEY_PATH}, in Cloudflare's shape. */
    keyAnswer: async (): Promise<FakeAnswer> =>
      json(200, { success: true, data: { publicKey: await key.publicKeyPem() }, message: '' }),
  };
}
