import type {
  ActiveSession,
  CreatePollResult,
  components,
  DeletedParticipant,
  KickAllParticipantsResult,
  KickParticipantsResult,
  LivestreamSessionDetails,
  LivestreamStartResult,
  LivestreamStopResult,
  Meeting,
  MeetingCreateBody,
  MeetingDetails,
  MeetingListQuery,
  MuteAllParticipantsResult,
  MuteParticipantsResult,
  Page,
  Participant,
  ParticipantWithToken,
  paths,
} from '@realtimekit-meetings/core';
import type { Client } from 'openapi-fetch';
import { describe, expectTypeOf, it } from 'vitest';
import { createRealtimeKitClient, RealtimeKitError, type RealtimeKitErrorKind } from './index';

const rtk = createRealtimeKitClient();
const id = 'm';
const pid = 'p';

describe('names, not shapes, in hovers and errors', () => {
  it('methods return the named types of spec/sdk.yaml', () => {
    expectTypeOf(rtk.meetings.get(id)).resolves.toEqualTypeOf<MeetingDetails>();
    expectTypeOf(rtk.participants.edit(id, pid, {})).resolves.toEqualTypeOf<ParticipantWithToken>();
    expectTypeOf<Parameters<typeof rtk.meetings.create>[0]>().toEqualTypeOf<MeetingCreateBody>();
    expectTypeOf<Parameters<typeof rtk.meetings.list>[0]>().toEqualTypeOf<MeetingListQuery | undefined>();
    expectTypeOf<ActiveSession>().toEqualTypeOf<components['schemas']['realtimekit_ActiveSession']>();
  });
});

describe('client method types', () => {
  it('meetings', () => {
    expectTypeOf(rtk.meetings.list()).resolves.toEqualTypeOf<Page<Meeting>>();
    expectTypeOf(rtk.meetings.list({ page_no: 2, per_page: 10, status: 'ACTIVE' })).resolves.toEqualTypeOf<
      Page<Meeting>
    >();
    expectTypeOf(rtk.meetings.listAll()).toEqualTypeOf<AsyncIterable<Meeting>>();
    expectTypeOf(rtk.meetings.create({ title: 'Standup' })).resolves.toEqualTypeOf<MeetingDetails>();
    expectTypeOf(rtk.meetings.get(id)).resolves.toEqualTypeOf<MeetingDetails>();
    expectTypeOf(rtk.meetings.update(id, { status: 'INACTIVE' })).resolves.toEqualTypeOf<MeetingDetails>();
    expectTypeOf(rtk.meetings.replace(id, { title: 'x' })).resolves.toEqualTypeOf<MeetingDetails>();
    // @ts-expect-error status is not part of the create body
    rtk.meetings.create({ status: 'ACTIVE' });
    // @ts-expect-error nor of the PUT body
    rtk.meetings.replace(id, { status: 'ACTIVE' });
    // @ts-expect-error the meeting ID is required
    rtk.meetings.get();
    // @ts-expect-error status filter takes only ACTIVE or INACTIVE
    rtk.meetings.list({ status: 'LIVE' });
  });

  it('participants', () => {
    expectTypeOf(rtk.participants.list(id)).resolves.toEqualTypeOf<Page<Participant>>();
    expectTypeOf(rtk.participants.listAll(id, { per_page: 50 })).toEqualTypeOf<AsyncIterable<Participant>>();
    expectTypeOf(
      rtk.participants.add(id, { custom_participant_id: 'u', preset_name: 'host' }),
    ).resolves.toEqualTypeOf<ParticipantWithToken>();
    expectTypeOf(rtk.participants.get(id, pid)).resolves.toEqualTypeOf<Participant>();
    expectTypeOf(rtk.participants.edit(id, pid, { name: 'Ada' })).resolves.toHaveProperty('token');
    expectTypeOf(
      rtk.participants.replace(id, pid, { custom_participant_id: 'u', preset_name: 'host' }),
    ).resolves.toHaveProperty('id');
    expectTypeOf(rtk.participants.delete(id, pid)).resolves.toEqualTypeOf<DeletedParticipant>();
    expectTypeOf(rtk.participants.refreshToken(id, pid)).resolves.toEqualTypeOf<{ token: string }>();
    // @ts-expect-error preset_name is required
    rtk.participants.add(id, { custom_participant_id: 'u' });
    // @ts-expect-error the participant ID is required
    rtk.participants.get(id);
  });

  it('active session and livestreams', () => {
    expectTypeOf(rtk.activeSession.get(id)).resolves.toEqualTypeOf<ActiveSession>();
    expectTypeOf(
      rtk.activeSession.kick(id, { participant_ids: ['p'] }),
    ).resolves.toEqualTypeOf<KickParticipantsResult>();
    expectTypeOf(rtk.activeSession.kickAll(id)).resolves.toEqualTypeOf<KickAllParticipantsResult>();
    expectTypeOf(
      rtk.activeSession.mute(id, { custom_participant_ids: ['u'] }),
    ).resolves.toEqualTypeOf<MuteParticipantsResult>();
    expectTypeOf(
      rtk.activeSession.muteAll(id, { allow_unmute: true }),
    ).resolves.toEqualTypeOf<MuteAllParticipantsResult>();
    expectTypeOf(
      rtk.activeSession.createPoll(id, { question: 'Lunch?', options: ['yes', 'no'] }),
    ).resolves.toEqualTypeOf<CreatePollResult>();
    expectTypeOf(rtk.livestreams.getActive(id)).resolves.toHaveProperty('playback_url');
    expectTypeOf(rtk.livestreams.stop(id)).resolves.toEqualTypeOf<LivestreamStopResult>();
    expectTypeOf(rtk.livestreams.getSession(id, { page_no: 1 })).resolves.toEqualTypeOf<LivestreamSessionDetails>();
    expectTypeOf(rtk.livestreams.start(id, { name: 'main' })).resolves.toEqualTypeOf<LivestreamStartResult>();
    // @ts-expect-error allow_unmute is required
    rtk.activeSession.muteAll(id, {});
    // @ts-expect-error question and options are required
    rtk.activeSession.createPoll(id, { question: 'Lunch?' });
  });

  it('options, request() and raw', () => {
    rtk.meetings.get(id, { signal: AbortSignal.timeout(1000), timeoutMs: 5000, maxRetries: 0, headers: { a: 'b' } });
    rtk.participants.list(id, undefined, { accountId: 'a', appId: 'b' });
    // @ts-expect-error unknown option
    rtk.meetings.get(id, { retries: 3 });
    expectTypeOf(
      rtk.request('regenerate_token', { params: { meeting_id: id, participant_id: pid } }),
    ).resolves.toHaveProperty('data');
    // @ts-expect-error unknown operationId
    rtk.request('drop_everything');
    expectTypeOf(rtk.request('get_all_meetings')).resolves.toHaveProperty('paging');
    rtk.request('create_meeting', { body: { title: 'Standup' } });
    rtk.request('get_all_meetings', { query: { status: 'ACTIVE', page_no: 2 } });
    // @ts-expect-error the body must be a create body, not a number
    rtk.request('create_meeting', { body: 42 });
    // @ts-expect-error create_meeting takes no path parameters
    rtk.request('create_meeting', { body: {}, params: { nope: '1' } });
    // @ts-expect-error create_meeting takes no query
    rtk.request('create_meeting', { body: {}, query: { zzz: 1 } });
    // @ts-expect-error a misspelt query parameter
    rtk.request('get_all_meetings', { query: { pageNo: 2 } });
    // @ts-expect-error get_meeting needs its meeting_id
    rtk.request('get_meeting');
    // @ts-expect-error and by that name
    rtk.request('get_meeting', { params: { meetingId: id } });
    // @ts-expect-error add_participant needs a body
    rtk.request('add_participant', { params: { meeting_id: id } });
    expectTypeOf(rtk.raw).toEqualTypeOf<Client<paths>>();
  });

  it('options: a server client or a proxy client, never a mix', () => {
    createRealtimeKitClient({ apiToken: 't', accountId: 'a', appId: 'b', baseUrl: 'http://127.0.0.1:4010' });
    createRealtimeKitClient({ proxyUrl: '/api/realtimekit', timeoutMs: 5000 });
    // @ts-expect-error the proxy holds the token
    createRealtimeKitClient({ proxyUrl: '/api', apiToken: 't' });
    // @ts-expect-error and the account
    createRealtimeKitClient({ proxyUrl: '/api', accountId: 'a' });
    // @ts-expect-error and the app
    createRealtimeKitClient({ proxyUrl: '/api', appId: 'b' });
    // @ts-expect-error and the base URL
    createRealtimeKitClient({ proxyUrl: '/api', baseUrl: 'https://x.test' });
    // @ts-expect-error IDs are strings
    createRealtimeKitClient({ apiToken: 't', accountId: 123 });
  });

  it('errors', () => {
    const error = new RealtimeKitError('http', 'x');
    expectTypeOf(error.kind).toEqualTypeOf<RealtimeKitErrorKind>();
    expectTypeOf(error.status).toEqualTypeOf<number | undefined>();
    expectTypeOf(error.code).toEqualTypeOf<number | string | undefined>();
    expectTypeOf(error).toMatchTypeOf<Error>();
    expectTypeOf(error.headers).toEqualTypeOf<Headers | undefined>();
    expectTypeOf(error.attempts).toEqualTypeOf<number | undefined>();
    expectTypeOf(error.toJSON()).toHaveProperty('message');
    // @ts-expect-error no such kind
    new RealtimeKitError('teapot', 'x');
  });
});
