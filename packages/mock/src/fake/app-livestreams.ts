import { type Call, type Context, type Handler, type Json, page, present, scopeOf } from './context';
import { livestreamStatusEvent } from './livestream-event';
import { meetingSession } from './livestreams';
import { refuse } from './refusal';
import type { StoredLivestream, StoredMeeting } from './state';

/** A session of a livestream: from its invocation (or the encoder's connection) to its stop. */
export interface LivestreamSession {
  id: string;
  livestream_id: string;
  created_at: string;
  updated_at: string;
  invoked_time: string;
  started_time?: string;
  stopped_time?: string;
}

/**
 * A livestream the app created on its own (`POST /livestreams`), outside any meeting: INVOKED until its encoder
 * connects (LIVE), IDLE once it disconnects; each connection is a session.
 */
export interface StoredAppLivestream {
  scope: string;
  accountId: string;
  livestream: {
    id: string;
    name?: string;
    meeting_id: null;
    ingest_server: string;
    playback_url: string;
    stream_key: string;
    status: 'INVOKED' | 'LIVE' | 'IDLE';
    disabled: boolean;
    created_at: string;
    updated_at: string;
  };
  /** oldest first; the last one is the current */
  sessions: LivestreamSession[];
}

/** Independent livestreams the fake keeps across every app: past this, the oldest is forgotten. */
export const APP_LIVESTREAM_HISTORY = 1000;

/** One livestream as the app's calls see it, a meeting's or an independent one, with its sessions. */
interface Found {
  livestream: Json & { id: string; status: string; created_at: string };
  sessions: LivestreamSession[];
  /** the session running now: an independent one's while INVOKED or LIVE, a meeting's while LIVE */
  active?: LivestreamSession;
  meeting?: StoredMeeting;
}

/** Every livestream of the caller's app, oldest first: the independent ones, then each meeting's. */
function inApp(ctx: Context, call: Call, withMeetings = true): Found[] {
  const scope = scopeOf(call);
  const own = [...ctx.state.appLivestreams.values()]
    .filter((l) => l.scope === scope)
    .map((l) => {
      const current = l.sessions.at(-1);
      const active = l.livestream.status === 'IDLE' ? undefined : current;
      return { livestream: l.livestream, sessions: l.sessions, active };
    });
  if (!withMeetings) return own;
  const meetings = [...ctx.state.meetings.values()]
    .filter((m) => m.scope === scope)
    .flatMap((m) =>
      m.livestreams.map(({ started_time: _s, stopped_time: _t, ...livestream }, i) => {
        const session = meetingSession(m.livestreams[i] as StoredLivestream);
        return {
          livestream,
          sessions: [session],
          active: livestream.status === 'LIVE' ? session : undefined,
          meeting: m,
        };
      }),
    );
  return [...own, ...meetings];
}

function findLivestream(ctx: Context, call: Call): Found {
  const id = call.params.livestream_id as string;
  const found = inApp(ctx, call).find((l) => l.livestream.id === id);
  if (!found) refuse(404, `No livestream found with id ${id} in app ${call.appId}`);
  return found;
}

/** Seconds between two times on the fake's clock (to now while it runs). */
const seconds = (ctx: Context, from?: string, to?: string) =>
  from ? Math.max(0, Math.floor(((to ? Date.parse(to) : Date.parse(ctx.now())) - Date.parse(from)) / 1000)) : 0;

/** A session as answers show it, with the seconds it ingested; viewers are not the fake's to count (0). */
const shownSession = (ctx: Context, s: LivestreamSession) => ({
  ...s,
  ingest_seconds: seconds(ctx, s.started_time, s.stopped_time),
  viewer_seconds: 0,
});

/** A livestream as the get calls show it: the spec types `disabled` as a string there, `meeting_id` as never null. */
const shownLivestream = (l: Found['livestream']) => present({ ...l, disabled: String(l.disabled) });

/**
 * Connects (`live`) or disconnects an independent livestream's encoder, as an RTMP encoder would: INVOKED or IDLE to
 * LIVE (from IDLE, a new session), LIVE to IDLE, each announced. From `fake.ingestLivestream()` and the control route.
 */
export function ingest(ctx: Context, livestreamId: string, live: boolean) {
  const stored = ctx.state.appLivestreams.get(livestreamId);
  if (!stored)
    refuse(404, `ingestLivestream: no independent livestream ${livestreamId} (create it through the API first)`);
  const { livestream } = stored;
  if ((livestream.status === 'LIVE') === live) {
    refuse(400, `ingestLivestream: livestream ${livestreamId} is already ${livestream.status}`);
  }
  const now = ctx.now();
  let current = stored.sessions.at(-1);
  if (live && (!current || current.stopped_time)) {
    current = {
      id: ctx.random.uuid(),
      livestream_id: livestreamId,
      created_at: now,
      updated_at: now,
      invoked_time: now,
    };
    stored.sessions.push(current);
  }
  if (current) {
    if (live) current.started_time = now;
    else current.stopped_time = now;
    current.updated_at = now;
  }
  livestream.status = live ? 'LIVE' : 'IDLE';
  livestream.updated_at = now;
  const appId = stored.scope.slice(stored.accountId.length + 1);
  ctx.emit({ accountId: stored.accountId, appId }, livestreamStatusEvent(livestream, undefined, appId));
  return livestream;
}

/** The app's livestreams: create (independent), list (the meetings' too), one with its sessions, the active session. */
export const appLivestreams = {
  create_livestream(ctx, call) {
    const id = ctx.random.uuid();
    const now = ctx.now();
    const livestream: StoredAppLivestream['livestream'] = {
      id,
      ...(typeof call.body.name === 'string' ? { name: call.body.name } : {}),
      meeting_id: null,
      ingest_server: 'rtmps://live.cloudflare.com:443/live/',
      playback_url: `https://customer-fake.cloudflarestream.com/${id.replaceAll('-', '')}/manifest/video.m3u8`,
      stream_key: ctx.random.token(),
      // the spec's example answers INVOKED: no encoder has connected yet
      status: 'INVOKED',
      disabled: false,
      created_at: now,
      updated_at: now,
    };
    const session = { id: ctx.random.uuid(), livestream_id: id, created_at: now, updated_at: now, invoked_time: now };
    const { created_at: _c, updated_at: _u, ...data } = livestream;
    const commit = () => {
      ctx.state.appLivestreams.set(id, {
        scope: scopeOf(call),
        accountId: call.accountId,
        livestream,
        sessions: [session],
      });
      for (const [old] of ctx.state.appLivestreams) {
        if (ctx.state.appLivestreams.size <= APP_LIVESTREAM_HISTORY) break;
        ctx.state.appLivestreams.delete(old);
      }
    };
    return { status: 201, data, commit };
  },

  fetch_all_livestreams(ctx, call) {
    const { status, start_time, end_time, sort_order } = call.query;
    const found = inApp(ctx, call, call.query.exclude_meetings !== true)
      .map((l) => l.livestream)
      .filter((l) => status === undefined || l.status === status)
      .filter((l) => typeof start_time !== 'string' || Date.parse(l.created_at) >= Date.parse(start_time))
      .filter((l) => typeof end_time !== 'string' || Date.parse(l.created_at) <= Date.parse(end_time))
      .sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));
    if (sort_order !== 'ASC') found.reverse(); // newest first
    const { data, paging } = page(found, call.query);
    // the spec's `data` is one livestream's fields beside `paging`: the list sits in it, as a meeting's history does
    return { status: 200, data: { livestreams: data, paging } };
  },

  'get-v2-livestream-session-livestream-id'(ctx, call) {
    const found = findLivestream(ctx, call);
    const sessions = [...found.sessions].reverse();
    const { data, paging } = page(sessions, call.query);
    const session = data[0];
    return {
      status: 200,
      data: present({
        livestream: shownLivestream(found.livestream),
        session: session && shownSession(ctx, session),
        paging,
      }),
    };
  },

  'get-v2-active-livestream-session-details'(ctx, call) {
    const found = findLivestream(ctx, call);
    if (!found.active) {
      refuse(
        404,
        `No active livestream session for livestream ${found.livestream.id}: it is ${found.livestream.status}`,
      );
    }
    const session = shownSession(ctx, found.active);
    // the spec types this answer's seconds as strings
    const shown = { ...session, ingest_seconds: String(session.ingest_seconds), viewer_seconds: '0' };
    return { status: 200, data: { livestream: shownLivestream(found.livestream), session: shown } };
  },

  'get-v2-livestreams-livestream-session-id'(ctx, call) {
    const id = call.params['livestream-session-id'] as string;
    for (const found of inApp(ctx, call)) {
      const session = found.sessions.find((s) => s.id === id);
      if (session) {
        const { invoked_time: _i, ...shown } = shownSession(ctx, session);
        return { status: 200, data: shown };
      }
    }
    refuse(404, `No livestream session found with id ${id} in app ${call.appId}`);
  },
} satisfies Record<string, Handler>;
