import { type JoinTokenStore, memoryJoinTokenStore } from '../join-tokens';
import type { WebhookEvent } from './events';

/** How long a delivery is remembered by default: 7 days (ms). */
export const WEBHOOK_DEDUPE_TTL_MS = 7 * 24 * 60 * 60_000;

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const field = (object: unknown, name: string) =>
  typeof object === 'object' && object !== null ? (object as Record<string, unknown>)[name] : undefined;

/** JSON with object keys sorted, so that the same content gives the same text whatever the order of its keys. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * What identifies one event across RealtimeKit's retries: its name and the fields that say which thing changed and
 * how, never a delivery header or a download URL. The `rtk-uuid` header names a delivery, and a retry may carry a new
 * one; a retry may also carry fresh signed URLs and expiries. So:
 * - a session's start, end, chat export, transcript and summary happen once per session: `meeting.sessionId`
 *   (`sessionId` for `meeting.chatSynced`);
 * - a join or a leave: the session, the participant's `peerId` and `joinedAt` / `leftAt` (a user who joins again is
 *   a new join);
 * - a recording's status: the recording's `id`, `status`, `startedTime` and `stoppedTime`;
 * - a livestream's status: `streamId` and `status` (the payload has no time: a stream that goes `LIVE` again within
 *   the TTL is taken for a repeat);
 * - an event this version does not know: all of its content (a retry sent with the same content is caught).
 */
export function webhookEventIdentity(event: WebhookEvent): unknown[] {
  const meeting = field(event, 'meeting');
  const session = text(field(meeting, 'sessionId'));
  const participant = field(event, 'participant');
  const recording = field(event, 'recording');
  switch (event.event) {
    case 'meeting.started':
    case 'meeting.ended':
    case 'meeting.transcript':
    case 'meeting.summary':
      return [event.event, session, text(field(meeting, 'id'))];
    case 'meeting.participantJoined':
    case 'meeting.participantLeft':
      return [
        event.event,
        session,
        text(field(participant, 'peerId')),
        text(field(participant, event.event === 'meeting.participantJoined' ? 'joinedAt' : 'leftAt')),
      ];
    case 'meeting.chatSynced':
      return [event.event, text(field(event, 'sessionId')), text(field(event, 'meetingId'))];
    case 'recording.statusUpdate':
      return [
        event.event,
        ...['id', 'status', 'startedTime', 'stoppedTime'].map((name) => text(field(recording, name))),
      ];
    case 'livestreaming.statusUpdate':
      return [event.event, text(field(event, 'streamId')), text(field(event, 'status'))];
    default:
      return [event.event, canonical(event)];
  }
}

/** The store key of an event: `rtk-webhook:` and the SHA-256 of its identity, short enough for any store. */
export async function webhookEventKey(event: WebhookEvent): Promise<string> {
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(JSON.stringify(webhookEventIdentity(event))),
  );
  return `rtk-webhook:${Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export interface WebhookDeduper {
  /**
   * Claims the event: true the first time it is seen within the TTL (process it), false for a repeat (skip it).
   * Atomic when the store has `compareAndSet`, so two instances receiving the same event at once process it once.
   */
  claim(event: WebhookEvent): Promise<boolean>;
  /** Forgets a claim, so that a later delivery of the event is processed: after the handler failed. */
  release(event: WebhookEvent): Promise<void>;
}

export interface WebhookDeduperOptions {
  /** How long a claimed event is remembered (ms). Default 7 days. */
  ttlMs?: number;
}

/**
 * Remembers which events were processed, in the same stores as join tokens (`JoinTokenStore`: memory by default,
 * a D1 table, a Durable Object, Redis, KV). The value kept is `{"until": <ms since the epoch>}`: an entry past it is
 * claimed again, since the store contract has no TTL of its own (clear old keys with the store's own expiry where it
 * has one). Without `compareAndSet` (KV), a claim reads then writes: two instances receiving the same event in the
 * same instant may both process it.
 *
 * Nothing is signed with a time, so a captured delivery can be replayed; the deduper refuses it for the TTL.
 */
export function webhookDeduper(
  store: JoinTokenStore = memoryJoinTokenStore(),
  options: WebhookDeduperOptions = {},
): WebhookDeduper {
  const { ttlMs = WEBHOOK_DEDUPE_TTL_MS } = options ?? {};
  if (!['get', 'set', 'delete'].every((m) => typeof store?.[m as keyof JoinTokenStore] === 'function')) {
    throw new TypeError('webhookDeduper needs a store with get, set and delete (a JoinTokenStore)');
  }
  if (!(Number.isFinite(ttlMs) && ttlMs > 0)) throw new TypeError('ttlMs must be a positive number of milliseconds');
  const live = (value: string | null | undefined) => {
    try {
      const until = typeof value === 'string' ? (JSON.parse(value) as { until?: unknown })?.until : undefined;
      return typeof until === 'number' && until > Date.now();
    } catch {
      return false; // unreadable: not a claim of ours, take it over
    }
  };
  return {
    async claim(event) {
      const key = await webhookEventKey(event);
      const value = JSON.stringify({ until: Date.now() + ttlMs });
      const current = (await store.get(key)) ?? null;
      if (live(current)) return false;
      if (store.compareAndSet) return store.compareAndSet(key, current, value);
      await store.set(key, value);
      return true;
    },
    async release(event) {
      await store.delete(await webhookEventKey(event));
    },
  };
}
