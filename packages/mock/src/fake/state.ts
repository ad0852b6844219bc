import type { MeetingDetails, Participant } from '@realtimekit-meetings/core';
import type { StoredAppLivestream } from './app-livestreams';
import type { StoredApp } from './apps';
import type { StoredPreset } from './presets';
import type { RecordingCalls, StoredRecording } from './recordings';
import type { StoredWebhook } from './webhooks';

/** A participant as the fake keeps it: what the API answers, plus the join token it last handed out. */
export interface StoredParticipant extends Participant {
  token: string;
}

export interface StoredLivestream {
  id: string;
  name?: string;
  meeting_id: string;
  ingest_server: string;
  playback_url: string;
  stream_key: string;
  status: 'LIVE' | 'IDLE';
  disabled: boolean;
  created_at: string;
  updated_at: string;
  started_time: string;
  stopped_time?: string;
}

/** One join of a participant to a session: RealtimeKit's session participant, whose ID "maps to the peerId". */
export interface SessionPeer {
  /** the peer ID, new at each join */
  id: string;
  /** the meeting participant who joined */
  participantId: string;
  customParticipantId: string;
  displayName: string;
  presetName: string;
  joinedAt: string;
  /** unset while the peer is in the session */
  leftAt?: string;
}

export interface StoredSession {
  id: string;
  started_at: string;
  updated_at: string;
  /** participant ID -> participant, for those in the session now */
  participants: Map<string, StoredParticipant>;
  maxConcurrent: number;
  /** the meeting it is a session of, and that meeting's `account/app` scope */
  meetingId: string;
  scope: string;
  /** set once it has ended; the meeting's `session` is then unset and the session is history */
  ended_at?: string;
  /** every join, oldest first: a participant who leaves and rejoins is a new peer */
  peers: SessionPeer[];
}

/** Sessions the fake keeps, live and ended, across every app: past this, the oldest ended ones are forgotten. */
export const SESSION_HISTORY = 1000;

export interface StoredMeeting {
  /** `account_id/app_id`: a meeting is visible only under the app that created it */
  scope: string;
  accountId: string;
  meeting: MeetingDetails;
  /** in the order they were added */
  participants: Map<string, StoredParticipant>;
  session?: StoredSession;
  /** oldest first; the last {@link LIVESTREAM_HISTORY} are kept */
  livestreams: StoredLivestream[];
}

export const LIVESTREAM_HISTORY = 100;

/** What the fake holds at most; a creation past a cap is refused with 400 and a message naming the cap. */
export interface FakeLimits {
  /** Meetings across every app (default 1,000). */
  meetings?: number;
  /** Participants in one meeting (default 1,000). */
  participantsPerMeeting?: number;
  /**
   * The largest request body read, in bytes (default 1 MiB): larger is refused with 413 before it is parsed. The API's
   * bodies are small JSON documents (a few KB at most); Cloudflare's API refuses uploads over 100 MB with 413, a size
   * the fake, which keeps what it stores in memory, has no reason to take.
   */
  bodyBytes?: number;
}

export const DEFAULT_LIMITS: Required<FakeLimits> = {
  meetings: 1000,
  participantsPerMeeting: 1000,
  bodyBytes: 1024 * 1024,
};

/**
 * The presets every app starts with. RealtimeKit creates "a set of default presets" with each app
 * (developers.cloudflare.com/realtime/realtimekit/concepts/preset); its predecessor Dyte named its four prebuilt ones
 * these (docs.dyte.io/guides/capabilities/presets), and the spec's default `preset_name` is `group_call_host`.
 */
export const DEFAULT_PRESETS = ['group_call_host', 'group_call_participant', 'webinar_presenter', 'webinar_viewer'];

/** Everything the fake remembers: `reset()` replaces it with a new one. */
export interface FakeState {
  /** meeting ID -> meeting, in the order they were created */
  meetings: Map<string, StoredMeeting>;
  /** recording ID -> a recording (composite or track), in the order they were started */
  recordings: Map<string, StoredRecording>;
  /** the recording APIs' own rate limit: its window and the calls in it */
  recordingCalls: RecordingCalls;
  /** livestream ID -> an independent livestream (`POST /livestreams`); a meeting's are on the meeting */
  appLivestreams: Map<string, StoredAppLivestream>;
  /** `account/app/preset name` -> the preset ID a deleted participant's answer reports */
  presetIds: Map<string, string>;
  /** preset ID -> a preset created through the API, in the order they were created */
  presets: Map<string, StoredPreset>;
  /** webhook ID -> a webhook registered through the API, in the order they were registered */
  webhooks: Map<string, StoredWebhook>;
  /** app ID -> an app created through the API (the account's own, outside any app) */
  apps: Map<string, StoredApp>;
  /** session ID -> a session, live or ended, in the order they started */
  sessions: Map<string, StoredSession>;
}

export const emptyState = (): FakeState => ({
  meetings: new Map(),
  recordings: new Map(),
  recordingCalls: { start: 0, used: 0 },
  appLivestreams: new Map(),
  presetIds: new Map(),
  presets: new Map(),
  webhooks: new Map(),
  apps: new Map(),
  sessions: new Map(),
});
