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
  /**
   * Atomically replaces the value of `key` by `value` if it is `expected` (`null`: absent) and answers whether it did.
   * With it, a join claims the right to add before adding (write-ahead), so only one instance adds a user to a
   * meeting, however many share the store. A SQL row (`INSERT ... ON CONFLICT DO NOTHING`, `UPDATE ... WHERE value =`),
   * a Durable Object or Redis can; Workers KV cannot (it is a cache, eventually consistent, with no compare-and-set).
   * Without it, every first join looks the user up before adding: exact in one process only.
   */
  compareAndSet?(key: string, expected: string | null, value: string): Promise<boolean>;
  /**
   * True when the store never loses a key it was given (a SQL table, a Durable Object's storage): a first join then
   * trusts an absent key and skips the look-up. Memory (bounded, gone on restart) and caches are not durable.
   */
  readonly durable?: boolean;
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
   * How long a claim to add a user stands before another instance may take over (looking the user up first), in ms.
   * Longer than the client's timeout for one add. Default 60,000.
   */
  leaseMs?: number;
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
    compareAndSet: async (key, expected, value) => {
      if ((map.get(key) ?? null) !== expected) return false;
      map.delete(key);
      map.set(key, value);
      if (map.size > maxEntries) map.delete(map.keys().next().value as string);
      return true;
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

/**
 * A claim to add, written before the add: `claim` (its owner) is adding until `until` (ms since the epoch). An add
 * that failed, or whose outcome is unknown, leaves the claim expired (`until: 0`): the next claimant looks up first.
 */
interface Claim {
  claim: string;
  until: number;
}

const fingerprint = (wanted: Wanted) =>
  JSON.stringify([wanted.preset_name, wanted.name ?? null, wanted.picture ?? null]);
const encode = (remembered: Remembered) => JSON.stringify(remembered);
function decode(value: string | null | undefined): Remembered | Claim | undefined {
  if (!value) return undefined;
  if (!value.startsWith('{')) return { id: value }; // a bare participant ID: applied unknown, so edited once
  try {
    const parsed = JSON.parse(value) as Remembered & Claim;
    if (isId(parsed?.id)) {
      return { id: parsed.id, applied: typeof parsed.applied === 'string' ? parsed.applied : undefined };
    }
    if (typeof parsed?.claim === 'string' && typeof parsed.until === 'number') return parsed;
  } catch {}
  return { claim: '', until: 0 }; // unreadable: an expired claim, so the next join looks the user up
}
const isClaim = (record: Remembered | Claim | undefined): record is Claim => !!record && 'claim' in record;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let instances = 0;

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
  const { client, preset, store = memoryJoinTokenStore(), defaultName = 'Participant', leaseMs = 60_000 } = options;
  check(Number.isInteger(leaseMs) && leaseMs > 0, 'leaseMs must be a positive whole number of milliseconds');
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
  check(
    store.compareAndSet === undefined || typeof store.compareAndSet === 'function',
    'store.compareAndSet must be a function when given',
  );
  const cas = store.compareAndSet?.bind(store);
  const inFlight = new Map<string, Promise<JoinResult>>();
  // who claims: this instance, unique across processes and isolates sharing the store
  const me = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}-${++instances}`;
  let claims = 0;

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
  async function update(
    meetingId: string,
    key: string,
    id: string,
    wanted: Wanted,
    applied: string | undefined,
    current: string | null,
    withToken: boolean,
  ): Promise<JoinResult> {
    const now = fingerprint(wanted);
    if (applied !== now) {
      // null clears a picture the user no longer has; a name is always sent
      await client.participants.edit(meetingId, id, {
        preset_name: wanted.preset_name,
        name: wanted.name,
        picture: wanted.picture ?? null,
      });
      await remember(key, current, encode({ id, applied: now }));
    }
    if (!withToken) return { token: '', participantId: id, created: false };
    const { token } = await client.participants.refreshToken(meetingId, id);
    return { token, participantId: id, created: false };
  }

  /** Writes `value` over `current` (what this join read or claimed): compare-and-set when the store can. */
  async function remember(key: string, current: string | null, value: string) {
    if (cas) await cas(key, current, value);
    else await store.set(key, value);
  }

  /** Adds the participant under a claim this join holds (`claimed`), looking the user up first when `lookFirst`. */
  async function addClaimed(
    meetingId: string,
    user: U,
    key: string,
    wanted: Wanted,
    claimed: string,
    lookFirst: boolean,
    withToken: boolean,
  ): Promise<JoinResult> {
    let added: { id: string; token: string };
    try {
      const found = lookFirst ? await lookUp(meetingId, user.id) : undefined;
      if (found) return await update(meetingId, key, found, wanted, undefined, claimed, withToken);
      added = await client.participants.add(meetingId, { custom_participant_id: user.id, ...wanted });
    } catch (error) {
      // the add was never sent (the rate budget refused it) after a fresh claim: nothing to find, so no look-up next
      if (!lookFirst && error instanceof RealtimeKitError && error.kind === 'rate_limited') {
        await store.delete(key).catch(() => {}); // our claim, within its lease
        throw error;
      }
      // created or not, nobody knows for sure (a 5xx, a timeout, a cut connection): an expired claim in the store
      // says so, and whoever joins next looks the user up before adding
      await cas?.(key, claimed, JSON.stringify({ claim: me, until: 0 } satisfies Claim)).catch(() => false);
      throw error;
    }
    await remember(key, claimed, encode({ id: added.id, applied: fingerprint(wanted) }));
    return { token: withToken ? added.token : '', participantId: added.id, created: true };
  }

  /** The claim protocol: read; refresh a remembered participant, wait out another's claim, or claim and add. */
  async function joinClaimed(
    meetingId: string,
    user: U,
    key: string,
    wanted: Wanted,
    withToken: boolean,
  ): Promise<JoinResult> {
    const write = cas as NonNullable<typeof cas>;
    let wait = 20;
    for (;;) {
      const raw = (await store.get(key)) ?? null;
      const record = decode(raw);
      let lookFirst = !store.durable;
      if (record && !isClaim(record)) {
        try {
          return await update(meetingId, key, record.id, wanted, record.applied, raw, withToken);
        } catch (error) {
          if (!isStatus(error, 404)) throw error;
          lookFirst = false; // gone: claim and add again
        }
      } else if (record) {
        const left = record.until - Date.now();
        if (left > 0) {
          await sleep(Math.min(left, wait)); // another instance is adding: its result, or the lease's end
          wait = Math.min(wait * 2, 500);
          continue;
        }
        lookFirst = true; // an expired claim: its add may have created the participant
      }
      const claimed = JSON.stringify({ claim: `${me}-${++claims}`, until: Date.now() + leaseMs } satisfies Claim);
      if (!(await write(key, raw, claimed))) continue; // another instance moved first: read again
      return addClaimed(meetingId, user, key, wanted, claimed, lookFirst, withToken);
    }
  }

  async function join(meetingId: string, user: U, key: string, withToken: boolean): Promise<JoinResult> {
    const wanted = await decide(user, meetingId);
    if (cas) return joinClaimed(meetingId, user, key, wanted, withToken);
    const raw = (await store.get(key)) ?? null;
    const decoded = decode(raw);
    const remembered = isClaim(decoded) ? undefined : decoded;
    let gone = false;
    if (remembered) {
      try {
        return await update(meetingId, key, remembered.id, wanted, remembered.applied, raw, withToken);
      } catch (error) {
        if (!isStatus(error, 404)) throw error;
        await store.delete(key); // gone: add it again below
        gone = true;
      }
    }
    // nothing remembered: the user may still be there (an add that timed out, a store that forgot or restarted)
    const found = gone ? undefined : await lookUp(meetingId, user.id);
    if (found) return update(meetingId, key, found, wanted, undefined, null, withToken);
    const added = await client.participants.add(meetingId, { custom_participant_id: user.id, ...wanted });
    await store.set(key, encode({ id: added.id, applied: fingerprint(wanted) }));
    return { token: withToken ? added.token : '', participantId: added.id, created: true };
  }

  const checkArguments = (meetingId: string, user: U) => {
    check(isId(meetingId), 'meetingId must be a non-empty string');
    check(
      isPlainObject(user as unknown) && isId(user.id) && isOptionalString(user.name) && isOptionalString(user.picture),
      'user must be { id, name?, picture? } with a non-empty id',
    );
    return `${client.scope}:${meetingId}:${user.id}`;
  };

  /** One user's join or preparation at a time in this process: a join waits for a preparation of the same user. */
  function once(key: string, run: () => Promise<JoinResult>) {
    const pending = (inFlight.get(key) ?? Promise.resolve()).catch(() => undefined).then(run);
    const settled = pending.finally(() => {
      if (inFlight.get(key) === settled) inFlight.delete(key);
    });
    inFlight.set(key, settled);
    return settled;
  }

  /**
   * Adds (or brings up to date) the participants of a meeting ahead of its start, at most `concurrency` (default 4)
   * calls at a time, so that each user's first join then costs one call, the token refresh. No token is made or kept:
   * tokens are secrets, made at the join for the browser that joins (RealtimeKit advises against re-using them across
   * sessions). Never throws for one user: each result says `ok` with the participant, or the error.
   */
  async function prepare(meetingId: string, users: readonly U[], prepareOptions: { concurrency?: number } = {}) {
    const { concurrency = 4 } = prepareOptions;
    check(Number.isInteger(concurrency) && concurrency > 0, 'concurrency must be a positive whole number');
    check(Array.isArray(users), 'users must be an array of { id, name?, picture? }');
    const keys = users.map((user) => checkArguments(meetingId, user));
    const results: PreparedUser[] = new Array(users.length);
    let next = 0;
    const worker = async () => {
      while (next < users.length) {
        const i = next++;
        const user = users[i] as U;
        try {
          const { participantId, created } = await once(keys[i] as string, () =>
            join(meetingId, user, keys[i] as string, false),
          );
          results[i] = { userId: user.id, ok: true, participantId, created };
        } catch (error) {
          results[i] = { userId: user.id, ok: false, error };
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, users.length) }, worker));
    return results;
  }

  /** The join token of `user` for `meetingId`, adding the participant on the first join only. */
  async function joinToken(meetingId: string, user: U): Promise<JoinResult> {
    const key = checkArguments(meetingId, user);
    const pending = inFlight.get(key);
    // concurrent joins share one call; a join after a preparation waits for it, then joins
    if (pending && joining.has(pending)) return pending;
    const started = once(key, () => join(meetingId, user, key, true));
    joining.add(started);
    return started;
  }
  const joining = new WeakSet<Promise<JoinResult>>();
  return Object.assign(joinToken, { prepare });
}

/** One user's outcome of `prepare`. */
export type PreparedUser =
  | { userId: string; ok: true; participantId: string; created: boolean }
  | { userId: string; ok: false; error: unknown };
