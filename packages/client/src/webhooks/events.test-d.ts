import { describe, expectTypeOf, it } from 'vitest';
import {
  createWebhookReceiver,
  isKnownWebhookEvent,
  type KnownWebhookEventName,
  type UnknownWebhookEvent,
  verifyWebhook,
  type WebhookEvent,
  webhookDeduper,
} from './index';

declare const event: WebhookEvent;

describe('webhook event types', () => {
  it('verifyWebhook returns a WebhookEvent', () => {
    expectTypeOf(verifyWebhook('{}', new Headers())).toEqualTypeOf<Promise<WebhookEvent>>();
    expectTypeOf(verifyWebhook(new Uint8Array(), { 'rtk-signature': ['a'] })).toEqualTypeOf<Promise<WebhookEvent>>();
    // @ts-expect-error a parsed body is not the raw bytes
    verifyWebhook({ event: 'meeting.started' }, new Headers());
  });

  it('after isKnownWebhookEvent, switch (event.event) narrows each case to its fields', () => {
    if (!isKnownWebhookEvent(event)) {
      expectTypeOf(event).toEqualTypeOf<UnknownWebhookEvent>();
      expectTypeOf(event.event).toEqualTypeOf<string>();
      return;
    }
    switch (event.event) {
      case 'meeting.started':
        expectTypeOf(event.meeting.sessionId).toEqualTypeOf<string>();
        expectTypeOf(event.meeting.endedAt).toEqualTypeOf<string | undefined>();
        // @ts-expect-error no reason on a start
        void event.reason;
        break;
      case 'meeting.ended':
        expectTypeOf(event.reason).toExtend<string>();
        break;
      case 'meeting.participantJoined':
        expectTypeOf(event.participant.customParticipantId).toEqualTypeOf<string>();
        break;
      case 'meeting.participantLeft':
        expectTypeOf(event.participant.leftAt).toEqualTypeOf<string>();
        break;
      case 'meeting.chatSynced':
        expectTypeOf(event.chatDownloadUrl).toEqualTypeOf<string>();
        // @ts-expect-error flat: no meeting object
        void event.meeting;
        break;
      case 'recording.statusUpdate':
        expectTypeOf(event.recording.fileSize).toEqualTypeOf<string>();
        expectTypeOf(event.recording.recordingDuration).toEqualTypeOf<number>();
        break;
      case 'livestreaming.statusUpdate':
        expectTypeOf(event.manualIngest).toEqualTypeOf<boolean>();
        // @ts-expect-error the livestream's meeting has no sessionId
        void event.meeting.sessionId;
        break;
      case 'meeting.transcript':
        expectTypeOf(event.transcriptDownloadUrl).toEqualTypeOf<string>();
        break;
      case 'meeting.summary':
        expectTypeOf(event.summaryDownloadUrl).toEqualTypeOf<string>();
        break;
      default:
        expectTypeOf(event).toBeNever();
    }
  });

  it("names a recording's statuses, INVOKED as the docs and PAUSED as the fake, and takes any other string", () => {
    type Status = Extract<WebhookEvent, { event: 'recording.statusUpdate' }>['recording']['status'];
    // the named ones only: a literal is narrower than string, the open `string & {}` is not
    type Named<T> = T extends string ? (string extends T ? never : T) : never;
    expectTypeOf<Named<Status>>().toEqualTypeOf<
      'INVOKED' | 'RECORDING' | 'PAUSED' | 'UPLOADING' | 'UPLOADED' | 'ERRORED'
    >();
    expectTypeOf<'SOMETHING_NEW'>().toExtend<Status>();
  });

  it('names the nine documented events', () => {
    expectTypeOf<KnownWebhookEventName>().toEqualTypeOf<
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
  });

  it('the receiver: a fetch handler with the env type of onEvent', () => {
    const receive = createWebhookReceiver<{ DB: string }>({
      onEvent: (e, { env, delivery }) => {
        expectTypeOf(e).toEqualTypeOf<WebhookEvent>();
        expectTypeOf(env.DB).toEqualTypeOf<string>();
        expectTypeOf(delivery.id).toEqualTypeOf<string | null>();
      },
      dedupe: webhookDeduper(),
    });
    expectTypeOf(receive).parameter(0).toEqualTypeOf<Request>();
    expectTypeOf(receive).returns.toEqualTypeOf<Promise<Response>>();
    // @ts-expect-error onEvent is required
    createWebhookReceiver({});
  });
});
