import type { MeetingDetails } from '@realtimekit-meetings/core';
import { type Call, type Context, findMeeting, type Handler, type Json, page, scopeOf } from './context';
import { recordingStatusEvent } from './recording-event';
import { Refusal, refuse } from './refusal';
import type { StoredMeeting } from './state';

/** The spec's recording statuses (`Recording.status`). */
export type RecordingStatus = 'INVOKED' | 'RECORDING' | 'PAUSED' | 'UPLOADING' | 'UPLOADED' | 'ERRORED';

/** A recording as the API answers it (the spec's `Recording`). */
export interface RecordingData {
  id: string;
  session_id: string | null;
  status: RecordingStatus;
  invoked_time: string;
  started_time: string | null;
  stopped_time: string | null;
  recording_duration: number;
  output_file_name: string;
  file_size: number | null;
  download_url: string | null;
  download_url_expiry: string | null;
  audio_download_url: string | null;
  start_reason: Json;
  stop_reason?: Json;
  storage_config: Json | null;
}

/** A recording as the fake keeps it: its answer, the meeting and app it belongs to, and its paused time. */
export interface StoredRecording {
  scope: string;
  meetingId: string;
  /** `composite` from `POST /recordings`, `track` from `POST /recordings/track` (audio tracks, WebM) */
  kind: 'composite' | 'track';
  /** whether an audio file is exported too (an `audio_config` was given) */
  audio: boolean;
  recording: RecordingData;
  /** ms on the fake's clock when it was paused, while it is */
  pausedAt?: number;
  /** ms spent paused, not counted in its duration */
  pausedMs: number;
}

/** The recording APIs' rate-limit window: when it started (ms on the fake's clock) and the calls in it. */
export interface RecordingCalls {
  start: number;
  used: number;
}

/** Cloudflare's limit on the recording APIs (developers.cloudflare.com/realtime/realtimekit/limits/). */
export const RECORDING_RATE_LIMIT = { requests: 1000, windowSeconds: 50 };
/** Recordings the fake keeps across every app: past this, the oldest finished one is forgotten. */
export const RECORDING_HISTORY = 1000;

/** Statuses in which a recording still runs: a meeting has at most one such (without `allow_multiple_recordings`). */
const ACTIVE: ReadonlySet<RecordingStatus> = new Set(['INVOKED', 'RECORDING', 'PAUSED']);
/** What a composite recording weighs: "approximately 300MB" an hour (docs.dyte.io/guides/recording/start-recording). */
const BYTES_PER_SECOND = Math.round(300_000_000 / 3600);
/** How long a download URL lives: recordings are kept 7 days (developers.cloudflare.com/realtime/realtimekit/data-retention/). */
const RETENTION_MS = 7 * 24 * 3600 * 1000;
const BY_API = { reason: 'API_CALL', caller: { type: 'ORGANIZATION' } };
/** Where the fake says a file is: a host that resolves nowhere, so nothing pretends to download it. */
const FILES = 'https://recordings.realtimekit-fake.invalid';

/** Counts a call to the recording APIs against their own limit: past it, 429 with `Retry-After`. */
function countCall(ctx: Context) {
  const limit = ctx.recordingRateLimit;
  if (!limit) return;
  const now = Date.parse(ctx.now());
  const calls = ctx.state.recordingCalls;
  if (now - calls.start >= limit.windowSeconds * 1000) Object.assign(calls, { start: now, used: 0 });
  calls.used++;
  if (calls.used <= limit.requests) return;
  const wait = Math.max(1, Math.ceil((calls.start + limit.windowSeconds * 1000 - now) / 1000));
  throw new Refusal(
    429,
    `More than ${limit.requests} calls to the recording APIs in ${limit.windowSeconds} seconds: wait ${wait} s (Retry-After) before the next one`,
    undefined,
    { 'retry-after': String(wait) },
  );
}

/** The meeting a recording is started in, by the body's `meeting_id`, in the caller's app. */
function meetingFor(ctx: Context, call: Call): StoredMeeting {
  const id = call.body.meeting_id as string;
  const stored = ctx.state.meetings.get(id);
  if (!stored || stored.scope !== scopeOf(call)) refuse(404, `No meeting found with id ${id} in app ${call.appId}`);
  if (stored.meeting.status === 'INACTIVE') {
    refuse(
      400,
      `Meeting ${id} is INACTIVE: no one can join it, so it cannot be recorded; set its status to ACTIVE first`,
    );
  }
  return stored;
}

function findRecording(ctx: Context, call: Call): StoredRecording {
  const id = call.params.recording_id as string;
  const stored = ctx.state.recordings.get(id);
  if (!stored || stored.scope !== scopeOf(call)) refuse(404, `No recording found with id ${id} in app ${call.appId}`);
  return stored;
}

const running = (ctx: Context, meetingId: string) =>
  [...ctx.state.recordings.values()].filter((r) => r.meetingId === meetingId && ACTIVE.has(r.recording.status));

/** A storage config as answers show it: the secrets it was given are the API's to keep, never to echo. */
function storageShown(config: unknown): Json | null {
  if (!config || typeof config !== 'object') return null;
  const { access_key: _a, secret: _s, password: _p, private_key: _k, ...shown } = config as Json;
  return shown;
}

/** The recording after a move to `status` at `now`: the fields that status sets. Changes nothing. */
export function moved(stored: StoredRecording, status: RecordingStatus, now: string): StoredRecording {
  const at = Date.parse(now);
  const r: RecordingData = { ...stored.recording, status };
  let { pausedAt, pausedMs } = stored;
  const unpause = () => {
    if (pausedAt !== undefined) pausedMs += at - pausedAt;
    pausedAt = undefined;
  };
  if (status === 'RECORDING') {
    r.started_time ??= now;
    unpause();
  } else if (status === 'PAUSED') {
    pausedAt = at;
  } else if (status === 'UPLOADING') {
    unpause();
    r.stopped_time = now;
    r.stop_reason = BY_API;
    const started = Date.parse(r.started_time ?? r.invoked_time);
    r.recording_duration = Math.max(0, Math.floor((at - started - pausedMs) / 1000));
  } else if (status === 'UPLOADED') {
    r.file_size = r.recording_duration * BYTES_PER_SECOND;
    r.download_url = `${FILES}/${r.id}/${r.output_file_name}`;
    r.download_url_expiry = new Date(at + RETENTION_MS).toISOString();
    if (stored.audio) r.audio_download_url = `${FILES}/${r.id}/${r.output_file_name.replace(/\.\w+$/, '')}.m4a`;
  }
  return { ...stored, recording: r, pausedAt, pausedMs };
}

/**
 * Records each move (in order) and announces it: `recording.statusUpdate` to the app's webhooks, as RealtimeKit sends
 * one "when the recording transitions between states"
 * (developers.cloudflare.com/realtime/realtimekit/recording-guide/monitor-status/).
 */
function commitMoves(ctx: Context, call: Call, moves: StoredRecording[]) {
  const meeting = ctx.state.meetings.get(moves[0]?.meetingId as string) as StoredMeeting;
  for (const next of moves) {
    ctx.state.recordings.set(next.recording.id, next);
    ctx.emit({ accountId: call.accountId, appId: call.appId }, recordingStatusEvent(next, meeting, call.appId));
  }
}

/** Forgets the oldest finished recordings past {@link RECORDING_HISTORY}. */
function prune(ctx: Context) {
  for (const [id, r] of ctx.state.recordings) {
    if (ctx.state.recordings.size <= RECORDING_HISTORY) return;
    if (!ACTIVE.has(r.recording.status)) ctx.state.recordings.delete(id);
  }
}

/**
 * Starts a recording: answered INVOKED ("request received", as the API answers before a worker joins), then RECORDING
 * at once, when the change is committed. One running recording of a kind per meeting, unless
 * `allow_multiple_recordings` (composite only).
 */
function start(ctx: Context, call: Call, kind: StoredRecording['kind']) {
  const meeting = meetingFor(ctx, call);
  const busy = running(ctx, meeting.meeting.id).find((r) => r.kind === kind);
  if (busy && !(kind === 'composite' && call.body.allow_multiple_recordings === true)) {
    refuse(
      400,
      `Meeting ${meeting.meeting.id} already has a running ${kind} recording (${busy.recording.id}, ${busy.recording.status}): stop it first${kind === 'composite' ? ', or pass allow_multiple_recordings: true' : ''}`,
    );
  }
  const id = ctx.random.uuid();
  const now = ctx.now();
  const prefix = typeof call.body.file_name_prefix === 'string' ? `${call.body.file_name_prefix}_` : '';
  const invoked: StoredRecording = {
    scope: scopeOf(call),
    meetingId: meeting.meeting.id,
    kind,
    audio: kind === 'composite' && call.body.audio_config !== undefined,
    pausedMs: 0,
    recording: {
      id,
      session_id: meeting.session?.id ?? null,
      status: 'INVOKED',
      invoked_time: now,
      started_time: null,
      stopped_time: null,
      recording_duration: 0,
      output_file_name: `${prefix}${id}.${kind === 'track' ? 'webm' : 'mp4'}`,
      file_size: null,
      download_url: null,
      download_url_expiry: null,
      audio_download_url: null,
      start_reason: BY_API,
      storage_config: storageShown(call.body.storage_config),
    },
  };
  const commit = () => {
    ctx.state.recordings.set(id, invoked);
    commitMoves(ctx, call, [moved(invoked, 'RECORDING', now)]);
    prune(ctx);
  };
  return { recording: invoked.recording, commit };
}

/** What each action needs the recording to be in, and where it takes it. */
const ACTIONS: Record<string, { from: RecordingStatus[]; to: RecordingStatus[] }> = {
  pause: { from: ['RECORDING'], to: ['PAUSED'] },
  resume: { from: ['PAUSED'], to: ['RECORDING'] },
  // the upload is the fake's to finish, and it does at once: answered UPLOADING, then UPLOADED
  stop: { from: ['INVOKED', 'RECORDING', 'PAUSED'], to: ['UPLOADING', 'UPLOADED'] },
};

/** The meeting a listed recording is of, as a list shows meetings (no ai_config). Meetings are never deleted. */
const listedMeeting = (stored: StoredMeeting) => {
  const { ai_config: _ai, ...meeting } = stored.meeting as MeetingDetails & { ai_config?: unknown };
  return meeting;
};

function matches(ctx: Context, r: StoredRecording, query: Json) {
  const { meeting_id, search, start_time, end_time, status, expired } = query;
  const rec = r.recording;
  if (meeting_id !== undefined && r.meetingId !== meeting_id) return false;
  if (typeof start_time === 'string' && Date.parse(rec.invoked_time) < Date.parse(start_time)) return false;
  if (typeof end_time === 'string' && Date.parse(rec.invoked_time) > Date.parse(end_time)) return false;
  const statuses = Array.isArray(status) ? status : typeof status === 'string' ? status.split(',') : undefined;
  if (statuses && !statuses.includes(rec.status)) return false;
  if (typeof expired === 'boolean') {
    const isExpired = rec.download_url_expiry !== null && Date.parse(rec.download_url_expiry) < Date.parse(ctx.now());
    if (isExpired !== expired) return false;
  }
  if (typeof search === 'string' && search !== '') {
    const needle = search.toLowerCase();
    const title = ctx.state.meetings.get(r.meetingId)?.meeting.title ?? '';
    return [rec.id, rec.output_file_name, title].some((text) => text.toLowerCase().includes(needle));
  }
  return true;
}

/** Each handler counted against the recording APIs' limit before it runs. */
const counted = <T extends Record<string, Handler>>(handlers: T): T =>
  Object.fromEntries(
    Object.entries(handlers).map(([id, handler]) => [
      id,
      ((ctx, call) => {
        countCall(ctx);
        return handler(ctx, call);
      }) satisfies Handler,
    ]),
  ) as T;

/** Recordings: start (composite or audio tracks), pause, resume, stop, the running one, one, and the app's list. */
export const recordings = counted({
  get_all_recordings(ctx, call) {
    const found = [...ctx.state.recordings.values()].filter((r) => r.scope === scopeOf(call));
    const listed = found
      .filter((r) => matches(ctx, r, call.query))
      .sort((a, b) => Date.parse(a.recording.invoked_time) - Date.parse(b.recording.invoked_time));
    if (call.query.sort_order !== 'ASC') listed.reverse(); // newest first
    const items = listed.map((r) => ({
      ...r.recording,
      meeting: listedMeeting(ctx.state.meetings.get(r.meetingId) as StoredMeeting),
    }));
    return { status: 200, ...page(items, call.query) };
  },

  start_recording(ctx, call) {
    const { recording, commit } = start(ctx, call, 'composite');
    return { status: 200, data: recording, commit };
  },

  startTrackRecordingForAMeeting(ctx, call) {
    const { recording, commit } = start(ctx, call, 'track');
    return { status: 200, data: { recording }, commit };
  },

  get_one_recording(ctx, call) {
    return { status: 200, data: findRecording(ctx, call).recording };
  },

  get_active_recording(ctx, call) {
    const meeting = findMeeting(ctx, call);
    const live = running(ctx, meeting.meeting.id).at(-1);
    if (!live) refuse(404, `No active recording found for meeting_id ${meeting.meeting.id}`);
    return { status: 200, data: live.recording };
  },

  pause_resume_stop_recording(ctx, call) {
    const stored = findRecording(ctx, call);
    const action = call.body.action as keyof typeof ACTIONS;
    const { from, to } = ACTIONS[action] as (typeof ACTIONS)[string];
    const status = stored.recording.status;
    if (!from.includes(status)) {
      refuse(
        400,
        `Recording ${stored.recording.id} is ${status}: only a recording that is ${from.join(' or ')} can ${action}`,
      );
    }
    const now = ctx.now();
    const moves: StoredRecording[] = [];
    let at = stored;
    for (const next of to) {
      at = moved(at, next, now);
      moves.push(at);
    }
    return { status: 200, data: (moves[0] as StoredRecording).recording, commit: () => commitMoves(ctx, call, moves) };
  },
} satisfies Record<string, Handler>);
