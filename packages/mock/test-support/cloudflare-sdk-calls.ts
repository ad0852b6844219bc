import { ACCOUNT, APP } from '@realtimekit-meetings/test-fixtures/ids';
import type Cloudflare from 'cloudflare';
import type { APIPromise } from 'cloudflare/api-promise';
import { APIResource } from 'cloudflare/core/resource';
import type { RealtimeKitFake } from '../src/fake/create-fake';

/**
 * The IDs the calls use. They start as well-formed placeholders (UUIDs, as the spec's `format: uuid` asks), which
 * Prism accepts; against the fake, each create stores the ID it answered, so later calls name what exists.
 */
export interface Ids {
  /** Against the fake, the app `apps.post` created; against Prism, its example's. A 36-character UUID either way. */
  app: string;
  meeting: string;
  participant: string;
  preset: string;
  presetName: string;
  webhook: string;
  livestream: string;
  livestreamSession: string;
  recording: string;
  session: string;
  sessionParticipant: string;
  peer: string;
}

export const placeholderIds = (): Ids => ({
  app: APP,
  meeting: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  participant: '4f2a7c1e-8f3b-4d39-9c55-1f0e6a7b2c11',
  preset: '182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e',
  presetName: 'group_call_host',
  webhook: '0b8d7e0a-3c1e-4f6b-9a2d-5e4f3c2b1a09',
  livestream: '7d6c5b4a-3f2e-4d1c-8b0a-9f8e7d6c5b4a',
  livestreamSession: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  recording: '97440c6a-140b-40a9-9499-b23fd7a3868a',
  session: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9',
  sessionParticipant: '6a7b8c9d-0e1f-4a2b-b3c4-d5e6f7a8b9c0',
  peer: '8c9d0e1f-2a3b-4c4d-a5e6-f7a8b9c0d1e2',
});

/** What a call may use besides the client and the IDs: the fake behind the server, when it is the fake. */
export interface Scene {
  cf: Cloudflare;
  ids: Ids;
  fake?: RealtimeKitFake;
}

/** One SDK method: the spec operation it calls, how to call it, and what to remember from its answer. */
export interface SdkCall {
  operationId: string;
  run(scene: Scene): APIPromise<unknown>;
  learn?(answer: unknown, ids: Ids): void;
  /** State the call needs that no SDK method creates (a session starts when someone joins with the client SDK). */
  prepare?(scene: Scene): void;
}

/**
 * `run` and `learn` typed together: `learn` reads the answer as the SDK declares it (`APIPromise<T>`), so a field
 * the SDK's types lack would not compile.
 */
function call<T>(
  operationId: string,
  run: (scene: Scene) => APIPromise<T>,
  learn?: (answer: T, ids: Ids) => void,
  prepare?: (scene: Scene) => void,
): SdkCall {
  return { operationId, run, learn: learn as SdkCall['learn'], prepare };
}

const account_id = ACCOUNT;
const inApp = (ids: Ids) => ({ account_id, app_id: ids.app });

/** A preset body as the spec requires it whole (`config`, `name`, `permissions`, `ui`). */
const presetBody = (name: string) => ({
  name,
  config: {
    max_screenshare_count: 1,
    max_video_streams: { desktop: 1, mobile: 1 },
    media: { screenshare: { frame_rate: 1, quality: 'hd' as const }, video: { frame_rate: 1, quality: 'hd' as const } },
    view_type: 'GROUP_CALL' as const,
  },
  permissions: {
    accept_waiting_requests: true,
    can_accept_production_requests: true,
    can_change_participant_permissions: true,
    can_edit_display_name: true,
    can_livestream: true,
    can_record: true,
    can_spotlight: true,
    chat: {
      private: { can_receive: true, can_send: true, files: true, text: true },
      public: { can_send: true, files: true, text: true },
    },
    connected_meetings: {
      can_alter_connected_meetings: true,
      can_switch_connected_meetings: true,
      can_switch_to_parent_meeting: true,
    },
    disable_participant_audio: false,
    disable_participant_screensharing: false,
    disable_participant_video: false,
    hidden_participant: false,
    kick_participant: true,
    media: {
      audio: { can_produce: 'ALLOWED' as const },
      screenshare: { can_produce: 'ALLOWED' as const },
      video: { can_produce: 'ALLOWED' as const },
    },
    pin_participant: true,
    plugins: { can_close: true, can_edit_config: true, can_start: true, config: {} },
    polls: { can_create: true, can_view: true, can_vote: true },
    recorder_type: 'NONE' as const,
    show_participant_list: true,
    waiting_room_type: 'SKIP' as const,
  },
  ui: {
    design_tokens: {
      border_radius: 'rounded' as const,
      border_width: 'thin' as const,
      colors: {
        background: { 600: '#222222', 700: '#1f1f1f', 800: '#1b1b1b', 900: '#181818', 1000: '#141414' },
        brand: { 300: '#844d1c', 400: '#9d5b22', 500: '#b56927', 600: '#d37c30', 700: '#d9904f' },
        danger: '#FF2D2D',
        success: '#62A504',
        text: '#EEEEEE',
        text_on_brand: '#EEEEEE',
        video_bg: '#191919',
        warning: '#FFCD07',
      },
      spacing_base: 4,
      theme: 'dark' as const,
    },
  },
});

const webhookUrl = 'https://hooks.example.com/realtimekit';

/**
 * A call for every RealtimeKit method of Cloudflare's SDK (`client.realtimeKit.<resource>.<method>`), in an order
 * that works against the stateful fake: what a call names was created by an earlier one, deletes come last.
 */
export const cloudflareSdkCalls: Record<string, SdkCall> = {
  'apps.post': call(
    'create_app',
    ({ cf }) => cf.realtimeKit.apps.post({ account_id, name: 'cf-sdk-proof' }),
    (answer, ids) => {
      ids.app = answer.data?.app?.id ?? ids.app;
    },
  ),
  'apps.get': call('get_apps', ({ cf }) =>
    cf.realtimeKit.apps.get({ account_id, page_no: 1, per_page: 10, sort_order: 'ASC' }),
  ),

  'presets.create': call(
    'post-presets',
    ({ cf, ids }) => cf.realtimeKit.presets.create(ids.app, { account_id, ...presetBody('cf-sdk-host') }),
    (answer, ids) => {
      ids.preset = answer.data?.id ?? ids.preset;
      ids.presetName = answer.data?.name ?? ids.presetName;
    },
  ),
  'presets.get': call('get-presets', ({ cf, ids }) =>
    cf.realtimeKit.presets.get(ids.app, { account_id, page_no: 1, per_page: 20 }),
  ),
  'presets.getPresetByID': call('get-presets-preset_id', ({ cf, ids }) =>
    cf.realtimeKit.presets.getPresetByID(ids.preset, inApp(ids)),
  ),
  'presets.update': call('patch-presets-preset_id', ({ cf, ids }) =>
    cf.realtimeKit.presets.update(ids.preset, { ...inApp(ids), name: 'cf-sdk-host-2' }),
  ),
  'presets.replacePresetByID': call(
    'put-presets-preset_id',
    ({ cf, ids }) =>
      cf.realtimeKit.presets.replacePresetByID(ids.preset, { ...inApp(ids), ...presetBody('cf-sdk-host') }),
    (answer, ids) => {
      ids.presetName = answer.data?.name ?? ids.presetName;
    },
  ),

  'webhooks.createWebhook': call(
    'addWebhook',
    ({ cf, ids }) =>
      cf.realtimeKit.webhooks.createWebhook(ids.app, {
        account_id,
        name: 'All events',
        url: webhookUrl,
        events: ['meeting.started', 'meeting.ended', 'recording.statusUpdate'],
      }),
    (answer, ids) => {
      ids.webhook = answer.data?.id ?? ids.webhook;
    },
  ),
  'webhooks.getWebhooks': call('getAllWebhooks', ({ cf, ids }) =>
    cf.realtimeKit.webhooks.getWebhooks(ids.app, { account_id }),
  ),
  'webhooks.getWebhookByID': call('getWebhook', ({ cf, ids }) =>
    cf.realtimeKit.webhooks.getWebhookByID(ids.webhook, inApp(ids)),
  ),
  'webhooks.editWebhook': call('editWebhook', ({ cf, ids }) =>
    cf.realtimeKit.webhooks.editWebhook(ids.webhook, { ...inApp(ids), enabled: false }),
  ),
  'webhooks.replaceWebhook': call('replaceWebhook', ({ cf, ids }) =>
    cf.realtimeKit.webhooks.replaceWebhook(ids.webhook, {
      ...inApp(ids),
      name: 'Meeting ends',
      url: `${webhookUrl}/ended`,
      events: ['meeting.ended'],
      enabled: true,
    }),
  ),

  'meetings.create': call(
    'create_meeting',
    ({ cf, ids }) => cf.realtimeKit.meetings.create(ids.app, { account_id, title: 'Proof by Cloudflare SDK' }),
    (answer, ids) => {
      ids.meeting = answer.data?.id ?? ids.meeting;
    },
  ),
  'meetings.get': call('get_all_meetings', ({ cf, ids }) =>
    cf.realtimeKit.meetings.get(ids.app, { account_id, page_no: 1, per_page: 20, status: 'ACTIVE' }),
  ),
  'meetings.getMeetingByID': call('get_meeting', ({ cf, ids }) =>
    cf.realtimeKit.meetings.getMeetingByID(ids.meeting, inApp(ids)),
  ),
  'meetings.updateMeetingByID': call('update_meeting', ({ cf, ids }) =>
    cf.realtimeKit.meetings.updateMeetingByID(ids.meeting, { ...inApp(ids), title: 'Renamed' }),
  ),
  'meetings.replaceMeetingByID': call('replace_meeting', ({ cf, ids }) =>
    cf.realtimeKit.meetings.replaceMeetingByID(ids.meeting, { ...inApp(ids), title: 'Replaced' }),
  ),
  'meetings.addParticipant': call(
    'add_participant',
    ({ cf, ids }) =>
      cf.realtimeKit.meetings.addParticipant(ids.meeting, {
        ...inApp(ids),
        custom_participant_id: 'user-ada',
        preset_name: ids.presetName,
        name: 'Ada',
      }),
    (answer, ids) => {
      ids.participant = answer.data?.id ?? ids.participant;
    },
  ),
  'meetings.getMeetingParticipants': call('get_meeting_participants', ({ cf, ids }) =>
    cf.realtimeKit.meetings.getMeetingParticipants(ids.meeting, { ...inApp(ids), page_no: 1, per_page: 20 }),
  ),
  'meetings.getMeetingParticipant': call('get_meeting_participant', ({ cf, ids }) =>
    cf.realtimeKit.meetings.getMeetingParticipant(ids.participant, { ...inApp(ids), meeting_id: ids.meeting }),
  ),
  'meetings.editParticipant': call('edit_participant', ({ cf, ids }) =>
    cf.realtimeKit.meetings.editParticipant(ids.participant, {
      ...inApp(ids),
      meeting_id: ids.meeting,
      name: 'Ada L.',
    }),
  ),
  'meetings.refreshParticipantToken': call('regenerate_token', ({ cf, ids }) =>
    cf.realtimeKit.meetings.refreshParticipantToken(ids.participant, { ...inApp(ids), meeting_id: ids.meeting }),
  ),

  'activeSession.getActiveSession': call(
    'GetActiveSession',
    ({ cf, ids }) => cf.realtimeKit.activeSession.getActiveSession(ids.meeting, inApp(ids)),
    undefined,
    ({ fake, ids }) => fake?.startSession(ids.meeting),
  ),
  'activeSession.createPoll': call('CreatePoll', ({ cf, ids }) =>
    cf.realtimeKit.activeSession.createPoll(ids.meeting, {
      ...inApp(ids),
      question: 'Ship it?',
      options: ['yes', 'no'],
    }),
  ),

  'livestreams.startLivestreamingAMeeting': call(
    'start-livestreaming',
    ({ cf, ids }) =>
      cf.realtimeKit.livestreams.startLivestreamingAMeeting(ids.meeting, { ...inApp(ids), name: 'stage' }),
    (answer, ids) => {
      ids.livestream = answer.data?.id ?? ids.livestream;
    },
  ),
  'livestreams.getMeetingActiveLivestreams': call('get-v2-meetings-meetingId-active-livestream', ({ cf, ids }) =>
    cf.realtimeKit.livestreams.getMeetingActiveLivestreams(ids.meeting, inApp(ids)),
  ),
  'livestreams.getActiveLivestreamsForLivestreamID': call(
    'get-v2-active-livestream-session-details',
    ({ cf, ids }) => cf.realtimeKit.livestreams.getActiveLivestreamsForLivestreamID(ids.livestream, inApp(ids)),
    (answer, ids) => {
      ids.livestreamSession = answer.data?.session?.id ?? ids.livestreamSession;
    },
  ),
  'livestreams.getLivestreamSessionForLivestreamID': call('get-v2-livestream-session-livestream-id', ({ cf, ids }) =>
    cf.realtimeKit.livestreams.getLivestreamSessionForLivestreamID(ids.livestream, inApp(ids)),
  ),
  'livestreams.getLivestreamSessionDetailsForSessionID': call(
    'get-v2-livestreams-livestream-session-id',
    ({ cf, ids }) =>
      cf.realtimeKit.livestreams.getLivestreamSessionDetailsForSessionID(ids.livestreamSession, inApp(ids)),
  ),
  'livestreams.getAllLivestreams': call('fetch_all_livestreams', ({ cf, ids }) =>
    cf.realtimeKit.livestreams.getAllLivestreams(ids.app, { account_id, exclude_meetings: false, sort_order: 'ASC' }),
  ),
  'livestreams.stopLivestreamingAMeeting': call('stop_livestreaming', ({ cf, ids }) =>
    cf.realtimeKit.livestreams.stopLivestreamingAMeeting(ids.meeting, inApp(ids)),
  ),
  'livestreams.getLivestreamAnalyticsComplete': call('get-livestream-analytics-complete', ({ cf, ids }) =>
    cf.realtimeKit.livestreams.getLivestreamAnalyticsComplete(ids.app, { account_id }),
  ),
  'livestreams.getLivestreamAnalyticsDaywise': call('get-livestream-analytics-daywise', ({ cf, ids }) =>
    cf.realtimeKit.livestreams.getLivestreamAnalyticsDaywise(ids.app, {
      account_id,
      start_time: 1735689600,
      end_time: 1738368000,
    }),
  ),
  'livestreams.getOrgAnalytics': call('get-org-analytics', ({ cf, ids }) =>
    cf.realtimeKit.livestreams.getOrgAnalytics(ids.app, { account_id }),
  ),

  'recordings.startRecordings': call(
    'start_recording',
    ({ cf, ids }) => cf.realtimeKit.recordings.startRecordings(ids.app, { account_id, meeting_id: ids.meeting }),
    (answer, ids) => {
      ids.recording = answer.data?.id ?? ids.recording;
    },
  ),
  'recordings.getActiveRecordings': call('get_active_recording', ({ cf, ids }) =>
    cf.realtimeKit.recordings.getActiveRecordings(ids.meeting, inApp(ids)),
  ),
  'recordings.getOneRecording': call('get_one_recording', ({ cf, ids }) =>
    cf.realtimeKit.recordings.getOneRecording(ids.recording, inApp(ids)),
  ),
  'recordings.getRecordings': call('get_all_recordings', ({ cf, ids }) =>
    cf.realtimeKit.recordings.getRecordings(ids.app, {
      account_id,
      meeting_id: ids.meeting,
      status: ['RECORDING', 'UPLOADED'],
    }),
  ),
  'recordings.pauseResumeStopRecording': call('pause_resume_stop_recording', ({ cf, ids }) =>
    cf.realtimeKit.recordings.pauseResumeStopRecording(ids.recording, { ...inApp(ids), action: 'stop' }),
  ),
  'recordings.startTrackRecording': call('startTrackRecordingForAMeeting', ({ cf, ids }) =>
    cf.realtimeKit.recordings.startTrackRecording(ids.app, { account_id, meeting_id: ids.meeting }),
  ),

  'sessions.getSessions': call(
    'GetSessions',
    ({ cf, ids }) => cf.realtimeKit.sessions.getSessions(ids.app, { account_id, associated_id: ids.meeting }),
    (answer, ids) => {
      ids.session = answer.data?.sessions?.[0]?.id ?? ids.session;
    },
  ),
  'sessions.getSessionDetails': call('GetSessionDetails', ({ cf, ids }) =>
    cf.realtimeKit.sessions.getSessionDetails(ids.session, inApp(ids)),
  ),
  'sessions.getSessionParticipants': call(
    'GetSessionParticipants',
    ({ cf, ids }) =>
      cf.realtimeKit.sessions.getSessionParticipants(ids.session, {
        ...inApp(ids),
        include_peer_events: true,
        view: 'raw',
      }),
    (answer, ids) => {
      const first = answer.data?.participants?.[0];
      ids.sessionParticipant = first?.id ?? ids.sessionParticipant;
      ids.peer = first?.id ?? ids.peer;
    },
  ),
  'sessions.getSessionParticipantDetails': call('GetParticipantDetails', ({ cf, ids }) =>
    cf.realtimeKit.sessions.getSessionParticipantDetails(ids.sessionParticipant, {
      ...inApp(ids),
      session_id: ids.session,
    }),
  ),
  'sessions.getParticipantDataFromPeerID': call('GetParticipantDataFromPeerId', ({ cf, ids }) =>
    cf.realtimeKit.sessions.getParticipantDataFromPeerID(ids.peer, inApp(ids)),
  ),
  'sessions.getSessionChat': call('GetSessionChat', ({ cf, ids }) =>
    cf.realtimeKit.sessions.getSessionChat(ids.session, inApp(ids)),
  ),
  'sessions.getSessionTranscripts': call('GetSessionTranscript', ({ cf, ids }) =>
    cf.realtimeKit.sessions.getSessionTranscripts(ids.session, { ...inApp(ids), format: 'JSON' }),
  ),
  'sessions.generateSummaryOfTranscripts': call(
    'post-sessions-session_id-summary',
    ({ cf, ids }) => cf.realtimeKit.sessions.generateSummaryOfTranscripts(ids.session, inApp(ids)),
    undefined,
    // a summary is made of an ended session's transcript: the host ends it
    ({ fake, ids }) => fake?.endSession(ids.meeting),
  ),
  'sessions.getSessionSummary': call('GetSessionSummary', ({ cf, ids }) =>
    cf.realtimeKit.sessions.getSessionSummary(ids.session, inApp(ids)),
  ),
  'analytics.getOrgAnalytics': call('get-org-analytics', ({ cf, ids }) =>
    cf.realtimeKit.analytics.getOrgAnalytics(ids.app, { account_id, start_date: '2025-01-01', end_date: '2025-01-31' }),
  ),

  // the session above ended: each kick needs a live one (kicking the last participant ends it)
  'activeSession.kickParticipants': call(
    'KickPartcipants',
    ({ cf, ids }) =>
      cf.realtimeKit.activeSession.kickParticipants(ids.meeting, { ...inApp(ids), participant_ids: [ids.participant] }),
    undefined,
    ({ fake, ids }) => fake?.startSession(ids.meeting),
  ),
  'activeSession.kickAllParticipants': call(
    'KickAllParticipants',
    ({ cf, ids }) => cf.realtimeKit.activeSession.kickAllParticipants(ids.meeting, inApp(ids)),
    undefined,
    ({ fake, ids }) => fake?.startSession(ids.meeting),
  ),

  'meetings.deleteMeetingParticipant': call('delete_meeting_participant', ({ cf, ids }) =>
    cf.realtimeKit.meetings.deleteMeetingParticipant(ids.participant, { ...inApp(ids), meeting_id: ids.meeting }),
  ),
  'webhooks.deleteWebhook': call('deleteWebhook', ({ cf, ids }) =>
    cf.realtimeKit.webhooks.deleteWebhook(ids.webhook, inApp(ids)),
  ),
  'presets.delete': call('delete-presets-preset_id', ({ cf, ids }) =>
    cf.realtimeKit.presets.delete(ids.preset, inApp(ids)),
  ),
};

/**
 * Every RealtimeKit method the SDK has, as `resource.method`, found by walking `client.realtimeKit`'s resources and
 * their prototypes (not from a list), so a method a new SDK release adds shows up here.
 */
export function sdkMethods(cf: Cloudflare): string[] {
  const methods: string[] = [];
  for (const [resource, value] of Object.entries(cf.realtimeKit)) {
    if (resource.startsWith('_') || typeof value !== 'object' || value === null) continue;
    for (let proto = Object.getPrototypeOf(value); proto && proto !== APIResource.prototype; ) {
      for (const name of Object.getOwnPropertyNames(proto)) {
        const descriptor = Object.getOwnPropertyDescriptor(proto, name);
        if (name !== 'constructor' && typeof descriptor?.value === 'function') methods.push(`${resource}.${name}`);
      }
      proto = Object.getPrototypeOf(proto);
    }
  }
  return [...new Set(methods)];
}
