import { type Call, type Context, type Handler, type Json, page, present, scopeOf } from './context';
import { meetingSession } from './livestreams';
import { refuse } from './refusal';
import { download, scopeOfMeeting, summaryReady } from './session-events';
import type { SessionPeer, StoredLivestream, StoredSession } from './state';

/** Minutes between two ISO times, to the hundredth: how RealtimeKit counts a session's and a participant's time. */
export const minutesBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 600) / 100;

/** How long a livestream has been ingesting (until it stopped, or now), in whole seconds. */
export const ingestSeconds = (ctx: Context, livestream: Pick<StoredLivestream, 'started_time' | 'stopped_time'>) =>
  Math.floor((Date.parse(livestream.stopped_time ?? ctx.now()) - Date.parse(livestream.started_time)) / 1000);

/** A peer's time in the session so far, in minutes. */
const peerMinutes = (ctx: Context, peer: SessionPeer) => minutesBetween(peer.joinedAt, peer.leftAt ?? ctx.now());

/** Participant-minutes: each peer's time in the session, added up (a session of two for ten minutes is 20). */
export const minutesConsumed = (ctx: Context, session: StoredSession) =>
  Math.round(session.peers.reduce((sum, peer) => sum + peerMinutes(ctx, peer), 0) * 100) / 100;

/** A session as the sessions API shows it (`realtimekit_ActiveSession`). */
export function sessionView(ctx: Context, session: StoredSession): Json {
  const stored = ctx.state.meetings.get(session.meetingId);
  return present({
    id: session.id,
    associated_id: session.meetingId,
    meeting_display_name: stored?.meeting.title ?? '',
    type: 'meeting',
    status: session.ended_at ? 'ENDED' : 'LIVE',
    live_participants: session.participants.size,
    max_concurrent_participants: session.maxConcurrent,
    minutes_consumed: minutesConsumed(ctx, session),
    organization_id: stored?.accountId ?? '',
    created_at: session.started_at,
    started_at: session.started_at,
    updated_at: session.updated_at,
    ended_at: session.ended_at,
  });
}

/** A peer's connection events: `PEER_JOINING` when it joined, `PEER_LEAVING` when it left. */
const peerEvents = (session: StoredSession, peer: SessionPeer) =>
  [
    ['PEER_JOINING', peer.joinedAt],
    ['PEER_LEAVING', peer.leftAt],
  ]
    .filter(([, at]) => at !== undefined)
    .map(([name, at]) => ({
      id: `${peer.id}-${(name as string).toLowerCase()}`,
      created_at: at,
      event_name: name,
      participant_id: peer.participantId,
      peer_id: peer.id,
      session_id: session.id,
    }));

/** A session participant: one join, whose ID "maps to the corresponding peerId" (Cloudflare's API reference). */
function peerView(ctx: Context, session: StoredSession, peer: SessionPeer, withEvents: unknown): Json {
  return present({
    id: peer.id,
    user_id: peer.participantId,
    custom_participant_id: peer.customParticipantId,
    display_name: peer.displayName,
    preset_name: peer.presetName,
    joined_at: peer.joinedAt,
    left_at: peer.leftAt,
    duration: peerMinutes(ctx, peer),
    created_at: peer.joinedAt,
    updated_at: peer.leftAt ?? peer.joinedAt,
    peer_events: withEvents === true ? peerEvents(session, peer) : undefined,
  });
}

/** A session of the caller's app, live or ended, by its ID. */
function findSessionById(ctx: Context, call: Call): StoredSession {
  const id = call.params.session_id as string;
  const session = ctx.state.sessions.get(id);
  if (!session || session.scope !== scopeOf(call)) refuse(404, `No session found with id ${id} in app ${call.appId}`);
  return session;
}

/** `participants=min:max`: sessions with that many participants (people who joined), both ends included. */
function participantRange(value: unknown): [number, number] | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+):(\d+)$/.exec(String(value));
  if (!match) {
    refuse(400, `query/participants must be a range of participant counts, min:max (such as 1:10), not ${value}`);
  }
  return [Number(match[1]), Number(match[2])];
}

function timeOf(query: Json, name: string): number | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  const at = Date.parse(String(value));
  if (Number.isNaN(at)) refuse(400, `query/${name} must be an ISO date-time, not ${value}`);
  return at;
}

/** Sessions: the app's sessions, one in detail, its participants, chat, transcript, summary and livestreams. */
export const sessions = {
  GetSessions(ctx, call) {
    const q = call.query as Record<string, string | undefined>;
    const range = participantRange(q.participants);
    const [from, to] = [timeOf(call.query, 'start_time'), timeOf(call.query, 'end_time')];
    const needle = q.search?.toLowerCase();
    const found = [...ctx.state.sessions.values()].filter((s) => {
      if (s.scope !== scopeOf(call)) return false;
      if (q.associated_id && s.meetingId !== q.associated_id) return false;
      if (q.status && (s.ended_at ? 'ENDED' : 'LIVE') !== q.status) return false;
      const started = Date.parse(s.started_at);
      if ((from !== undefined && started < from) || (to !== undefined && started > to)) return false;
      const people = new Set(s.peers.map((p) => p.participantId)).size;
      if (range && (people < range[0] || people > range[1])) return false;
      if (needle) {
        const title = (ctx.state.meetings.get(s.meetingId)?.meeting.title ?? '').toLowerCase();
        return title.includes(needle) || s.meetingId === q.search || s.id === q.search;
      }
      return true;
    });
    const views = found.map((s) => sessionView(ctx, s));
    const key = q.sort_by === 'minutesConsumed' ? 'minutes_consumed' : 'created_at';
    const direction = q.sort_order === 'ASC' ? 1 : -1; // newest (or most used) first unless asked
    // stable: sessions started at the same instant keep the order they started in
    const sorted = views
      .map((view, i) => ({ view, i }))
      .sort((a, b) => {
        const [x, y] = [a.view[key] as string | number, b.view[key] as string | number];
        return (x < y ? -1 : x > y ? 1 : a.i - b.i) * direction;
      })
      .map(({ view }) => view);
    const { data, paging } = page(sorted, call.query);
    return { status: 200, data: { sessions: data }, paging };
  },

  GetSessionDetails(ctx, call) {
    const session = findSessionById(ctx, call);
    const view = sessionView(ctx, session);
    // the fake has no breakout rooms
    return { status: 200, data: call.query.include_breakout_rooms === true ? { ...view, breakout_rooms: [] } : view };
  },

  GetSessionChat(ctx, call) {
    const file = download(ctx, findSessionById(ctx, call), 'chat.csv');
    return { status: 200, data: { chat_download_url: file.url, chat_download_url_expiry: file.expiry } };
  },

  GetSessionParticipants(ctx, call) {
    const session = findSessionById(ctx, call);
    const q = call.query as Record<string, string | undefined>;
    const needle = q.search?.toLowerCase();
    const found = session.peers.filter(
      (p) =>
        !needle ||
        [p.id, p.participantId, p.customParticipantId.toLowerCase()].includes(needle) ||
        p.displayName.toLowerCase().includes(needle),
    );
    const views = found.map((p) => peerView(ctx, session, p, call.query.include_peer_events));
    if (q.sort_by === 'duration') views.sort((a, b) => (a.duration as number) - (b.duration as number));
    if (q.sort_order === 'DESC') views.reverse(); // joined first, unless asked otherwise
    const { data, paging } = page(views, call.query);
    return { status: 200, data: { participants: data }, paging };
  },

  GetParticipantDetails(ctx, call) {
    const session = findSessionById(ctx, call);
    const id = call.params.participant_id as string;
    // by its peer ID, as the API names it; or by the meeting participant's ID, its latest join (the fake's addition)
    const peer =
      session.peers.find((p) => p.id === id) ?? [...session.peers].reverse().find((p) => p.participantId === id);
    if (!peer) refuse(404, `No participant found with id ${id} in session ${session.id}`);
    return { status: 200, data: { participant: peerView(ctx, session, peer, call.query.include_peer_events) } };
  },

  GetParticipantDataFromPeerId(ctx, call) {
    const id = call.params.peer_id as string;
    for (const session of ctx.state.sessions.values()) {
      if (session.scope !== scopeOf(call)) continue;
      const peer = session.peers.find((p) => p.id === id);
      if (!peer) continue;
      const { preset_name: role, peer_events, ...view } = peerView(ctx, session, peer, true);
      const events = call.query.include_peer_events === true || call.query.filters === 'events';
      return {
        status: 200,
        data: { participant: { ...view, role, session_id: session.id, ...(events ? { peer_events } : {}) } },
      };
    }
    return refuse(404, `No peer found with id ${id} in app ${call.appId}`);
  },

  GetSessionSummary(ctx, call) {
    const session = findSessionById(ctx, call);
    const file = download(ctx, session, 'summary.txt');
    return {
      status: 200,
      data: { sessionId: session.id, summaryDownloadUrl: file.url, summaryDownloadUrlExpiry: file.expiry },
    };
  },

  'post-sessions-session_id-summary'(ctx, call) {
    const session = findSessionById(ctx, call);
    if (!session.ended_at) {
      refuse(400, `Session ${session.id} is still live: a summary is made of an ended session's transcript`);
    }
    const stored = ctx.state.meetings.get(session.meetingId);
    // the summary is ready at once in the fake: announced as the API announces one made on end
    const commit = () => stored && ctx.emit(scopeOfMeeting(stored), summaryReady(ctx, stored, session));
    return { status: 200, data: { session_id: session.id, status: 'COMPLETED' }, commit };
  },

  GetSessionTranscript(ctx, call) {
    const session = findSessionById(ctx, call);
    const format = String(call.query.format ?? 'CSV').toLowerCase();
    const file = download(ctx, session, `transcript.${format}`);
    return {
      status: 200,
      data: { sessionId: session.id, transcript_download_url: file.url, transcript_download_url_expiry: file.expiry },
    };
  },

  'get-v2-livestreamsession-session-meetingId-active-livestream'(ctx, call) {
    const session = findSessionById(ctx, call);
    const stored = ctx.state.meetings.get(session.meetingId);
    const [from, to] = [Date.parse(session.started_at), Date.parse(session.ended_at ?? ctx.now())];
    const during = (stored?.livestreams ?? []).filter((l) => {
      const started = Date.parse(l.started_time);
      return started >= from && started <= to;
    });
    // nobody watches the fake's streams
    const views = during.map((l) => ({
      ...meetingSession(l),
      ingest_seconds: ingestSeconds(ctx, l),
      viewer_seconds: 0,
    }));
    const { data, paging } = page(views, call.query);
    // as the spec's example shows it: the list and its paging inside `data`
    return { status: 200, data: { data, paging } };
  },
} satisfies Record<string, Handler>;
