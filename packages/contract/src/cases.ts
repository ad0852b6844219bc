import type { RealtimeKitClient } from '@realtimekit-meetings/client';
import type { OperationId } from '@realtimekit-meetings/core';

/** What the cases share while they run: the client, and IDs that earlier cases learned. */
export interface ContractContext {
  rtk: RealtimeKitClient;
  meetingId?: string;
  participantId?: string;
}

/** One valid call per operation, with checks on what comes back. */
export interface ContractCase {
  operationId: OperationId;
  /** Whether the call changes anything on the server (run only with `allowWrites`). */
  writes: boolean;
  /** IDs the case needs from earlier ones; without them it is reported as skipped. */
  needs: ('meetingId' | 'participantId')[];
  /** Other statuses the spec declares for the operation, which also mean the API kept its contract. */
  declaredErrors?: number[];
  run(ctx: ContractContext): Promise<void>;
}

/** A call the API must refuse: a body or query that breaks the spec, sent with a valid token. */
export interface InvalidCase {
  operationId: OperationId;
  name: string;
  /** Whether the call would change anything if the API wrongly accepted it (run only with `allowWrites`). */
  writes: boolean;
  /** The status the spec's mock answers with. */
  status: number;
  run(ctx: Required<ContractContext>): Promise<unknown>;
}

export class ContractError extends Error {
  override name = 'ContractError';
}

type Kind = 'string' | 'number' | 'boolean' | 'object' | 'array';
const kindOf = (value: unknown) => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);

/** Checks that `value` is an object whose named fields have the given kinds (a trailing `?` allows absence). */
function shape(value: unknown, fields: Record<string, Kind | `${Kind}?`>, where: string): Record<string, unknown> {
  if (kindOf(value) !== 'object') throw new ContractError(`${where}: expected an object, got ${kindOf(value)}`);
  const record = value as Record<string, unknown>;
  for (const [field, expected] of Object.entries(fields)) {
    const optional = expected.endsWith('?');
    const kind = expected.replace('?', '');
    const actual = kindOf(record[field]);
    if (actual === 'undefined' && optional) continue;
    if (actual !== kind) throw new ContractError(`${where}.${field}: expected ${kind}, got ${actual}`);
  }
  return record;
}

const MEETING = {
  id: 'string',
  created_at: 'string',
  updated_at: 'string',
  title: 'string?',
  status: 'string?',
} as const;
const PARTICIPANT = {
  id: 'string',
  custom_participant_id: 'string',
  preset_name: 'string',
  created_at: 'string',
} as const;

function page(value: unknown, where: string) {
  const result = shape(value, { data: 'array', paging: 'object' }, where);
  shape(result.paging, { total_count: 'number', start_offset: 'number', end_offset: 'number' }, `${where}.paging`);
  return result.data as unknown[];
}

const meetingId = (ctx: ContractContext) => ctx.meetingId as string;
const participantId = (ctx: ContractContext) => ctx.participantId as string;

/**
 * Every operation of the spec, in an order where earlier cases provide the IDs later ones need: reads first
 * (they discover a meeting and a participant), then writes (which create their own).
 */
export const contractCases: ContractCase[] = [
  {
    operationId: 'get_all_meetings',
    writes: false,
    needs: [],
    async run(ctx) {
      const data = page(await ctx.rtk.meetings.list({ per_page: 5 }), 'meetings.list()');
      for (const [i, m] of data.entries()) shape(m, MEETING, `meetings.list().data[${i}]`);
      ctx.meetingId ??= (data[0] as { id?: string } | undefined)?.id;
    },
  },
  {
    operationId: 'get_meeting',
    writes: false,
    needs: ['meetingId'],
    async run(ctx) {
      shape(await ctx.rtk.meetings.get(meetingId(ctx)), MEETING, 'meetings.get()');
    },
  },
  {
    operationId: 'get_meeting_participants',
    writes: false,
    needs: ['meetingId'],
    async run(ctx) {
      const data = page(await ctx.rtk.participants.list(meetingId(ctx), { per_page: 5 }), 'participants.list()');
      for (const [i, p] of data.entries()) shape(p, PARTICIPANT, `participants.list().data[${i}]`);
      ctx.participantId ??= (data[0] as { id?: string } | undefined)?.id;
    },
  },
  {
    operationId: 'get_meeting_participant',
    writes: false,
    needs: ['meetingId', 'participantId'],
    async run(ctx) {
      shape(await ctx.rtk.participants.get(meetingId(ctx), participantId(ctx)), PARTICIPANT, 'participants.get()');
    },
  },
  {
    operationId: 'GetActiveSession',
    writes: false,
    needs: ['meetingId'],
    declaredErrors: [404],
    async run(ctx) {
      const session = await ctx.rtk.activeSession.get(meetingId(ctx));
      shape(session, { id: 'string', status: 'string', live_participants: 'number' }, 'activeSession.get()');
    },
  },
  {
    operationId: 'get-v2-meetings-meetingId-active-livestream',
    writes: false,
    needs: ['meetingId'],
    async run(ctx) {
      shape(
        await ctx.rtk.livestreams.getActive(meetingId(ctx)),
        { status: 'string?', disabled: 'boolean?' },
        'livestreams.getActive()',
      );
    },
  },
  {
    operationId: 'livestream-session-details',
    writes: false,
    needs: ['meetingId'],
    async run(ctx) {
      shape(
        await ctx.rtk.livestreams.getSession(meetingId(ctx)),
        { livestreams: 'array?' },
        'livestreams.getSession()',
      );
    },
  },
  {
    operationId: 'create_meeting',
    writes: true,
    needs: [],
    async run(ctx) {
      const meeting = shape(await ctx.rtk.meetings.create({ title: 'Contract check' }), MEETING, 'meetings.create()');
      ctx.meetingId = meeting.id as string;
    },
  },
  {
    operationId: 'update_meeting',
    writes: true,
    needs: ['meetingId'],
    async run(ctx) {
      shape(
        await ctx.rtk.meetings.update(meetingId(ctx), { title: 'Contract check (updated)' }),
        MEETING,
        'meetings.update()',
      );
    },
  },
  {
    operationId: 'replace_meeting',
    writes: true,
    needs: ['meetingId'],
    async run(ctx) {
      shape(
        await ctx.rtk.meetings.replace(meetingId(ctx), { title: 'Contract check (replaced)' }),
        MEETING,
        'meetings.replace()',
      );
    },
  },
  {
    operationId: 'add_participant',
    writes: true,
    needs: ['meetingId'],
    async run(ctx) {
      const participant = shape(
        await ctx.rtk.participants.add(meetingId(ctx), {
          custom_participant_id: 'contract-check',
          preset_name: 'group_call_host',
          name: 'Contract check',
        }),
        { ...PARTICIPANT, token: 'string' },
        'participants.add()',
      );
      ctx.participantId = participant.id as string;
    },
  },
  {
    operationId: 'edit_participant',
    writes: true,
    needs: ['meetingId', 'participantId'],
    async run(ctx) {
      shape(
        await ctx.rtk.participants.edit(meetingId(ctx), participantId(ctx), { name: 'Contract check (edited)' }),
        PARTICIPANT,
        'participants.edit()',
      );
    },
  },
  {
    operationId: 'replace_participant',
    writes: true,
    needs: ['meetingId', 'participantId'],
    async run(ctx) {
      const body = { custom_participant_id: 'contract-check', preset_name: 'group_call_host', name: 'Contract check' };
      shape(
        await ctx.rtk.participants.replace(meetingId(ctx), participantId(ctx), body),
        PARTICIPANT,
        'participants.replace()',
      );
    },
  },
  {
    operationId: 'regenerate_token',
    writes: true,
    needs: ['meetingId', 'participantId'],
    async run(ctx) {
      shape(
        await ctx.rtk.participants.refreshToken(meetingId(ctx), participantId(ctx)),
        { token: 'string' },
        'participants.refreshToken()',
      );
    },
  },
  {
    operationId: 'KickPartcipants',
    writes: true,
    needs: ['meetingId', 'participantId'],
    declaredErrors: [404],
    async run(ctx) {
      const result = await ctx.rtk.activeSession.kick(meetingId(ctx), { participant_ids: [participantId(ctx)] });
      shape(result, { participants: 'array?', action: 'string?' }, 'activeSession.kick()');
    },
  },
  {
    operationId: 'MuteParticipants',
    writes: true,
    needs: ['meetingId', 'participantId'],
    async run(ctx) {
      const result = await ctx.rtk.activeSession.mute(meetingId(ctx), { participant_ids: [participantId(ctx)] });
      shape(result, { participants: 'array?', action: 'string?' }, 'activeSession.mute()');
    },
  },
  {
    operationId: 'MuteAllParticipants',
    writes: true,
    needs: ['meetingId'],
    async run(ctx) {
      const result = await ctx.rtk.activeSession.muteAll(meetingId(ctx), { allow_unmute: true });
      shape(result, { muted_participants_count: 'number?' }, 'activeSession.muteAll()');
    },
  },
  {
    operationId: 'CreatePoll',
    writes: true,
    needs: ['meetingId'],
    declaredErrors: [400],
    async run(ctx) {
      const result = await ctx.rtk.activeSession.createPoll(meetingId(ctx), {
        question: 'Ship it?',
        options: ['yes', 'no'],
      });
      shape(result, { poll: 'object?' }, 'activeSession.createPoll()');
    },
  },
  {
    operationId: 'start-livestreaming',
    writes: true,
    needs: ['meetingId'],
    async run(ctx) {
      shape(
        await ctx.rtk.livestreams.start(meetingId(ctx), { name: 'contract-check' }),
        { id: 'string?', status: 'string?' },
        'livestreams.start()',
      );
    },
  },
  {
    operationId: 'stop_livestreaming',
    writes: true,
    needs: ['meetingId'],
    async run(ctx) {
      shape(await ctx.rtk.livestreams.stop(meetingId(ctx)), { message: 'string?' }, 'livestreams.stop()');
    },
  },
  {
    operationId: 'KickAllParticipants',
    writes: true,
    needs: ['meetingId'],
    async run(ctx) {
      shape(
        await ctx.rtk.activeSession.kickAll(meetingId(ctx)),
        { kicked_participants_count: 'number?' },
        'activeSession.kickAll()',
      );
    },
  },
  {
    operationId: 'delete_meeting_participant',
    writes: true,
    needs: ['meetingId', 'participantId'],
    async run(ctx) {
      const deleted = await ctx.rtk.participants.delete(meetingId(ctx), participantId(ctx));
      shape(deleted, { custom_participant_id: 'string', preset_id: 'string' }, 'participants.delete()');
    },
  },
];

/** Requests the API must refuse. */
export const invalidCases: InvalidCase[] = [
  {
    operationId: 'add_participant',
    name: 'add a participant without preset_name and custom_participant_id',
    status: 422,
    writes: true,
    run: (ctx) => ctx.rtk.participants.add(ctx.meetingId, { name: 'Nobody' } as never),
  },
  {
    operationId: 'add_participant',
    name: 'add a participant whose name is a number',
    status: 422,
    writes: true,
    run: (ctx) =>
      ctx.rtk.participants.add(ctx.meetingId, { custom_participant_id: 'x', preset_name: 'p', name: 3 } as never),
  },
  {
    operationId: 'replace_participant',
    name: 'replace a participant without preset_name',
    status: 422,
    writes: true,
    run: (ctx) =>
      ctx.rtk.participants.replace(ctx.meetingId, ctx.participantId, { custom_participant_id: 'x' } as never),
  },
  {
    operationId: 'update_meeting',
    name: 'update a meeting with a status that does not exist',
    status: 422,
    writes: true,
    run: (ctx) => ctx.rtk.meetings.update(ctx.meetingId, { status: 'PAUSED' } as never),
  },
  {
    operationId: 'update_meeting',
    name: 'update a meeting whose title is a number',
    status: 422,
    writes: true,
    run: (ctx) => ctx.rtk.meetings.update(ctx.meetingId, { title: 42 } as never),
  },
  {
    operationId: 'create_meeting',
    name: 'create a meeting that keeps its session alive for 5 s (minimum 60)',
    status: 422,
    writes: true,
    run: (ctx) => ctx.rtk.meetings.create({ session_keep_alive_time_in_secs: 5 }),
  },
  {
    operationId: 'get_all_meetings',
    name: 'list meetings with a status filter that does not exist',
    status: 422,
    writes: false,
    run: (ctx) => ctx.rtk.meetings.list({ status: 'LIVE' } as never),
  },
  {
    operationId: 'MuteAllParticipants',
    name: 'mute everyone without saying whether they may unmute',
    status: 422,
    writes: true,
    run: (ctx) => ctx.rtk.activeSession.muteAll(ctx.meetingId, {} as never),
  },
  {
    operationId: 'CreatePoll',
    name: 'create a poll without options',
    status: 400,
    writes: true,
    run: (ctx) => ctx.rtk.activeSession.createPoll(ctx.meetingId, { question: 'Ship it?' } as never),
  },
];
