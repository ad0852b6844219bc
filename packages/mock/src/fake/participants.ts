import type { Participant } from '@realtimekit-meetings/core';
import { departed } from './active-session';
import {
  type Call,
  type Context,
  findMeeting,
  findParticipant,
  type Handler,
  type Json,
  page,
  present,
  scopeOf,
  withDefaults,
  writable,
} from './context';
import { hasPreset } from './presets';
import { refuse } from './refusal';
import type { StoredMeeting, StoredParticipant } from './state';

const withoutToken = ({ token: _token, ...participant }: StoredParticipant): Participant => participant;

/** A token hands a user the way into a meeting, which an INACTIVE meeting refuses (the spec's `status`). */
function joinable(stored: StoredMeeting) {
  if (stored.meeting.status === 'INACTIVE') {
    refuse(
      400,
      `Meeting ${stored.meeting.id} is INACTIVE: users cannot join an inactive meeting, so it takes no participants and hands out no tokens; set its status to ACTIVE first`,
    );
  }
}

/** A preset the body names must be one of the app's (RealtimeKit's defaults, and those given as `presets`). */
function knownPreset(ctx: Context, call: Call, body: Json) {
  const name = body.preset_name;
  if (typeof name !== 'string' || hasPreset(ctx, call, name)) return;
  refuse(
    400,
    `No preset named '${name}' in app ${call.appId}: use one of ${ctx.presets.join(', ')}, or create it (rtk.presets.create, or presets: ['${name}'] to the fake)`,
  );
}

/** The ID of a preset in an app, made on first use and the same after. */
function presetId(ctx: Context, call: Call, name: string) {
  const created = [...ctx.state.presets.values()].find((p) => p.scope === scopeOf(call) && p.preset.name === name);
  if (created) return created.preset.id;
  const key = `${scopeOf(call)}/${name}`;
  return ctx.state.presetIds.get(key) ?? ctx.random.uuid();
}

/** Participants: add (an ID and a join token), list, get, edit, replace, delete, refresh the token. */
export const participants = {
  get_meeting_participants(ctx, call) {
    const stored = findMeeting(ctx, call);
    return { status: 200, ...page([...stored.participants.values()].map(withoutToken), call.query) };
  },

  add_participant(ctx, call) {
    const stored = findMeeting(ctx, call);
    joinable(stored);
    const body = withDefaults('add_participant', call.body);
    knownPreset(ctx, call, body);
    if (stored.participants.size >= ctx.limits.participantsPerMeeting) {
      refuse(
        400,
        `The fake holds at most ${ctx.limits.participantsPerMeeting} participants in one meeting (limits.participantsPerMeeting): call fake.reset() between tests, or raise the limit`,
      );
    }
    const now = ctx.now();
    const participant = {
      ...body,
      id: ctx.random.uuid(),
      created_at: now,
      updated_at: now,
      token: ctx.random.token(),
    } as StoredParticipant;
    return { status: 201, data: participant, commit: () => stored.participants.set(participant.id, participant) };
  },

  get_meeting_participant(ctx, call) {
    return { status: 200, data: withoutToken(findParticipant(ctx, call)[1]) };
  },

  edit_participant(ctx, call) {
    const [stored, participant] = findParticipant(ctx, call);
    const body = writable('edit_participant', call.body);
    knownPreset(ctx, call, body);
    const edited = { ...participant, updated_at: ctx.now() } as Json;
    for (const [key, value] of Object.entries(body)) {
      if (value !== null) edited[key] = value;
      else if (key !== 'preset_name') delete edited[key]; // a participant always has a preset
    }
    const commit = () => stored.participants.set(participant.id, edited as unknown as StoredParticipant);
    return { status: 200, data: edited, commit };
  },

  replace_participant(ctx, call) {
    const [stored, { id, created_at, token }] = findParticipant(ctx, call);
    const body = present(writable('replace_participant', call.body));
    knownPreset(ctx, call, body);
    const replaced = { ...body, id, created_at, updated_at: ctx.now(), token } as StoredParticipant;
    return { status: 200, data: replaced, commit: () => stored.participants.set(id, replaced) };
  },

  delete_meeting_participant(ctx, call) {
    const [stored, participant] = findParticipant(ctx, call);
    const preset = presetId(ctx, call, participant.preset_name);
    const { created_at, custom_participant_id } = participant;
    return {
      status: 200,
      data: { created_at, custom_participant_id, preset_id: preset, updated_at: ctx.now() },
      commit: () => {
        stored.participants.delete(participant.id);
        ctx.state.presetIds.set(`${scopeOf(call)}/${participant.preset_name}`, preset);
        departed(ctx, stored, [participant.id]); // one in the session leaves it
      },
    };
  },

  regenerate_token(ctx, call) {
    const [stored, participant] = findParticipant(ctx, call);
    joinable(stored);
    const refreshed = { ...participant, token: ctx.random.token(), updated_at: ctx.now() };
    return {
      status: 200,
      data: { token: refreshed.token },
      commit: () => stored.participants.set(participant.id, refreshed),
    };
  },
} satisfies Record<string, Handler>;
