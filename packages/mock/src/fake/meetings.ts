import type { MeetingDetails } from '@realtimekit-meetings/core';
import { findMeeting, type Handler, type Json, page, present, scopeOf, withDefaults, writable } from './context';
import { refuse } from './refusal';

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

/** Meetings: list, create, get, update (merge) and replace, each seen only under the app that created it. */
export const meetings = {
  get_all_meetings(ctx, call) {
    const found = [...ctx.state.meetings.values()]
      .filter((m) => m.scope === scopeOf(call) && matches(m.meeting, call.query))
      .reverse() // newest first
      .map((m) => listed(m.meeting));
    return { status: 200, ...page(found, call.query) };
  },

  create_meeting(ctx, call) {
    if (ctx.state.meetings.size >= ctx.limits.meetings) {
      refuse(
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
        scope: scopeOf(call),
        accountId: call.accountId,
        meeting,
        participants: new Map(),
        livestreams: [],
      });
    return { status: 201, data: meeting, commit };
  },

  get_meeting(ctx, call) {
    return { status: 200, data: findMeeting(ctx, call).meeting };
  },

  update_meeting(ctx, call) {
    const stored = findMeeting(ctx, call);
    const updated = {
      ...stored.meeting,
      ...present(writable('update_meeting', call.body)),
      updated_at: ctx.now(),
    } as MeetingDetails;
    return { status: 200, data: updated, commit: () => (stored.meeting = updated) };
  },

  replace_meeting(ctx, call) {
    const stored = findMeeting(ctx, call);
    const { id, created_at, status } = stored.meeting;
    const replaced = { ...withDefaults('replace_meeting', call.body), id, created_at, updated_at: ctx.now() } as Json;
    if (status) replaced.status = status;
    return { status: 200, data: replaced, commit: () => (stored.meeting = replaced as unknown as MeetingDetails) };
  },
} satisfies Record<string, Handler>;
