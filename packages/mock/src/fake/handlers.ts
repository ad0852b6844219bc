import type { MeetingDetails, OperationId, Participant } from '@realtimekit-meetings/core';
import { validators } from '../generated/validators.gen';
import type { Random } from './random';
import {
  type FakeLimits,
  type FakeState,
  LIVESTREAM_HISTORY,
  type StoredMeeting,
  type StoredParticipant,
  type StoredSession,
} from './state';

type Json = Record<string, unknown>;

/** A request that passed validation: its scope, path IDs, query (read as the spec types it) and body. */
export interface Call {
  accountId: string;
  appId: string;
  params: Record<string, string>;
  query: Json;
  body: Json;
}

/**
 * What a handler answers: a success (`data`, and `paging` for lists) or an error in RealtimeKit's envelope. A write
 * does not change the state itself: it returns `commit`, which the fake runs only once the answer conforms to the
 * spec, so a request the fake cannot answer correctly changes nothing.
 */
export type Answer =
  | { status: number; data: unknown; paging?: Json; commit?: () => void }
  | { status: number; error: string };

export interface Context {
  state: FakeState;
  random: Random;
  now: () => string;
  limits: Required<FakeLimits>;
}

export const fail = (status: number, error: string): Answer => ({ status, error });

/** Leaves out the keys whose value is null or undefined: the API's answers omit what a request set to null. */
const present = (value: Json): Json =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined));

/**
 * What of a body a client may write: the properties the operation's request schema declares, less those the spec
 * marks readOnly. Everything else (`id`, `created_at`, `updated_at`, a participant's `token`) is the server's, and a
 * client that sends it changes nothing.
 */
export function writable(operationId: OperationId, body: Json): Json {
  const names = new Set(validators[operationId].body?.writable ?? []);
  return Object.fromEntries(Object.entries(body).filter(([name]) => names.has(name)));
}

/** The spec's defaults for a creation or a replacement, with what the body sets (null meaning "the default"). */
const withDefaults = (operationId: OperationId, body: Json): Json => ({
  ...validators[operationId].defaults,
  ...present(writable(operationId, body)),
});

/** A token hands a user the way into a meeting, which an INACTIVE meeting refuses (the spec's `status`). */
function joinable(stored: StoredMeeting): Answer | undefined {
  if (stored.meeting.status !== 'INACTIVE') return undefined;
  return fail(
    400,
    `Meeting ${stored.meeting.id} is INACTIVE: users cannot join an inactive meeting, so it takes no participants and hands out no tokens; set its status to ACTIVE first`,
  );
}

function page<T>(items: T[], query: Json, extra: (paging: Json) => Json = (p) => p): { data: T[]; paging: Json } {
  const perPage = Math.max(1, Math.floor(Number(query.per_page ?? 20)) || 20);
  const pageNo = Math.max(1, Math.floor(Number(query.page_no ?? 1)) || 1);
  const start = (pageNo - 1) * perPage;
  const data = items.slice(start, start + perPage);
  return {
    data,
    paging: extra({
      total_count: items.length,
      start_offset: data.length > 0 ? start + 1 : start,
      end_offset: start + data.length,
    }),
  };
}

function findMeeting(ctx: Context, call: Call): StoredMeeting | Answer {
  const id = call.params.meeting_id as string;
  const stored = ctx.state.meetings.get(id);
  if (!stored || stored.scope !== `${call.accountId}/${call.appId}`) {
    return fail(404, `No meeting found with id ${id} in app ${call.appId}`);
  }
  return stored;
}

function findParticipant(ctx: Context, call: Call): [StoredMeeting, StoredParticipant] | Answer {
  const stored = findMeeting(ctx, call);
  if ('status' in stored) return stored;
  const id = call.params.participant_id as string;
  const participant = stored.participants.get(id);
  return participant
    ? [stored, participant]
    : fail(404, `No participant found with id ${id} in meeting ${stored.meeting.id}`);
}

function findSession(ctx: Context, call: Call): [StoredMeeting, StoredSession] | Answer {
  const stored = findMeeting(ctx, call);
  if ('status' in stored) return stored;
  return stored.session
    ? [stored, stored.session]
    : fail(404, `No active session found for meeting_id ${stored.meeting.id}: start one with fake.startSession()`);
}

const withoutToken = ({ token: _token, ...participant }: StoredParticipant): Participant => participant;

/** A session participant, as kick and mute report them. */
const inSession = (p: StoredParticipant) =>
  present({ id: p.id, name: p.name, picture: p.picture, created_at: p.created_at, updated_at: p.updated_at });

/** A meeting as a list shows it: the list's item schema has no ai_config. */
const listed = ({ ai_config: _ai, ...meeting }: MeetingDetails) => meeting;

function matches(meeting: MeetingDetails, query: Json) {
  const { search, status, start_time, end_time } = query as Record<string, string | undefined>;
  if (status && meeting.status !== status) return false;
  if (start_time && Date.parse(meeting.created_at) < Date.parse(start_time)) return false;
  if (end_time && Date.parse(meeting.created_at) > Date.parse(end_time)) return false;
  if (search) {
    const needle = search.toLowerCase();
    return meeting.id === search || (meeting.title ?? '').toLowerCase().includes(needle);
  }
  return true;
}

function selected(session: StoredSession, body: Json) {
  const ids = new Set((body.participant_ids as string[] | undefined) ?? []);
  const custom = new Set((body.custom_participant_ids as string[] | undefined) ?? []);
  return [...session.participants.values()].filter((p) => ids.has(p.id) || custom.has(p.custom_participant_id));
}

/** One handler per operation of the spec: what RealtimeKit does with a valid request. */
export const handlers: Record<OperationId, (ctx: Context, call: Call) => Answer> = {
  get_all_meetings(ctx, call) {
    const scope = `${call.accountId}/${call.appId}`;
    const found = [...ctx.state.meetings.values()]
      .filter((m) => m.scope === scope && matches(m.meeting, call.query))
      .reverse() // newest first
      .map((m) => listed(m.meeting));
    return { status: 200, ...page(found, call.query) };
  },

  create_meeting(ctx, call) {
    if (ctx.state.meetings.size >= ctx.limits.meetings) {
      return fail(
        400,
        `The fake holds at most ${ctx.limits.meetings} meetings (limits.meetings): call fake.reset() between tests, or raise the limit`,
      );
    }
    const now = ctx.now();
    const meeting = {
      ...withDefaults('create_meeting', call.body),
      id: ctx.random.uuid(),
      status: 'ACTIVE',
      created_at: now,
      updated_at: now,
    } as MeetingDetails;
    const commit = () =>
      ctx.state.meetings.set(meeting.id, {
        scope: `${call.accountId}/${call.appId}`,
        accountId: call.accountId,
        meeting,
        participants: new Map(),
        livestreams: [],
      });
    return { status: 201, data: meeting, commit };
  },

  get_meeting(ctx, call) {
    const stored = findMeeting(ctx, call);
    return 'status' in stored ? stored : { status: 200, data: stored.meeting };
  },

  update_meeting(ctx, call) {
    const stored = findMeeting(ctx, call);
    if ('status' in stored) return stored;
    const updated = {
      ...stored.meeting,
      ...present(writable('update_meeting', call.body)),
      updated_at: ctx.now(),
    } as MeetingDetails;
    return { status: 200, data: updated, commit: () => (stored.meeting = updated) };
  },

  replace_meeting(ctx, call) {
    const stored = findMeeting(ctx, call);
    if ('status' in stored) return stored;
    const { id, created_at, status } = stored.meeting;
    const replaced = { ...withDefaults('replace_meeting', call.body), id, created_at, updated_at: ctx.now() } as Json;
    if (status) replaced.status = status;
    return { status: 200, data: replaced, commit: () => (stored.meeting = replaced as unknown as MeetingDetails) };
  },

  get_meeting_participants(ctx, call) {
    const stored = findMeeting(ctx, call);
    if ('status' in stored) return stored;
    return { status: 200, ...page([...stored.participants.values()].map(withoutToken), call.query) };
  },

  add_participant(ctx, call) {
    const stored = findMeeting(ctx, call);
    if ('status' in stored) return stored;
    const inactive = joinable(stored);
    if (inactive) return inactive;
    if (stored.participants.size >= ctx.limits.participantsPerMeeting) {
      return fail(
        400,
        `The fake holds at most ${ctx.limits.participantsPerMeeting} participants in one meeting (limits.participantsPerMeeting): call fake.reset() between tests, or raise the limit`,
      );
    }
    const now = ctx.now();
    const participant = {
      ...withDefaults('add_participant', call.body),
      id: ctx.random.uuid(),
      created_at: now,
      updated_at: now,
      token: ctx.random.token(),
    } as StoredParticipant;
    return { status: 201, data: participant, commit: () => stored.participants.set(participant.id, participant) };
  },

  get_meeting_participant(ctx, call) {
    const found = findParticipant(ctx, call);
    return 'status' in found ? found : { status: 200, data: withoutToken(found[1]) };
  },

  edit_participant(ctx, call) {
    const found = findParticipant(ctx, call);
    if ('status' in found) return found;
    const [stored, participant] = found;
    const edited = { ...participant, updated_at: ctx.now() } as Json;
    for (const [key, value] of Object.entries(writable('edit_participant', call.body))) {
      if (value !== null) edited[key] = value;
      else if (key !== 'preset_name') delete edited[key]; // a participant always has a preset
    }
    const commit = () => stored.participants.set(participant.id, edited as unknown as StoredParticipant);
    return { status: 200, data: edited, commit };
  },

  replace_participant(ctx, call) {
    const found = findParticipant(ctx, call);
    if ('status' in found) return found;
    const [stored, { id, created_at, token }] = found;
    const replaced = {
      ...present(writable('replace_participant', call.body)),
      id,
      created_at,
      updated_at: ctx.now(),
      token,
    } as StoredParticipant;
    return { status: 200, data: replaced, commit: () => stored.participants.set(id, replaced) };
  },

  delete_meeting_participant(ctx, call) {
    const found = findParticipant(ctx, call);
    if ('status' in found) return found;
    const [stored, participant] = found;
    const presetId = ctx.state.presetIds.get(participant.preset_name) ?? ctx.random.uuid();
    const { created_at, custom_participant_id } = participant;
    return {
      status: 200,
      data: { created_at, custom_participant_id, preset_id: presetId, updated_at: ctx.now() },
      commit: () => {
        stored.participants.delete(participant.id);
        stored.session?.participants.delete(participant.id);
        ctx.state.presetIds.set(participant.preset_name, presetId);
      },
    };
  },

  regenerate_token(ctx, call) {
    const found = findParticipant(ctx, call);
    if ('status' in found) return found;
    const [stored, participant] = found;
    const inactive = joinable(stored);
    if (inactive) return inactive;
    const refreshed = { ...participant, token: ctx.random.token(), updated_at: ctx.now() };
    return {
      status: 200,
      data: { token: refreshed.token },
      commit: () => stored.participants.set(participant.id, refreshed),
    };
  },

  GetActiveSession(ctx, call) {
    const found = findSession(ctx, call);
    if ('status' in found) return found;
    const [stored, session] = found;
    return {
      status: 200,
      data: {
        id: session.id,
        associated_id: stored.meeting.id,
        type: 'meeting',
        status: 'LIVE',
        meeting_display_name: stored.meeting.title ?? '',
        organization_id: stored.accountId,
        live_participants: session.participants.size,
        max_concurrent_participants: session.maxConcurrent,
        minutes_consumed: 0,
        created_at: session.started_at,
        started_at: session.started_at,
        updated_at: session.updated_at,
      },
    };
  },

  KickPartcipants(ctx, call) {
    const found = findSession(ctx, call);
    if ('status' in found) return found;
    const [, session] = found;
    const kicked = selected(session, call.body);
    const now = ctx.now();
    const commit = () => {
      for (const p of kicked) session.participants.delete(p.id);
      session.updated_at = now;
    };
    return { status: 200, data: { action: 'kick', participants: kicked.map(inSession) }, commit };
  },

  KickAllParticipants(ctx, call) {
    const found = findSession(ctx, call);
    if ('status' in found) return found;
    const [, session] = found;
    const count = session.participants.size;
    const now = ctx.now();
    const commit = () => {
      session.participants.clear(); // the session stays, empty, as a room does when everyone has left
      session.updated_at = now;
    };
    return { status: 200, data: { action: 'kick_all', kicked_participants_count: count }, commit };
  },

  MuteParticipants(ctx, call) {
    const found = findSession(ctx, call);
    if ('status' in found) return found;
    return { status: 200, data: { action: 'mute', participants: selected(found[1], call.body).map(inSession) } };
  },

  MuteAllParticipants(ctx, call) {
    const found = findSession(ctx, call);
    if ('status' in found) return found;
    return { status: 200, data: { action: 'mute_all', muted_participants_count: found[1].participants.size } };
  },

  CreatePoll(ctx, call) {
    const found = findSession(ctx, call);
    if ('status' in found) return found;
    const {
      question,
      options,
      anonymous = false,
      hide_votes = false,
    } = call.body as {
      question: string;
      options: string[];
      anonymous?: boolean;
      hide_votes?: boolean;
    };
    const poll = {
      id: ctx.random.uuid(),
      question,
      options: options.map((text) => ({ text, count: 0, votes: [] })),
      anonymous,
      hide_votes,
      voted: [],
    };
    return { status: 201, data: { action: 'create_poll', poll } };
  },

  'start-livestreaming'(ctx, call) {
    const stored = findMeeting(ctx, call);
    if ('status' in stored) return stored;
    if (stored.livestreams.some((l) => l.status === 'LIVE')) {
      return fail(400, `Meeting ${stored.meeting.id} is already livestreaming: stop it first`);
    }
    const id = ctx.random.uuid().replaceAll('-', '');
    const now = ctx.now();
    const livestream = {
      id,
      ...present({ name: call.body.name }),
      meeting_id: stored.meeting.id,
      ingest_server: 'rtmps://live.cloudflare.com:443/live/',
      playback_url: `https://customer-fake.cloudflarestream.com/${id}/manifest/video.m3u8`,
      stream_key: ctx.random.token(),
      status: 'LIVE' as const,
      disabled: false,
      created_at: now,
      updated_at: now,
      started_time: now,
    };
    const commit = () => {
      stored.livestreams.push(livestream);
      if (stored.livestreams.length > LIVESTREAM_HISTORY) stored.livestreams.shift();
    };
    const { ingest_server, playback_url, stream_key, status } = livestream;
    return { status: 201, data: { id, ingest_server, playback_url, status, stream_key }, commit };
  },

  'get-v2-meetings-meetingId-active-livestream'(ctx, call) {
    const stored = findMeeting(ctx, call);
    if ('status' in stored) return stored;
    const live = stored.livestreams.find((l) => l.status === 'LIVE');
    if (!live) return fail(404, `No active livestream for meeting_id ${stored.meeting.id}`);
    const { started_time: _started, stopped_time: _stopped, ...data } = live;
    return { status: 200, data };
  },

  stop_livestreaming(ctx, call) {
    const stored = findMeeting(ctx, call);
    if ('status' in stored) return stored;
    const live = stored.livestreams.find((l) => l.status === 'LIVE');
    if (!live) return fail(404, `No active livestream for meeting_id ${stored.meeting.id}`);
    const now = ctx.now();
    const commit = () => {
      live.status = 'IDLE';
      live.stopped_time = live.updated_at = now;
    };
    return { status: 200, data: { message: 'Stopped live stream successfully' }, commit };
  },

  'livestream-session-details'(ctx, call) {
    const stored = findMeeting(ctx, call);
    if ('status' in stored) return stored;
    const all = [...stored.livestreams].reverse().map(({ started_time: _s, stopped_time: _t, ...l }) => l);
    const { data, paging } = page(all, call.query);
    const last = stored.livestreams.at(-1);
    const sessions = last
      ? present({
          id: `${last.id}-session`,
          livestream_id: last.id,
          created_at: last.created_at,
          updated_at: last.updated_at,
          invoked_time: last.started_time,
          started_time: last.started_time,
          stopped_time: last.stopped_time,
        })
      : undefined;
    return { status: 200, data: present({ livestreams: data, sessions, paging }) };
  },
};
