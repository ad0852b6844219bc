import type { OperationId } from '@realtimekit-meetings/core';
import { validators } from '../generated/validators.gen';
import type { Emit } from './events';
import type { Random } from './random';
import { refuse } from './refusal';
import type { FakeLimits, FakeState, StoredMeeting, StoredParticipant, StoredSession } from './state';

export type Json = Record<string, unknown>;

/** A request that passed validation: its scope, path IDs, query (read as the spec types it) and body. */
export interface Call {
  accountId: string;
  appId: string;
  params: Record<string, string>;
  query: Json;
  body: Json;
}

/**
 * What a handler answers when it succeeds (it throws a {@link Refusal} otherwise): `data`, `paging` for lists, and
 * for a write `commit`, which the fake runs only once the answer conforms to the spec, so a request the fake cannot
 * answer correctly changes nothing.
 */
export interface Success {
  status: number;
  data: unknown;
  paging?: Json;
  commit?: () => void;
}

export interface Context {
  state: FakeState;
  random: Random;
  now: () => string;
  limits: Required<FakeLimits>;
  /** The preset names every app has: RealtimeKit's defaults and those the fake was given. */
  presets: string[];
  /** The recording APIs' own rate limit (Cloudflare's: 1,000 calls in 50 s); undefined when off. */
  recordingRateLimit?: { requests: number; windowSeconds: number };
  /** The app the fake was given (`appId`), which `GET /apps` lists: in its account, or in every one when none was given. */
  app?: { id: string; accountId?: string; createdAt: string };
  /** Announces a committed change to the app's subscribed webhooks ({@link Emit}); call it from a `commit`. */
  emit: Emit;
}

export type Handler = (ctx: Context, call: Call) => Success;

/** Leaves out the keys whose value is null or undefined: the API's answers omit what a request set to null. */
export const present = (value: Json): Json =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined));

/**
 * What of a body a client may write: the properties the operation's request schema declares, less those the spec
 * marks readOnly. Everything else (`id`, `created_at`, `updated_at`, a participant's `token`) is the server's, and a
 * client that sends it changes nothing.
 */
export function writable(operationId: OperationId, body: Json): Json {
  const names = new Set(validators[operationId].body?.writable ?? []);
  return Object.fromEntries(Object.entries(body).filter(([name]) => names.has(name)));
}

/** The spec's defaults for a creation or a replacement, with what the body sets (null meaning "the default"). */
export const withDefaults = (operationId: OperationId, body: Json): Json => ({
  ...validators[operationId].defaults,
  ...present(writable(operationId, body)),
});

export function page<T>(items: T[], query: Json): { data: T[]; paging: Json } {
  const perPage = Math.max(1, Math.floor(Number(query.per_page ?? 20)) || 20);
  const pageNo = Math.max(1, Math.floor(Number(query.page_no ?? 1)) || 1);
  const start = (pageNo - 1) * perPage;
  const data = items.slice(start, start + perPage);
  return {
    data,
    paging: {
      total_count: items.length,
      start_offset: data.length > 0 ? start + 1 : start,
      end_offset: start + data.length,
    },
  };
}

export const scopeOf = (call: Pick<Call, 'accountId' | 'appId'>) => `${call.accountId}/${call.appId}`;

export function findMeeting(ctx: Context, call: Call): StoredMeeting {
  const id = call.params.meeting_id as string;
  const stored = ctx.state.meetings.get(id);
  if (!stored || stored.scope !== scopeOf(call)) refuse(404, `No meeting found with id ${id} in app ${call.appId}`);
  return stored;
}

export function findParticipant(ctx: Context, call: Call): [StoredMeeting, StoredParticipant] {
  const stored = findMeeting(ctx, call);
  const id = call.params.participant_id as string;
  const participant = stored.participants.get(id);
  if (!participant) refuse(404, `No participant found with id ${id} in meeting ${stored.meeting.id}`);
  return [stored, participant];
}

export function findSession(ctx: Context, call: Call): [StoredMeeting, StoredSession] {
  const stored = findMeeting(ctx, call);
  if (!stored.session) {
    refuse(
      404,
      `No active session found for meeting_id ${stored.meeting.id}: start one with fake.startSession() or POST /__fake/sessions`,
    );
  }
  return [stored, stored.session];
}
