import { type Context, findSession, type Handler, type Json, present } from './context';
import { refuse } from './refusal';
import type { StoredParticipant, StoredSession } from './state';

/** A session participant, as kick and mute report them. */
const inSession = (p: StoredParticipant) =>
  present({ id: p.id, name: p.name, picture: p.picture, created_at: p.created_at, updated_at: p.updated_at });

function selected(session: StoredSession, body: Json) {
  const ids = new Set((body.participant_ids as string[] | undefined) ?? []);
  const custom = new Set((body.custom_participant_ids as string[] | undefined) ?? []);
  return [...session.participants.values()].filter((p) => ids.has(p.id) || custom.has(p.custom_participant_id));
}

/**
 * Starts an active session in a meeting (replacing one running), with the given participants or all of them. A
 * real session starts when someone joins with the client SDK; the fake starts one on request, from
 * `fake.startSession()` or its control route. Throws a 404 refusal for an unknown meeting or participant.
 */
export function startSession(ctx: Context, meetingId: string, participants?: string[]) {
  const stored = ctx.state.meetings.get(meetingId);
  if (!stored) refuse(404, `startSession: no meeting ${meetingId} (create it through the API first)`);
  const joined = new Map<string, StoredParticipant>();
  for (const id of participants ?? [...stored.participants.keys()]) {
    const participant = stored.participants.get(id);
    if (!participant) refuse(404, `startSession: meeting ${meetingId} has no participant ${id}`);
    joined.set(id, participant);
  }
  const now = ctx.now();
  stored.session = {
    id: ctx.random.uuid(),
    started_at: now,
    updated_at: now,
    participants: joined,
    maxConcurrent: joined.size,
  };
  return { id: stored.session.id, meeting_id: meetingId, participants: [...joined.keys()] };
}

/** The active session: get, kick, kick all (the session stays, empty), mute, mute all, polls. */
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
        minutes_consumed: 0,
        created_at: session.started_at,
        started_at: session.started_at,
        updated_at: session.updated_at,
      },
    };
  },

  KickPartcipants(ctx, call) {
    const [, session] = findSession(ctx, call);
    const kicked = selected(session, call.body);
    const now = ctx.now();
    const commit = () => {
      for (const p of kicked) session.participants.delete(p.id);
      session.updated_at = now;
    };
    return { status: 200, data: { action: 'kick', participants: kicked.map(inSession) }, commit };
  },

  KickAllParticipants(ctx, call) {
    const [, session] = findSession(ctx, call);
    const count = session.participants.size;
    const now = ctx.now();
    const commit = () => {
      session.participants.clear(); // the session stays, empty, as a room does when everyone has left
      session.updated_at = now;
    };
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
