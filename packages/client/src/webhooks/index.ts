// `@realtimekit-meetings/client/webhooks`: receiving RealtimeKit's webhooks on a server. Kept out of the main entry,
// so that a browser bundle of the client carries none of it.

export type { JoinTokenStore } from '../join-tokens';
export { createNodeWebhookListener } from './create-node-webhook-listener';
export {
  createWebhookReceiver,
  type ReceiverAnswer,
  type WaitUntilContext,
  type WebhookDelivery,
  type WebhookReceiverOptions,
} from './create-webhook-receiver';
export {
  type EnsureWebhookClient,
  type EnsureWebhookOptions,
  type EnsureWebhookResult,
  ensureWebhook,
  type WebhookEventName,
} from './ensure-webhook';
export * from './events';
export {
  clearWebhookKeyCache,
  KEY_FETCH_TIMEOUT_MS,
  KEY_REFETCH_INTERVAL_MS,
  SIGNATURE_HEADER,
  type VerifyWebhookOptions,
  verifyWebhook,
  WEBHOOK_KEY_URL,
  type WebhookBody,
  type WebhookHeaders,
  WebhookVerificationError,
  type WebhookVerificationReason,
} from './verify-webhook';
export {
  WEBHOOK_DEDUPE_TTL_MS,
  type WebhookDeduper,
  type WebhookDeduperOptions,
  webhookDeduper,
  webhookEventIdentity,
  webhookEventKey,
} from './webhook-deduper';
