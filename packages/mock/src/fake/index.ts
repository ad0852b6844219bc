export {
  CONTROL_PATH,
  createRealtimeKitFake,
  DEFAULT_PRESETS,
  FAKE_HEADER,
  type FakeLimits,
  IGNORED_HEADER,
  type JoinedParticipant,
  type RealtimeKitFake,
  type RealtimeKitFakeOptions,
  type StartSessionOptions,
  WEBHOOK_KEY_PATH,
} from './create-fake';
export type { EventScope, FakeEvent, FakeEventName } from './events';
export type { WebhookDelivery, WebhookDeliveryOptions } from './webhook-sender';
