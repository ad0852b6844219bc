import { type Call, type Context, type Handler, scopeOf } from './context';
import type { StoredRecording } from './recordings';
import { refuse } from './refusal';
import { ingestSeconds, minutesConsumed } from './sessions';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The UTC day of an instant, as the API's `day` and `date` write it: `2023-07-15`. */
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const round = (n: number) => Math.round(n * 100) / 100;

/** `start_date`/`end_date` (`2022-09-01`, or any date the platform parses) as the whole UTC days they name. */
function dateRange(ctx: Context, call: Call): [number, number] {
  const read = (name: string, fallback: number) => {
    const value = call.query[name];
    if (value === undefined) return fallback;
    const at = Date.parse(String(value));
    if (Number.isNaN(at)) refuse(400, `query/${name} must be a date such as 2022-09-01, not ${value}`);
    return at;
  };
  const today = Date.parse(dayOf(Date.parse(ctx.now())));
  // the spec: "the default time range is set from 30 days ago to the current date"
  const from = Date.parse(dayOf(read('start_date', today - 30 * DAY_MS)));
  const to = Date.parse(dayOf(read('end_date', today))) + DAY_MS - 1; // through the end of that day
  if (to < from) refuse(400, 'query/end_date must not be before start_date');
  return [from, to];
}

/** `start_time`/`end_time` in Unix seconds; open-ended where left out. */
function timeRange(call: Call): [number, number] {
  const { start_time: start, end_time: end } = call.query as { start_time?: number; end_time?: number };
  const [from, to] = [start === undefined ? -Infinity : start * 1000, end === undefined ? Infinity : end * 1000];
  if (to < from) refuse(400, 'query/end_time must not be before start_time');
  return [from, to];
}

/**
 * The livestreams of the caller's app that went live in the range, oldest first: each run of a meeting's livestream,
 * and each session of an independent one (its encoder connected: one that never connected streamed nothing).
 */
function livestreamsIn(ctx: Context, call: Call) {
  const [from, to] = timeRange(call);
  const scope = scopeOf(call);
  const meetings = [...ctx.state.meetings.values()].filter((m) => m.scope === scope).flatMap((m) => m.livestreams);
  const independent = [...ctx.state.appLivestreams.values()]
    .filter((l) => l.scope === scope)
    .flatMap((l) => l.sessions)
    .flatMap(({ started_time, stopped_time }) => (started_time ? [{ started_time, stopped_time }] : []));
  return [...meetings, ...independent]
    .filter((l) => {
      const started = Date.parse(l.started_time);
      return started >= from && started <= to;
    })
    .sort((a, b) => Date.parse(a.started_time) - Date.parse(b.started_time));
}

/** How many items, and their minutes, per UTC day of the items that started in [from, to], oldest day first. */
function byDay(items: { at: number; minutes: number }[], from: number, to: number) {
  const days = new Map<string, { day: string; count: number; minutes: number }>();
  for (const { at, minutes } of items) {
    if (at < from || at > to) continue;
    const day = dayOf(at);
    tally(
      days,
      day,
      () => ({ day, count: 0, minutes: 0 }),
      (entry) => {
        entry.count++;
        entry.minutes += minutes;
      },
    );
  }
  const list = [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
  return {
    days: list,
    count: list.reduce((sum, d) => sum + d.count, 0),
    minutes: list.reduce((sum, d) => sum + d.minutes, 0),
  };
}

/** Grows the entry of `key` in `map` by `add`, making it with `make` first. */
function tally<T>(map: Map<string, T>, key: string, make: () => T, add: (entry: T) => void) {
  const entry = map.get(key) ?? make();
  add(entry);
  map.set(key, entry);
}

/** What a recording has recorded so far, in seconds: its duration once stopped, else up to now, less its pauses. */
function recordedSeconds(ctx: Context, stored: StoredRecording) {
  const r = stored.recording;
  if (r.stopped_time) return r.recording_duration;
  const now = Date.parse(ctx.now());
  const paused = stored.pausedMs + (stored.pausedAt === undefined ? 0 : now - stored.pausedAt);
  return Math.max(0, Math.floor((now - Date.parse(r.started_time ?? r.invoked_time) - paused) / 1000));
}

/**
 * Analytics, computed from what the fake ran: the app's sessions day by day (participant-minutes, as the sessions
 * API counts `minutes_consumed`), its recordings day by day (the day each was started; whole minutes recorded, the
 * spec's integers, rounded to the nearest: the rounding is the fake's), and its livestreams (ingest time; nobody
 * watches the fake's streams).
 */
export const analytics = {
  'get-org-analytics'(ctx, call) {
    const [from, to] = dateRange(ctx, call);
    const scope = scopeOf(call);
    const sessions = byDay(
      [...ctx.state.sessions.values()]
        .filter((session) => session.scope === scope)
        .map((session) => ({ at: Date.parse(session.started_at), minutes: minutesConsumed(ctx, session) })),
      from,
      to,
    );
    const recordings = byDay(
      [...ctx.state.recordings.values()]
        .filter((stored) => stored.scope === scope)
        .map((stored) => ({
          at: Date.parse(stored.recording.invoked_time),
          minutes: Math.round(recordedSeconds(ctx, stored) / 60),
        })),
      from,
      to,
    );
    return {
      status: 200,
      data: {
        session_stats: {
          day_stats: sessions.days.map((d) => ({
            day: d.day,
            total_session_minutes: round(d.minutes),
            total_sessions: d.count,
          })),
          sessions_count: sessions.count,
          sessions_minutes_consumed: round(sessions.minutes),
        },
        recording_stats: {
          day_stats: recordings.days.map((d) => ({
            day: d.day,
            total_recording_minutes: d.minutes,
            total_recordings: d.count,
          })),
          recording_count: recordings.count,
          recording_minutes_consumed: recordings.minutes,
        },
      },
    };
  },

  'get-livestream-analytics-daywise'(ctx, call) {
    const days = new Map<string, { date: string; count: number; total_ingest_seconds: number }>();
    for (const livestream of livestreamsIn(ctx, call)) {
      const date = dayOf(Date.parse(livestream.started_time));
      tally(
        days,
        date,
        () => ({ date, count: 0, total_ingest_seconds: 0 }),
        (entry) => {
          entry.count++;
          entry.total_ingest_seconds += ingestSeconds(ctx, livestream);
        },
      );
    }
    return { status: 200, data: [...days.values()].map((d) => ({ ...d, total_viewer_seconds: 0 })) };
  },

  'get-livestream-analytics-complete'(ctx, call) {
    const all = livestreamsIn(ctx, call);
    return {
      status: 200,
      data: {
        count: all.length,
        total_ingest_seconds: all.reduce((sum, l) => sum + ingestSeconds(ctx, l), 0),
        total_viewer_seconds: 0,
      },
    };
  },
} satisfies Record<string, Handler>;
