import { ACCOUNT, APP } from '@realtimekit-meetings/test-fixtures/ids';
import type Cloudflare from 'cloudflare';
import type { APIPromise } from 'cloudflare/api-promise';
import type { AppPostResponse } from 'cloudflare/resources/realtime-kit/apps';
import type { LivestreamGetMeetingActiveLivestreamsResponse } from 'cloudflare/resources/realtime-kit/livestreams';
import type { MeetingAddParticipantResponse, MeetingCreateResponse } from 'cloudflare/resources/realtime-kit/meetings';
import type { SessionGetSessionsResponse } from 'cloudflare/resources/realtime-kit/sessions';
import type { WebhookCreateWebhookResponse } from 'cloudflare/resources/realtime-kit/webhooks';
import { describe, expectTypeOf, it } from 'vitest';
import { cloudflareSdkCalls, type SdkCall } from '../test-support/cloudflare-sdk-calls';

// What cloudflare-sdk.test.ts reads from the answers is what the SDK declares: the run-time check validates the
// parsed answer against spec/upstream/, these pin the SDK's declared types to the fields the test reads.

declare const cf: Cloudflare;

describe("Cloudflare's SDK: the types of the answers the proof reads", () => {
  it('declares each RealtimeKit method to answer an APIPromise of its own response type', () => {
    expectTypeOf(cf.realtimeKit.meetings.create).returns.toEqualTypeOf<APIPromise<MeetingCreateResponse>>();
    expectTypeOf(cf.realtimeKit.meetings.addParticipant).returns.toEqualTypeOf<
      APIPromise<MeetingAddParticipantResponse>
    >();
    expectTypeOf(cf.realtimeKit.apps.post).returns.toEqualTypeOf<APIPromise<AppPostResponse>>();
    expectTypeOf(cf.realtimeKit.webhooks.createWebhook).returns.toEqualTypeOf<
      APIPromise<WebhookCreateWebhookResponse>
    >();
    expectTypeOf(cf.realtimeKit.sessions.getSessions).returns.toEqualTypeOf<APIPromise<SessionGetSessionsResponse>>();
  });

  it('types the IDs the stateful order learns as strings, where the test reads them', () => {
    expectTypeOf<NonNullable<MeetingCreateResponse['data']>['id']>().toEqualTypeOf<string>();
    expectTypeOf<NonNullable<MeetingAddParticipantResponse['data']>['id']>().toEqualTypeOf<string>();
    expectTypeOf<NonNullable<MeetingAddParticipantResponse['data']>['token']>().toEqualTypeOf<string>();
    expectTypeOf<NonNullable<WebhookCreateWebhookResponse['data']>['id']>().toEqualTypeOf<string>();
    expectTypeOf<NonNullable<NonNullable<AppPostResponse['data']>['app']>['id']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<
      NonNullable<NonNullable<SessionGetSessionsResponse['data']>['sessions']>[number]['id']
    >().toEqualTypeOf<string>();
  });

  it("keeps upstream's string `disabled`, which our overlay corrects to the boolean the mock answers", () => {
    // the one entry of upstreamTypesWeCorrect, at the type level: when the SDK fixes it, this fails
    expectTypeOf<NonNullable<LivestreamGetMeetingActiveLivestreamsResponse['data']>['disabled']>().toEqualTypeOf<
      string | undefined
    >();
  });

  it('refuses, as the spec does, a webhook without its url', () => {
    // @ts-expect-error url is required
    cf.realtimeKit.webhooks.createWebhook(APP, { account_id: ACCOUNT, name: 'n', events: ['meeting.ended'] });
  });

  it('holds one SdkCall per method, keyed resource.method', () => {
    expectTypeOf(cloudflareSdkCalls).toEqualTypeOf<Record<string, SdkCall>>();
    expectTypeOf<SdkCall['run']>().returns.toEqualTypeOf<APIPromise<unknown>>();
  });
});
