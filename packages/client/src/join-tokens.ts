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
 * Where the participant ID of each (meeting, user) is remembered between joins. Async, so that Workers KV, Redis or
 * a SQL row fit in a few lines; the default keeps it in memory, for one process.
 */
export interface JoinTokenStore {
  get(key: string): Promise<string | null | undefined>;
  set(key: string, participantId: string): Promise<void>;
  delete(key: string): Promise<void>;
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

/** A JoinTokenStore in a Map, for one process. */
export function memoryJoinTokenStore(): JoinTokenStore {
  const map = new Map<string, string>();
  return {
    get: async (key) => map.get(key),
    set: async (key, value) => {
      map.set(key, value);
    },
    delete: async (key) => {
      map.delete(key);
    },
  };
}

const isStatus = (error: unknown, status: number) => error instanceof RealtimeKitError && error.status === status;
/** An add that may have reached the server: its outcome is unknown, so it must not be repeated blindly. */
const outcomeUnknown = (error: unknown) =>
  error instanceof RealtimeKitError &&
  (error.kind === 'timeout' || (error.kind === 'network' && !/refused/.test(error.message)));

/**
 * Join tokens without duplicate participants: the first join of a user to a meeting adds a participant whose
 * `custom_participant_id` is the user's ID and remembers its ID; later joins refresh that participant's token. A
 * participant that is gone (404) is added again. Concurrent joins of one user to one meeting share one call. An add
 * whose outcome is unknown (a timeout, a connection dropped after sending) is never repeated blindly: the next join
 * first looks the user up in the meeting's participants.
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

  async function refresh(meetingId: string, participantId: string): Promise<JoinResult> {
    const { token } = await client.participants.refreshToken(meetingId, participantId);
    return { token, participantId, created: false };
  }

  async function lookUp(meetingId: string, userId: string) {
    for await (const participant of client.participants.listAll(meetingId)) {
      if (participant.custom_participant_id === userId) return participant.id;
    }
    return undefined;
  }

  async function join(meetingId: string, user: U, key: string): Promise<JoinResult> {
    const remembered = await store.get(key);
    if (remembered) {
      try {
        return await refresh(meetingId, remembered);
      } catch (error) {
        if (!isStatus(error, 404)) throw error;
        await store.delete(key); // gone: add it again below
      }
    }
    if (uncertain.has(key)) {
      const found = await lookUp(meetingId, user.id);
      uncertain.delete(key);
      if (found) {
        await store.set(key, found);
        return refresh(meetingId, found);
      }
    }
    const presetName = typeof preset === 'string' ? preset : await preset(user, meetingId);
    let added: Awaited<ReturnType<JoinTokensOptions['client']['participants']['add']>>;
    try {
      added = await client.participants.add(meetingId, {
        custom_participant_id: user.id,
        preset_name: presetName,
        // undefined ones are left out of the JSON
        name: user.name,
        picture: user.picture,
      });
    } catch (error) {
      if (outcomeUnknown(error)) uncertain.add(key);
      throw error;
    }
    await store.set(key, added.id);
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
