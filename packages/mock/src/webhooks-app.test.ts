// An app's own test, written as a user of the SDK writes it: the app's webhook endpoint (the client's Node
// listener, verifying signatures with the key the mock server publishes) receives every event of one whole
// meeting from the stateful fake, in the order it happened.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRealtimeKitClient } from '@realtimekit-meetings/client';
import {
  createNodeWebhookListener,
  isKnownWebhookEvent,
  WEBHOOK_EVENT_NAMES,
  type WebhookEvent,
} from '@realtimekit-meetings/client/webhooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type MockServer, startMockServer } from './index';

const ACCOUNT = '023e105f4ecef8ad9ca31a8372d0c353';
const APP = '14a396e7-ca44-4937-bf1f-050a69118543';

describe("an app's webhook endpoint, fed by the fake for one whole meeting", () => {
  let mock: MockServer;
  let app: ReturnType<typeof createServer>;
  let endpoint: string;
  const received: WebhookEvent[] = [];
  const deliveryIds: (string | null)[] = [];

  beforeAll(async () => {
    mock = await startMockServer({ stateful: { webhookDelivery: { retryDelays: [0] } } });
    // the app's endpoint, as it runs in production but for the key's URL (Cloudflare's, by default)
    app = createServer(
      createNodeWebhookListener({
        keyUrl: `${mock.url}/.well-known/webhooks.json`,
        onEvent: (event, { delivery }) => {
          received.push(event);
          deliveryIds.push(delivery.id);
        },
      }),
    ).listen(0, '127.0.0.1');
    await once(app, 'listening');
    endpoint = `http://127.0.0.1:${(app.address() as AddressInfo).port}/webhooks/realtimekit`;
  });
  afterAll(async () => {
    app?.closeAllConnections();
    await new Promise((resolve) => app?.close(resolve));
    await mock?.close();
  });

  it('gets each event once, verified, in the order the meeting lived it, and every event type RealtimeKit documents', async () => {
    const rtk = createRealtimeKitClient({
      apiToken: 'app-test-token',
      accountId: ACCOUNT,
      appId: APP,
      baseUrl: mock.url,
    });
    const fake = mock.fake as NonNullable<MockServer['fake']>;
    // subscribe to everything the API says it sends
    const events = await rtk.webhooks.events();
    await rtk.webhooks.create({ name: 'app', url: endpoint, events });

    const meeting = await rtk.meetings.create({ title: 'Standup', transcribe_on_end: true, summarize_on_end: true });
    const ada = await rtk.participants.add(meeting.id, {
      custom_participant_id: 'ada',
      preset_name: 'group_call_host',
    });
    const bob = await rtk.participants.add(meeting.id, {
      custom_participant_id: 'bob',
      preset_name: 'group_call_participant',
    });
    fake.joinParticipant(meeting.id, ada.id);
    fake.joinParticipant(meeting.id, bob.id);
    const recording = await rtk.recordings.start({ meeting_id: meeting.id });
    await rtk.recordings.control(recording.id, { action: 'pause' });
    await rtk.recordings.control(recording.id, { action: 'resume' });
    await rtk.recordings.control(recording.id, { action: 'stop' });
    await rtk.livestreams.start(meeting.id, { name: 'standup live' });
    await rtk.livestreams.stop(meeting.id);
    fake.leaveParticipant(meeting.id, bob.id);
    fake.leaveParticipant(meeting.id, ada.id); // the last one out: the meeting ends

    const deliveries = await fake.settled();
    expect(deliveries.filter((d) => d.outcome !== 'delivered')).toEqual([]);
    // the listener answers first and runs the handler after: wait for the last handler
    await vi.waitFor(() => expect(received).toHaveLength(deliveries.length));

    const described = received.map((event) => {
      if (!isKnownWebhookEvent(event)) return `unknown ${event.event}`;
      if (event.event === 'recording.statusUpdate') return `${event.event} ${event.recording.status}`;
      if (event.event === 'livestreaming.statusUpdate') return `${event.event} ${event.status}`;
      if (event.event === 'meeting.participantJoined' || event.event === 'meeting.participantLeft') {
        return `${event.event} ${event.participant.customParticipantId}`;
      }
      if (event.event === 'meeting.ended') return `${event.event} ${event.reason}`;
      return event.event;
    });
    expect(described).toEqual([
      'meeting.started',
      'meeting.participantJoined ada',
      'meeting.participantJoined bob',
      'recording.statusUpdate RECORDING',
      'recording.statusUpdate PAUSED',
      'recording.statusUpdate RECORDING',
      'recording.statusUpdate UPLOADING',
      'recording.statusUpdate UPLOADED',
      'livestreaming.statusUpdate LIVE',
      'livestreaming.statusUpdate IDLE',
      'meeting.participantLeft bob',
      'meeting.participantLeft ada',
      'meeting.ended ALL_PARTICIPANTS_LEFT',
      'meeting.chatSynced',
      'meeting.transcript',
      'meeting.summary',
    ]);
    // every event type the API lists is one the app received, and one the client's types name
    expect(new Set(received.map((event) => event.event))).toEqual(new Set(events));
    expect(new Set(events)).toEqual(new Set(WEBHOOK_EVENT_NAMES));
    // one delivery each: distinct delivery IDs
    expect(new Set(deliveryIds).size).toBe(received.length);
  });
});
