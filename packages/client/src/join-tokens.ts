import type { RealtimeKitClient } from './client';
import { RealtimeKitError } from './errors';
import { check, isId, isPlainObject } from './validate-input';

/** Who is joining: your app's user. `id` becomes the participant's `custom_participant_id`. */
export interface JoinUser {
  id: string;
  name?: string;
  picture?: string;
}

/**
 * Where the participant of each (meeting, user) is remembered between joins: its ID and what was last applied to it
 * (preset, name, picture), as short text the SDK writes and reads back (treat it as opaque). Async, so that Workers
 * KV, Redis or a SQL row fit in a few lines; the default keeps it in memory, for one process.
 */
export interface JoinTokenStore {
  get(key: string): Promise<string | null | undefined>;
  set(key: string, participantId: string): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * True when the store may have dropped what it was given (a bounded cache, an eventually consistent store such as
   * Workers KV): then a miss is not proof of a first join, and every add is preceded by a look-up of the user.
   */
  mayForget?(): boolean;
}

export interface JoinTokensOptions<U extends JoinUser = JoinUser> {
  /** A server-side client (it holds the API token). */
  client: Pick<RealtimeKitClient, 'participants' | 'scope'>;
  /** The preset each user joins with, decided on the server: a name, or a function of your user and the meeting. */
  preset: string | ((user: U, meetingId: string) => string | Promise<string>);
  /** Default: in memory. */
  store?: JoinTokenStore;
}

export interface JoinResult {
  /** The join token for this user's browser. A secret: send it to that browser only, never log it. */
  token: string;
  participantId: string;
  /** Whether this join added the participant (else it refreshed the token of the one added before). */
  created: boolean;
}

/**
 * A JoinTokenStore in a Map, for one process, holding at most `maxEntries` (default 10,000) users: past that, the
 * least recently joined is forgotten, and from then on every first join of a user looks the user up in the meeting
 * before adding (one list call more), so a forgotten user is never added twice.
 */
export function memoryJoinTokenStore(options: { maxEntries?: number } = {}): JoinTokenStore {
  const { maxEntries = 10_000 } = options;
  check(Number.isInteger(maxEntries) && maxEntries > 0, 'maxEntries must be a positive whole number');
  const map = new Map<string, string>();
  let forgot = false;
  return {
    mayForget: () => forgot,
    get: async (key) => {
      const value = map.get(key);
      if (value !== undefined) {
        // most recently used last: a Map iterates in insertion order
        map.delete(key);
        map.set(key, value);
      }
      return value;
    },
    set: async (key, value) => {
      map.delete(key);
      map.set(key, value);
      if (map.size > maxEntries) {
        map.delete(map.keys().next().value as string);
        forgot = true;
      }
    },
    delete: async (key) => {
      map.delete(key);
    },
  };
}

/** What a join applies to a participant. */
interface Applied {
  preset_name: string;
  name?: string | undefined;
  picture?: string | undefined;
}
/** A participant as the store remembers it: its ID and the fingerprint of what was last applied (unknown: undefined). */
interface Remembered {
  id: string;
  applied: string | undefined;
}
const fingerprint = (applied: Applied) => JSON.stringify([applied.preset_name, applied.name, applied.picture]);
const remember = (id: string, applied: Applied) => JSON.stringify({ id, applied: fingerprint(applied) });
/** The store's text back as a participant; a bare participant ID (written by an earlier version) has applied unknown. */
function parseRemembered(value: string | null | undefined): Remembered | undefined {
  if (!value) return undefined;
  if (!value.startsWith('{')) return { id: value, applied: undefined };
  try {
    const parsed = JSON.parse(value) as { id?: unknown; applied?: unknown };
    if (typeof parsed.id === 'string' && parsed.id !== '') {
      return { id: parsed.id, applied: typeof parsed.applied === 'string' ? parsed.applied : undefined };
    }
  } catch {}
  return undefined; // unreadable: the join looks the user up before adding
}

const isStatus = (error: unknown, status: number) => error instanceof RealtimeKitError && error.status === status;
/** An add that may have reached the server: its outcome is unknown, so it must not be repeated blindly. */
const outcomeUnknown = (error: unknown) =>
  error instanceof RealtimeKitError &&
  (error.kind === 'timeout' ||
    (error.kind === 'network' && !/refused/.test(error.message)) ||
    // a server error may come after the participant was created
    (error.kind === 'http' && (error.status ?? 0) >= 500));

/**
 * Join tokens without duplicate participants: the first join of a user to a meeting adds a participant whose
 * `custom_participant_id` is the user's ID and remembers its ID; later joins refresh that participant's token. Every
 * join decides the preset, name and picture anew, and a participant whose preset, name or picture changed since the
 * last join is edited instead (the edit answers a token: still one call), so a demoted host joins as what they are
 * now. A participant that is gone (404) is added again. Concurrent joins of one user to one meeting share one call.
 * An add whose outcome is unknown (a timeout, a connection dropped after sending, a 5xx) is never repeated blindly:
 * the next join first looks the user up in the meeting's participants.
 */
export function createJoinTokens<U extends JoinUser = JoinUser>(options: JoinTokensOptions<U>) {
  check(isPlainObject(options as unknown), 'createJoinTokens needs { client, preset, store? }');
  const { client, preset, store = memoryJoinTokenStore() } = options;
  check(typeof client?.participants?.add === 'function', 'client must be a client from createRealtimeKitClient');
  check(
    typeof preset === 'string' ? preset !== '' : typeof preset === 'function',
    'preset must be a name or a function',
  );
  check(
    ['get', 'set', 'delete'].every((m) => typeof store?.[m as keyof JoinTokenStore] === 'function'),
    'store needs get, set and delete',
  );
  const inFlight = new Map<string, Promise<JoinResult>>();
  /** Keys whose last add may have created a participant we never heard back about. */
  const uncertain = new Set<string>();

  /** What a join applies to the participant, decided anew on every join: a change reaches it before the token. */
  async function decide(user: U, meetingId: string): Promise<Applied> {
    const presetName = typeof preset === 'string' ? preset : await preset(user, meetingId);
    if (typeof presetName !== 'string' || presetName === '') {
      throw new RealtimeKitError(
        'invalid_argument',
        `createJoinTokens: preset(user, meetingId) must return a preset name, not ${presetName === '' ? 'an empty string' : typeof presetName}`,
        { operationId: 'join' },
      );
    }
    // undefined ones are left out of the JSON (and so left as they are on an existing participant)
    return { preset_name: presetName, name: user.name, picture: user.picture };
  }

  /** A remembered participant brought up to date: its token refreshed, or, when what it was given changed, edited. */
  async function update(meetingId: string, remembered: Remembered, wanted: Applied, key: string): Promise<JoinResult> {
    const participantId = remembered.id;
    if (remembered.applied === fingerprint(wanted)) {
      const { token } = await client.participants.refreshToken(meetingId, participantId);
      return { token, participantId, created: false };
    }
    // the edit answers the participant with a token: one call either way
    const { token } = await client.participants.edit(meetingId, participantId, wanted);
    await store.set(key, remember(participantId, wanted));
    return { token, participantId, created: false };
  }

  /** The user's participant in the meeting, if there is one, remembered with what it already has. */
  async function lookUp(meetingId: string, userId: string, wanted: Applied): Promise<Remembered | undefined> {
    for await (const participant of client.participants.listAll(meetingId)) {
      if (participant.custom_participant_id !== userId) continue;
      const current = participant as { preset_name?: unknown; name?: unknown; picture?: unknown };
      const same =
        current.preset_name === wanted.preset_name &&
        (wanted.name === undefined || current.name === wanted.name) &&
        (wanted.picture === undefined || current.picture === wanted.picture);
      return { id: participant.id, applied: same ? fingerprint(wanted) : undefined };
    }
    return undefined;
  }

  async function join(meetingId: string, user: U, key: string): Promise<JoinResult> {
    const wanted = await decide(user, meetingId);
    const stored = await store.get(key);
    const remembered = parseRemembered(stored);
    if (remembered) {
      try {
        return await update(meetingId, remembered, wanted, key);
      } catch (error) {
        if (!isStatus(error, 404)) throw error;
        await store.delete(key); // gone: add it again below
      }
    }
    if (uncertain.has(key) || (!remembered && (!!stored || store.mayForget?.()))) {
      const found = await lookUp(meetingId, user.id, wanted);
      uncertain.delete(key);
      if (found) {
        // one that already has what is wanted is remembered now; another is remembered by update, once edited
        if (found.applied) await store.set(key, remember(found.id, wanted));
        return update(meetingId, found, wanted, key);
      }
    }
    let added: Awaited<ReturnType<JoinTokensOptions['client']['participants']['add']>>;
    try {
      added = await client.participants.add(meetingId, { custom_participant_id: user.id, ...wanted });
    } catch (error) {
      if (outcomeUnknown(error)) uncertain.add(key);
      throw error;
    }
    await store.set(key, remember(added.id, wanted));
    return { token: added.token, participantId: added.id, created: true };
  }

  /** The join token of `user` for `meetingId`, adding the participant on the first join only. */
  return async function joinToken(meetingId: string, user: U): Promise<JoinResult> {
    check(isId(meetingId), 'meetingId must be a non-empty string');
    check(isPlainObject(user as unknown) && isId(user.id), 'user must be { id, name?, picture? } with a non-empty id');
    const key = `${client.scope}:${meetingId}:${user.id}`;
    let pending = inFlight.get(key);
    if (!pending) {
      pending = join(meetingId, user, key).finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return pending;
  };
}
