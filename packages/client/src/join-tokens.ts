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
 * Where each (meeting, user)'s participant is remembered between joins, with what was last applied to it. Async, so
 * that Workers KV, Redis or a SQL row fit in a few lines; the default keeps it in memory, for one process. The value
 * is opaque: store it as it is given.
 */
export interface JoinTokenStore {
  get(key: string): Promise<string | null | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface JoinTokensOptions<U extends JoinUser = JoinUser> {
  /** A server-side client (it holds the API token). */
  client: Pick<RealtimeKitClient, 'participants' | 'scope'>;
  /**
   * The preset each user joins with, decided on the server on every join: a name, or a function of your user and the
   * meeting. When it changes (a host demoted), the next join applies it before handing out a token.
   */
  preset: string | ((user: U, meetingId: string) => string | Promise<string>);
  /** Default: in memory, at most 10,000 entries. */
  store?: JoinTokenStore;
  /**
   * The name of a user who has none. Default `Participant`: RealtimeKit's media server refuses the token of a
   * participant added without a name (cloudflare-typescript#2737, "always pass a name"), and a neutral word shows
   * the other participants nothing of your user (not their ID).
   */
  defaultName?: string;
}

export interface JoinResult {
  /** The join token for this user's browser. A secret: send it to that browser only, never log it. */
  token: string;
  participantId: string;
  /** Whether this join added the participant (else it brought the one added before up to date). */
  created: boolean;
}

/**
 * A JoinTokenStore in a Map, for one process, keeping the `maxEntries` (default 10,000) most recently used entries.
 * Forgetting is safe: a join that finds nothing looks the user up in the meeting before adding.
 */
export function memoryJoinTokenStore(options: { maxEntries?: number } = {}): JoinTokenStore {
  const { maxEntries = 10_000 } = options;
  check(Number.isInteger(maxEntries) && maxEntries > 0, 'maxEntries must be a positive whole number');
  const map = new Map<string, string>();
  return {
    get: async (key) => {
      const value = map.get(key);
      if (value !== undefined) {
        map.delete(key); // most recently used last
        map.set(key, value);
      }
      return value;
    },
    set: async (key, value) => {
      map.delete(key);
      map.set(key, value);
      if (map.size > maxEntries) map.delete(map.keys().next().value as string);
    },
    delete: async (key) => {
      map.delete(key);
    },
  };
}

/** What a join applies to the participant, decided on the server each time. */
interface Wanted {
  preset_name: string;
  name: string;
  picture?: string;
}

/** A stored value: the participant ID and a fingerprint of what was last applied to it (a plain ID before 0.x). */
interface Remembered {
  id: string;
  applied?: string;
}

const fingerprint = (wanted: Wanted) =>
  JSON.stringify([wanted.preset_name, wanted.name ?? null, wanted.picture ?? null]);
const encode = (remembered: Remembered) => JSON.stringify(remembered);
function decode(value: string | null | undefined): Remembered | undefined {
  if (!value) return undefined;
  if (!value.startsWith('{')) return { id: value }; // a bare participant ID: applied unknown, so edited once
  try {
    const parsed = JSON.parse(value) as Remembered;
    if (isId(parsed?.id))
      return { id: parsed.id, applied: typeof parsed.applied === 'string' ? parsed.applied : undefined };
  } catch {}
  return undefined; // unreadable: looked up in the meeting, as if nothing were remembered
}

const isStatus = (error: unknown, status: number) => error instanceof RealtimeKitError && error.status === status;
const isOptionalString = (value: unknown) => value === undefined || typeof value === 'string';

/**
 * Join tokens without duplicate participants, always up to date with what the server decides. The first join of a
 * user to a meeting looks the user up by `custom_participant_id` and adds a participant only when there is none (an
 * add whose outcome was unknown, or a store that forgot, never makes a second one); later joins refresh its token.
 * The preset, name and picture are decided on every join: when they differ from what was last applied, the
 * participant is edited before its token is refreshed. A participant that is gone (404) is added again. Concurrent
 * joins of one user to one meeting share one call.
 *
 * API calls per join: warm and unchanged 1 (refresh); warm and changed 2 (edit, refresh); first join 2 (one page of
 * the participant list, add), plus a page per 100 participants the meeting already holds.
 */
export function createJoinTokens<U extends JoinUser = JoinUser>(options: JoinTokensOptions<U>) {
  check(isPlainObject(options as unknown), 'createJoinTokens needs { client, preset, store? }');
  const { client, preset, store = memoryJoinTokenStore(), defaultName = 'Participant' } = options;
  check(typeof defaultName === 'string' && defaultName !== '', 'defaultName must be a non-empty string');
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

  /** The preset, name and picture to apply: a server fault (a TypeError, not the caller's) when preset() gives none. */
  async function decide(user: U, meetingId: string): Promise<Wanted> {
    const presetName = typeof preset === 'string' ? preset : await preset(user, meetingId);
    if (typeof presetName !== 'string' || presetName === '') {
      throw new TypeError(
        `preset() returned ${presetName === '' ? 'an empty string' : typeof presetName} for meeting ${meetingId}: it must return a preset name`,
      );
    }
    return { preset_name: presetName, name: user.name || defaultName, picture: user.picture };
  }

  async function lookUp(meetingId: string, userId: string) {
    for await (const participant of client.participants.listAll(meetingId, { per_page: 100 })) {
      if (participant.custom_participant_id === userId) return participant.id;
    }
    return undefined;
  }

  /** Edits the participant when what was last applied differs, remembers it, then refreshes its token. */
  async function update(meetingId: string, key: string, id: string, wanted: Wanted, applied: string | undefined) {
    const now = fingerprint(wanted);
    if (applied !== now) {
      // null clears a picture the user no longer has; a name is always sent
      await client.participants.edit(meetingId, id, {
        preset_name: wanted.preset_name,
        name: wanted.name,
        picture: wanted.picture ?? null,
      });
      await store.set(key, encode({ id, applied: now }));
    }
    const { token } = await client.participants.refreshToken(meetingId, id);
    return { token, participantId: id, created: false };
  }

  async function join(meetingId: string, user: U, key: string): Promise<JoinResult> {
    const wanted = await decide(user, meetingId);
    const remembered = decode(await store.get(key));
    let gone = false;
    if (remembered) {
      try {
        return await update(meetingId, key, remembered.id, wanted, remembered.applied);
      } catch (error) {
        if (!isStatus(error, 404)) throw error;
        await store.delete(key); // gone: add it again below
        gone = true;
      }
    }
    // nothing remembered: the user may still be there (an add that timed out, a store that forgot or restarted)
    const found = gone ? undefined : await lookUp(meetingId, user.id);
    if (found) return update(meetingId, key, found, wanted, undefined);
    const added = await client.participants.add(meetingId, { custom_participant_id: user.id, ...wanted });
    await store.set(key, encode({ id: added.id, applied: fingerprint(wanted) }));
    return { token: added.token, participantId: added.id, created: true };
  }

  /** The join token of `user` for `meetingId`, adding the participant on the first join only. */
  return async function joinToken(meetingId: string, user: U): Promise<JoinResult> {
    check(isId(meetingId), 'meetingId must be a non-empty string');
    check(
      isPlainObject(user as unknown) && isId(user.id) && isOptionalString(user.name) && isOptionalString(user.picture),
      'user must be { id, name?, picture? } with a non-empty id',
    );
    const key = `${client.scope}:${meetingId}:${user.id}`;
    let pending = inFlight.get(key);
    if (!pending) {
      pending = join(meetingId, user, key).finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return pending;
  };
}
