import type { WebhookCreateBody } from '@realtimekit-meetings/core';

// What the fake announces when its state changes: the payloads RealtimeKit POSTs to the webhooks subscribed to their
// `event` (camelCase, no envelope), as Cloudflare's webhooks page documents them
// (developers.cloudflare.com/realtime/realtimekit/webhooks/, "Supported events" and the examples under it).
//
// The resource modules build the payloads where the change happens and hand them to the context's `emit`; the webhook
// sender delivers each to the app's webhooks whose `events` include it.

/** The nine event names, as the spec lists them (`GET /webhooks/all`, a webhook's `events`). */
export type FakeEventName = WebhookCreateBody['events'][number];

/** One event's payload: `event` names it; the other fields are the documented ones for that event. */
export interface FakeEvent {
  event: FakeEventName;
  [field: string]: unknown;
}

/** The app an event belongs to: its webhooks are the ones that receive it. */
export interface EventScope {
  accountId: string;
  appId: string;
}

/** Hands an event to the webhook sender. Called once the change it reports is committed, never before. */
export type Emit = (scope: EventScope, event: FakeEvent) => void;
