import { type Call, type Context, type Handler, scopeOf } from './context';
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

/** The meetings' livestreams of the caller's app that started in the range, oldest first. */
function livestreamsIn(ctx: Context, call: Call) {
  const [from, to] = timeRange(call);
  return [...ctx.state.meetings.values()]
    .filter((m) => m.scope === scopeOf(call))
    .flatMap((m) => m.livestreams)
    .filter((l) => {
      const started = Date.parse(l.started_time);
      return started >= from && started <= to;
    })
    .sort((a, b) => Date.parse(a.started_time) - Date.parse(b.started_time));
}

/** Grows the entry of `key` in `map` by `add`, making it with `make` first. */
function tally<T>(map: Map<string, T>, key: string, make: () => T, add: (entry: T) => void) {
  const entry = map.get(key) ?? make();
  add(entry);
  map.set(key, entry);
}

/**
 * Analytics, computed from what the fake ran: the app's sessions day by day (participant-minutes, as the sessions
 * API counts `minutes_consumed`) and its meetings' livestreams (ingest time; nobody watches the fake's streams).
 */
export const analytics = {
  'get-org-analytics'(ctx, call) {
    const [from, to] = dateRange(ctx, call);
    const days = new Map<string, { day: string; total_session_minutes: number; total_sessions: number }>();
    for (const session of ctx.state.sessions.values()) {
      const started = Date.parse(session.started_at);
      if (session.scope !== scopeOf(call) || started < from || started > to) continue;
      const day = dayOf(started);
      tally(
        days,
        day,
        () => ({ day, total_session_minutes: 0, total_sessions: 0 }),
        (entry) => {
          entry.total_sessions++;
          entry.total_session_minutes = round(entry.total_session_minutes + minutesConsumed(ctx, session));
        },
      );
    }
    const dayStats = [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
    return {
      status: 200,
      data: {
        session_stats: {
          day_stats: dayStats,
          sessions_count: dayStats.reduce((sum, d) => sum + d.total_sessions, 0),
          sessions_minutes_consumed: round(dayStats.reduce((sum, d) => sum + d.total_session_minutes, 0)),
        },
        // the fake records nothing yet
        recording_stats: { day_stats: [], recording_count: 0, recording_minutes_consumed: 0 },
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
