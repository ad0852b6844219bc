import type { LivestreamSession } from './app-livestreams';
import { type Context, findMeeting, type Handler, page, present } from './context';
import { emitMeetingLivestream } from './livestream-event';
import { refuse } from './refusal';
import { LIVESTREAM_HISTORY, type StoredLivestream, type StoredMeeting } from './state';

/** A meeting's livestream has one session, from its start to its stop (its ID: `<livestream>-session`). */
export function meetingSession(l: StoredLivestream): LivestreamSession {
  return present({
    id: `${l.id}-session`,
    livestream_id: l.id,
    created_at: l.created_at,
    updated_at: l.updated_at,
    invoked_time: l.started_time,
    started_time: l.started_time,
    stopped_time: l.stopped_time,
  }) as unknown as LivestreamSession;
}

/** A livestream of a meeting, live from now; its commit records it (one live at a time) and announces it LIVE. */
export function newLivestream(ctx: Context, stored: StoredMeeting, name: unknown) {
  if (stored.livestreams.some((l) => l.status === 'LIVE')) {
    refuse(400, `Meeting ${stored.meeting.id} is already livestreaming: stop it first`);
  }
  const id = ctx.random.uuid().replaceAll('-', '');
  const now = ctx.now();
  const livestream = {
    id,
    ...present({ name }),
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
    emitMeetingLivestream(ctx, stored, livestream);
  };
  return { livestream, commit };
}

/** A meeting's livestreams: start, the live one, stop (each change a `livestreaming.statusUpdate`), and the history with its last session. */
export const livestreams = {
  'start-livestreaming'(ctx, call) {
    const { livestream, commit } = newLivestream(ctx, findMeeting(ctx, call), call.body.name);
    const { id, ingest_server, playback_url, stream_key, status } = livestream;
    return { status: 201, data: { id, ingest_server, playback_url, status, stream_key }, commit };
  },

  'get-v2-meetings-meetingId-active-livestream'(ctx, call) {
    const stored = findMeeting(ctx, call);
    const live = stored.livestreams.find((l) => l.status === 'LIVE');
    if (!live) refuse(404, `No active livestream for meeting_id ${stored.meeting.id}`);
    const { started_time: _started, stopped_time: _stopped, ...data } = live;
    return { status: 200, data };
  },

  stop_livestreaming(ctx, call) {
    const stored = findMeeting(ctx, call);
    const live = stored.livestreams.find((l) => l.status === 'LIVE');
    if (!live) refuse(404, `No active livestream for meeting_id ${stored.meeting.id}`);
    const now = ctx.now();
    const commit = () => {
      live.status = 'IDLE';
      live.stopped_time = live.updated_at = now;
      emitMeetingLivestream(ctx, stored, live);
    };
    return { status: 200, data: { message: 'Stopped live stream successfully' }, commit };
  },

  'livestream-session-details'(ctx, call) {
    const stored = findMeeting(ctx, call);
    const all = [...stored.livestreams].reverse().map(({ started_time: _s, stopped_time: _t, ...l }) => l);
    const { data, paging } = page(all, call.query);
    const last = stored.livestreams.at(-1);
    const sessions = last ? meetingSession(last) : undefined;
    return { status: 200, data: present({ livestreams: data, sessions, paging }) };
  },
} satisfies Record<string, Handler>;
