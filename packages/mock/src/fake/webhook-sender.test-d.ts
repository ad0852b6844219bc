import { assertType, expectTypeOf, it } from 'vitest';
import { createRealtimeKitFake, type WebhookDelivery, type WebhookDeliveryOptions } from './index';

it('types what a test reads from the fake about its webhooks', () => {
  const fake = createRealtimeKitFake({ webhookDelivery: { fetch, retryDelays: [0], timeoutMs: 1000 } });
  expectTypeOf(fake.settled()).toEqualTypeOf<Promise<WebhookDelivery[]>>();
  expectTypeOf(fake.webhookDeliveries()).toEqualTypeOf<WebhookDelivery[]>();
  expectTypeOf(fake.webhookPublicKey()).toEqualTypeOf<Promise<string>>();
  expectTypeOf<WebhookDelivery['outcome']>().toEqualTypeOf<'pending' | 'delivered' | 'failed'>();
  expectTypeOf<WebhookDelivery['event']>().toEqualTypeOf<
    | 'meeting.started'
    | 'meeting.ended'
    | 'meeting.participantJoined'
    | 'meeting.participantLeft'
    | 'meeting.chatSynced'
    | 'recording.statusUpdate'
    | 'livestreaming.statusUpdate'
    | 'meeting.transcript'
    | 'meeting.summary'
  >();
  // a fetch of one's own, such as a worker's service binding
  assertType<WebhookDeliveryOptions>({ fetch: async (url: string) => new Response(url) });
  // @ts-expect-error retryDelays are waits in ms
  assertType<WebhookDeliveryOptions>({ retryDelays: '100,400' });
});
