import { type Context, findSession, type Handler, type Json, present } from './context';
import { refuse } from './refusal';
import {
  type EndReason,
  meetingStarted,
  participantJoined,
  participantLeft,
  scopeOfMeeting,
  sessionEnded,
} from './session-events';
import { minutesConsumed } from './sessions';
import {
  SESSION_HISTORY,
  type SessionPeer,
  type StoredMeeting,
  type StoredParticipant,
  type StoredSession,
} from './state';

/** A session participant, as kick and mute report them. */
const inSession = (p: StoredParticipant) =>
  present({ id: p.id, name: p.name, picture: p.picture, created_at: p.created_at, updated_at: p.updated_at });

function selected(session: StoredSession, body: Json) {
  const ids = new Set((body.participant_ids as string[] | undefined) ?? []);
  const custom = new Set((body.custom_participant_ids as string[] | undefined) ?? []);
  return [...session.participants.values()].filter((p) => ids.has(p.id) || custom.has(p.custom_participant_id));
}

/** The peer through which a participant is in the session now. */
export const livePeer = (session: StoredSession, participantId: string) =>
  [...session.peers].reverse().find((p) => p.participantId === participantId && p.leftAt === undefined);

/**
 * Runs a change with its events held back, then announces them in order: none is announced before the whole change
 * is made, so a listener (or the webhook sender) never sees a half-made one, and a listener that throws leaves the
 * change whole.
 */
function announcing<T>(ctx: Context, change: (held: Context) => T): T {
  const held: Parameters<Context['emit']>[] = [];
  const result = change({ ...ctx, emit: (scope, event) => held.push([scope, event]) });
  for (const [scope, event] of held) ctx.emit(scope, event);
  return result;
}

/** A meeting by ID, for the lifecycle's entry points (the fake's methods and control routes). */
function meetingFor(ctx: Context, meetingId: string, what: string): StoredMeeting {
  const stored = ctx.state.meetings.get(meetingId);
  if (!stored) refuse(404, `${what}: no meeting ${meetingId} (create it through the API first)`);
  return stored;
}

/** The spec: "Users will not be able to join an INACTIVE meeting". */
function joinable(stored: StoredMeeting, what: string) {
  if (stored.meeting.status === 'INACTIVE') {
    refuse(400, `${what}: meeting ${stored.meeting.id} is INACTIVE, and nobody can join it: set its status to ACTIVE`);
  }
}

/** A new live session of the meeting, kept as history once it ends; announced with `meeting.started`. */
function openSession(ctx: Context, stored: StoredMeeting): StoredSession {
  const now = ctx.now();
  const session: StoredSession = {
    id: ctx.random.uuid(),
    started_at: now,
    updated_at: now,
    participants: new Map(),
    maxConcurrent: 0,
    meetingId: stored.meeting.id,
    scope: stored.scope,
    peers: [],
  };
  const sessions = ctx.state.sessions;
  sessions.set(session.id, session);
  if (sessions.size > SESSION_HISTORY) {
    const oldest = [...sessions.values()].find((s) => s.ended_at !== undefined);
    if (oldest) sessions.delete(oldest.id);
  }
  stored.session = session;
  ctx.emit(scopeOfMeeting(stored), meetingStarted(stored, session));
  return session;
}

/** A participant joins, as a new peer; announced with `meeting.participantJoined`. */
function join(ctx: Context, stored: StoredMeeting, session: StoredSession, participant: StoredParticipant) {
  const now = ctx.now();
  const peer: SessionPeer = {
    id: ctx.random.uuid(),
    participantId: participant.id,
    customParticipantId: participant.custom_participant_id,
    displayName: participant.name ?? '',
    presetName: participant.preset_name,
    joinedAt: now,
  };
  session.peers.push(peer);
  session.participants.set(participant.id, participant);
  session.maxConcurrent = Math.max(session.maxConcurrent, session.participants.size);
  session.updated_at = now;
  ctx.emit(scopeOfMeeting(stored), participantJoined(stored, session, peer));
  return peer;
}

/** A participant in the session leaves (or is kicked): its peer's `leftAt`; announced with `meeting.participantLeft`. */
function leave(ctx: Context, stored: StoredMeeting, session: StoredSession, participantId: string) {
  const now = ctx.now();
  const peer = livePeer(session, participantId);
  session.participants.delete(participantId);
  session.updated_at = now;
  if (!peer) return undefined;
  peer.leftAt = now;
  ctx.emit(scopeOfMeeting(stored), participantLeft(stored, session, peer));
  return peer;
}

/** The session ends and becomes history: `meeting.ended` with its reason, then what the meeting exports. */
function close(ctx: Context, stored: StoredMeeting, session: StoredSession, reason: EndReason) {
  session.ended_at = session.updated_at = ctx.now();
  if (stored.session === session) stored.session = undefined;
  for (const event of sessionEnded(ctx, stored, session, reason)) ctx.emit(scopeOfMeeting(stored), event);
}

/**
 * Participants leave the live session (kicked, deleted, or gone): each is announced, and when the last one has gone
 * the session ends, `ALL_PARTICIPANTS_LEFT`. For a handler's `commit`.
 */
export function departed(ctx: Context, stored: StoredMeeting, participantIds: string[]) {
  const session = stored.session;
  if (!session) return;
  announcing(ctx, (held) => {
    const left = participantIds.filter((id) => session.participants.has(id) && leave(held, stored, session, id));
    if (left.length > 0 && session.participants.size === 0) close(held, stored, session, 'ALL_PARTICIPANTS_LEFT');
  });
}

/**
 * Starts a session in a meeting with the given participants or all of them. One already running ends first, as if
 * its host had ended it. A real session starts when someone joins with the client SDK; the fake starts one on
 * request, from `fake.startSession()` or its control route. Throws a refusal for an unknown meeting or participant.
 */
export function startSession(ctx: Context, meetingId: string, participants?: string[]) {
  const stored = meetingFor(ctx, meetingId, 'startSession');
  joinable(stored, 'startSession');
  const joining = (participants ?? [...stored.participants.keys()]).map((id) => {
    const participant = stored.participants.get(id);
    if (!participant) refuse(404, `startSession: meeting ${meetingId} has no participant ${id}`);
    return participant;
  });
  const session = announcing(ctx, (held) => {
    if (stored.session) endLive(held, stored);
    const session = openSession(held, stored);
    for (const participant of new Set(joining)) join(held, stored, session, participant);
    return session;
  });
  return { id: session.id, meeting_id: meetingId, participants: [...session.participants.keys()] };
}

/** The host ends the live session: everyone in it leaves, then `meeting.ended` with `HOST_ENDED_MEETING`. */
function endLive(ctx: Context, stored: StoredMeeting) {
  const session = stored.session as StoredSession;
  for (const id of [...session.participants.keys()]) leave(ctx, stored, session, id);
  close(ctx, stored, session, 'HOST_ENDED_MEETING');
  return session;
}

/** A participant of the meeting joins it, starting its session if none is live. */
export function joinParticipant(ctx: Context, meetingId: string, participantId: string) {
  const what = 'joinParticipant';
  const stored = meetingFor(ctx, meetingId, what);
  const participant = stored.participants.get(participantId);
  if (!participant) refuse(404, `${what}: meeting ${meetingId} has no participant ${participantId}`);
  joinable(stored, what);
  if (stored.session?.participants.has(participantId)) {
    refuse(409, `${what}: participant ${participantId} is already in the session of meeting ${meetingId}`);
  }
  const [session, peer] = announcing(ctx, (held) => {
    const session = stored.session ?? openSession(held, stored);
    return [session, join(held, stored, session, participant)] as const;
  });
  return { session_id: session.id, meeting_id: meetingId, participant_id: participantId, peer_id: peer.id };
}

/** A participant leaves the live session; the last one out ends it (`ALL_PARTICIPANTS_LEFT`). */
export function leaveParticipant(ctx: Context, meetingId: string, participantId: string) {
  const what = 'leaveParticipant';
  const stored = meetingFor(ctx, meetingId, what);
  const session = stored.session;
  if (!session) refuse(404, `${what}: meeting ${meetingId} has no live session`);
  if (!session.participants.has(participantId)) {
    refuse(404, `${what}: participant ${participantId} is not in the live session of meeting ${meetingId}`);
  }
  const peer = livePeer(session, participantId);
  departed(ctx, stored, [participantId]);
  return {
    session_id: session.id,
    meeting_id: meetingId,
    participant_id: participantId,
    ...(peer ? { peer_id: peer.id } : {}),
    session_ended: session.ended_at !== undefined,
  };
}

/** The host ends the meeting's live session. */
export function endSession(ctx: Context, meetingId: string) {
  const stored = meetingFor(ctx, meetingId, 'endSession');
  if (!stored.session) refuse(404, `endSession: meeting ${meetingId} has no live session`);
  const session = announcing(ctx, (held) => endLive(held, stored));
  return { session_id: session.id, meeting_id: meetingId, ended_at: session.ended_at };
}

/** The active session: get, kick, kick all (which ends it), mute, mute all, polls. */
export const activeSession = {
  GetActiveSession(ctx, call) {
    const [stored, session] = findSession(ctx, call);
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
        minutes_consumed: minutesConsumed(ctx, session),
        created_at: session.started_at,
        started_at: session.started_at,
        updated_at: session.updated_at,
      },
    };
  },

  KickPartcipants(ctx, call) {
    const [stored, session] = findSession(ctx, call);
    const kicked = selected(session, call.body);
    const commit = () =>
      departed(
        ctx,
        stored,
        kicked.map((p) => p.id),
      ); // a kick is a leave
    return { status: 200, data: { action: 'kick', participants: kicked.map(inSession) }, commit };
  },

  KickAllParticipants(ctx, call) {
    const [stored, session] = findSession(ctx, call);
    const count = session.participants.size;
    // everyone leaves, so the session ends: ALL_PARTICIPANTS_LEFT
    const commit = () => departed(ctx, stored, [...session.participants.keys()]);
    return { status: 200, data: { action: 'kick_all', kicked_participants_count: count }, commit };
  },

  MuteParticipants(ctx, call) {
    const [, session] = findSession(ctx, call);
    return { status: 200, data: { action: 'mute', participants: selected(session, call.body).map(inSession) } };
  },

  MuteAllParticipants(ctx, call) {
    const [, session] = findSession(ctx, call);
    return { status: 200, data: { action: 'mute_all', muted_participants_count: session.participants.size } };
  },

  CreatePoll(ctx, call) {
    findSession(ctx, call);
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
} satisfies Record<string, Handler>;
