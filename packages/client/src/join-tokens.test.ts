import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startParticipantsServer } from '../test-support/participants-server';
import { ACCOUNT, APP, MEETING, TOKEN } from '../test-support/recording-fetch';
import { rejection } from '../test-support/rejection';
import { createRealtimeKitClient } from './create-client';
import { createJoinTokens, type JoinTokenStore, memoryJoinTokenStore } from './join-tokens';

let server: Awaited<ReturnType<typeof startParticipantsServer>>;
beforeAll(async () => {
  server = await startParticipantsServer();
});
afterAll(() => server.close());
afterEach(() => {
  for (const key of Object.keys(server.calls) as (keyof typeof server.calls)[]) server.calls[key] = 0;
});

let meetings = 0;
/** A meeting of its own per test, so that no test sees another's participants. */
const meeting = () => `${MEETING.slice(0, -4)}${String(++meetings).padStart(4, '0')}`;
const client = (timeoutMs = 5_000) =>
  createRealtimeKitClient({ apiToken: TOKEN, accountId: ACCOUNT, appId: APP, baseUrl: server.url, timeoutMs });
/** A client whose every request goes to `fetch`, scripted by the test, with no retries. */
const scripted = (fetch: (request: Request) => Promise<Response>) =>
  createRealtimeKitClient({ apiToken: TOKEN, accountId: ACCOUNT, appId: APP, maxRetries: 0, fetch });
const ada = { id: 'user-ada', name: 'Ada Lovelace' };
const EMPTY = { total_count: 0, start_offset: 0, end_offset: 0 };

describe('createJoinTokens', () => {
  it('100 concurrent joins of one user to one meeting make exactly one add, and share its token', async () => {
    const join = createJoinTokens({ client: client(), preset: 'group_call_participant' });
    const id = meeting();
    const results = await Promise.all(Array.from({ length: 100 }, () => join(id, ada)));
    expect(server.calls).toEqual({ add: 1, refresh: 0, list: 1, edit: 0, delete: 0 });
    expect(new Set(results.map((r) => r.token)).size).toBe(1);
    expect(results[0]).toMatchObject({ created: true });
    expect(server.participants(id)).toEqual([
      {
        id: results[0]!.participantId,
        custom_participant_id: 'user-ada',
        preset_name: 'group_call_participant',
        name: 'Ada Lovelace',
      },
    ]);
  });

  it('a later join refreshes the token of the participant it added: no second add', async () => {
    const join = createJoinTokens({ client: client(), preset: 'group_call_participant' });
    const id = meeting();
    const first = await join(id, ada);
    const second = await join(id, ada);
    expect(server.calls).toEqual({ add: 1, refresh: 1, list: 1, edit: 0, delete: 0 });
    expect(second).toEqual({
      token: expect.not.stringMatching(first.token),
      participantId: first.participantId,
      created: false,
    });
  });

  it('re-adds a participant that was deleted, once, and remembers the new one', async () => {
    const store = memoryJoinTokenStore();
    const rtk = client();
    const join = createJoinTokens({ client: rtk, preset: 'group_call_participant', store });
    const id = meeting();
    const first = await join(id, ada);
    await rtk.participants.delete(id, first.participantId);
    const again = await join(id, ada);
    const third = await join(id, ada);
    expect(again).toMatchObject({ created: true });
    expect(again.participantId).not.toBe(first.participantId);
    expect(third).toMatchObject({ created: false, participantId: again.participantId });
    expect(server.calls).toMatchObject({ add: 2, refresh: 2 });
    expect(JSON.parse((await store.get(`${rtk.scope}:${id}:${ada.id}`)) as string).id).toBe(again.participantId);
  });

  it('after an add that timed out, the next join finds the participant it made instead of adding another', async () => {
    const join = createJoinTokens({ client: client(300), preset: 'group_call_participant' });
    const id = meeting();
    await join(id, { id: 'user-bob' }); // listed first: the look-up must pass over him
    server.hangNextAdds(1);
    const error = await rejection(join(id, ada));
    expect(error.kind).toBe('timeout');
    expect(server.participants(id)).toHaveLength(2); // it did reach the server
    const result = await join(id, ada);
    expect(result).toMatchObject({ created: false, participantId: server.participants(id)[1]!.id });
    // bob's first join, ada's, and the one after the timeout each looked up; the found participant is edited once
    expect(server.calls).toEqual({ add: 2, refresh: 1, list: 3, edit: 1, delete: 0 });
    expect(server.participants(id)).toHaveLength(2);
  });

  it('decides the preset on the server, per user and meeting, and takes any store that has get, set and delete', async () => {
    const saved = new Map<string, string>();
    const store: JoinTokenStore = {
      get: async (key) => saved.get(key) ?? null,
      set: async (key, value) => void saved.set(key, value),
      delete: async (key) => void saved.delete(key),
    };
    const seen: string[] = [];
    const join = createJoinTokens({
      client: client(),
      preset: (user, meetingId) => {
        seen.push(`${user.id}@${meetingId}`);
        return user.id === 'user-host' ? 'group_call_host' : 'group_call_participant';
      },
      store,
    });
    const id = meeting();
    await join(id, { id: 'user-host' });
    await join(id, ada);
    expect(server.participants(id).map((p) => [p.custom_participant_id, p.preset_name])).toEqual([
      ['user-host', 'group_call_host'],
      ['user-ada', 'group_call_participant'],
    ]);
    expect(seen).toEqual([`user-host@${id}`, `user-ada@${id}`]);
    expect(saved.size).toBe(2);
  });

  it('refuses bad input with a typed error before anything is sent', async () => {
    const join = createJoinTokens({ client: client(), preset: 'p' });
    expect((await rejection(join('', ada))).message).toBe('invalid_argument: meetingId must be a non-empty string');
    for (const user of [{ id: '' }, { name: 'no id' }, null]) {
      expect((await rejection(join(meeting(), user as never))).message).toBe(
        'invalid_argument: user must be { id, name?, picture? } with a non-empty id',
      );
    }
    expect(() => createJoinTokens({ client: client(), preset: '' })).toThrow('preset must be a name or a function');
    expect(server.calls).toEqual({ add: 0, refresh: 0, list: 0, edit: 0, delete: 0 });
  });

  it('refuses a setup that cannot work, each with what to pass instead', () => {
    const refusal = (create: () => unknown) => {
      try {
        create();
      } catch (error) {
        return (error as Error).message;
      }
      return 'created';
    };
    expect(refusal(() => createJoinTokens(undefined as never))).toBe(
      'invalid_argument: createJoinTokens needs { client, preset, store? }',
    );
    for (const notAClient of [{}, undefined, { participants: null }]) {
      expect(refusal(() => createJoinTokens({ client: notAClient as never, preset: 'p' }))).toBe(
        'invalid_argument: client must be a client from createRealtimeKitClient',
      );
    }
    expect(refusal(() => createJoinTokens({ client: client(), preset: 3 as never }))).toBe(
      'invalid_argument: preset must be a name or a function',
    );
    const partial = { get: async () => null, set: async () => {} } as never;
    for (const store of [partial, null as never, { ...memoryJoinTokenStore(), delete: 'no' } as never]) {
      expect(refusal(() => createJoinTokens({ client: client(), preset: 'p', store }))).toBe(
        'invalid_argument: store needs get, set and delete',
      );
    }
    expect(refusal(() => createJoinTokens({ client: client(), preset: () => 'p' }))).toBe('created');
  });

  it('sends name and picture when the user has them; without a name, the default name (no picture key)', async () => {
    const sent: string[] = [];
    const rtk = createRealtimeKitClient({
      apiToken: TOKEN,
      accountId: ACCOUNT,
      appId: APP,
      fetch: async (request) => {
        if (request.method === 'GET') return Response.json({ success: true, data: [], paging: EMPTY });
        sent.push(await request.clone().text());
        return Response.json({ success: true, data: { id: 'p-1', token: 'tok' } }, { status: 201 });
      },
    });
    const join = createJoinTokens({ client: rtk, preset: 'p' });
    await join(meeting(), { id: 'u1' });
    await join(meeting(), { id: 'u2', name: 'Ada', picture: 'https://example.com/ada.png' });
    expect(sent.map((body) => JSON.parse(body))).toEqual([
      { custom_participant_id: 'u1', preset_name: 'p', name: 'Participant' },
      { custom_participant_id: 'u2', preset_name: 'p', name: 'Ada', picture: 'https://example.com/ada.png' },
    ]);
  });

  it('an add that failed in any way is never repeated blindly: the next join looks the user up first', async () => {
    const calls: string[] = [];
    let failWith: string | undefined;
    const rtk = scripted(async (request) => {
      calls.push(`${request.method} ${new URL(request.url).pathname.split('/meetings/')[1]}`);
      if (request.method === 'POST' && failWith) {
        const code = failWith;
        failWith = undefined;
        throw Object.assign(new TypeError('fetch failed'), { cause: { code } });
      }
      if (request.method === 'GET') return Response.json({ success: true, data: [], paging: EMPTY });
      return Response.json({ success: true, data: { id: 'p-1', token: 'tok' } }, { status: 201 });
    });
    const join = createJoinTokens({ client: rtk, preset: 'p' });
    for (const code of ['ECONNREFUSED', 'ECONNRESET']) {
      calls.length = 0;
      failWith = code;
      const id = meeting();
      expect((await rejection(join(id, ada))).kind).toBe('network');
      await join(id, ada);
      expect(calls).toEqual([
        `GET ${id}/participants`,
        `POST ${id}/participants`,
        `GET ${id}/participants`,
        `POST ${id}/participants`,
      ]);
    }
  });

  it('an add the API refused (4xx) is passed on; the next join looks up, finds nobody and adds', async () => {
    const calls: string[] = [];
    let refuse = true;
    const rtk = scripted(async (request) => {
      calls.push(request.method);
      if (request.method === 'GET') return Response.json({ success: true, data: [], paging: EMPTY });
      if (refuse) {
        refuse = false;
        return Response.json({ success: false, error: { code: 422, message: 'preset not found' } }, { status: 422 });
      }
      return Response.json({ success: true, data: { id: 'p-1', token: 'tok' } }, { status: 201 });
    });
    const join = createJoinTokens({ client: rtk, preset: 'p' });
    const id = meeting();
    expect(await rejection(join(id, ada))).toMatchObject({ kind: 'http', status: 422 });
    expect(await join(id, ada)).toMatchObject({ created: true });
    expect(calls).toEqual(['GET', 'POST', 'GET', 'POST']);
  });

  it('a refresh refused for another reason than 404 is passed on: nothing added, the participant still remembered', async () => {
    const calls: string[] = [];
    let refreshStatus = 503;
    const rtk = scripted(async (request) => {
      const last = new URL(request.url).pathname.split('/').pop();
      calls.push(`${request.method} ${last}`);
      if (request.method === 'GET') return Response.json({ success: true, data: [], paging: EMPTY });
      if (last === 'token' && refreshStatus !== 200) {
        return Response.json(
          { success: false, error: { code: refreshStatus, message: 'no' } },
          { status: refreshStatus },
        );
      }
      return Response.json({ success: true, data: { id: 'p-1', token: `tok-${calls.length}` } }, { status: 201 });
    });
    const join = createJoinTokens({ client: rtk, preset: 'p' });
    const id = meeting();
    await join(id, ada);
    for (const status of [503, 403]) {
      refreshStatus = status;
      expect(await rejection(join(id, ada))).toMatchObject({ kind: 'http', status });
    }
    refreshStatus = 200;
    expect(await join(id, ada)).toEqual({ token: 'tok-5', participantId: 'p-1', created: false });
    expect(calls).toEqual(['GET participants', 'POST participants', 'POST token', 'POST token', 'POST token']);
  });
});

describe('memoryJoinTokenStore', () => {
  it('gets what was set, and nothing once deleted', async () => {
    const store = memoryJoinTokenStore();
    expect(await store.get('k')).toBeUndefined();
    await store.set('k', 'p-1');
    await store.set('other', 'p-2');
    expect(await store.get('k')).toBe('p-1');
    await store.delete('k');
    expect([await store.get('k'), await store.get('other')]).toEqual([undefined, 'p-2']);
  });
});

describe('createJoinTokens keeps the participant up to date with what the server decides', () => {
  it('a demoted host is edited to the new preset before the next token; an unchanged join only refreshes', async () => {
    let role = 'group_call_host';
    const join = createJoinTokens({ client: client(), preset: () => role });
    const id = meeting();
    const first = await join(id, ada);
    role = 'group_call_participant';
    const second = await join(id, ada);
    expect(second).toMatchObject({ participantId: first.participantId, created: false });
    expect(server.participants(id)).toEqual([expect.objectContaining({ preset_name: 'group_call_participant' })]);
    expect(server.calls).toMatchObject({ add: 1, edit: 1, refresh: 1 });
    await join(id, ada);
    expect(server.calls).toMatchObject({ add: 1, edit: 1, refresh: 2 }); // warm and unchanged: one call
  });

  it('a new name is applied, a removed picture cleared (null)', async () => {
    const join = createJoinTokens({ client: client(), preset: 'p' });
    const id = meeting();
    await join(id, { id: 'u', name: 'Ada', picture: 'https://example.com/a.png' });
    await join(id, { id: 'u', name: 'Ada King' });
    expect(server.participants(id)).toEqual([
      expect.objectContaining({ name: 'Ada King', picture: null, custom_participant_id: 'u' }),
    ]);
  });

  it('a participant remembered as a bare ID (before this version) is edited once, then only refreshed', async () => {
    const rtk = client();
    const store = memoryJoinTokenStore();
    const id = meeting();
    const { participantId } = await createJoinTokens({ client: rtk, preset: 'old' }).call(null, id, ada);
    await store.set(`${rtk.scope}:${id}:${ada.id}`, participantId);
    const join = createJoinTokens({ client: rtk, preset: 'new', store });
    await join(id, ada);
    await join(id, ada);
    expect(server.participants(id)).toEqual([expect.objectContaining({ id: participantId, preset_name: 'new' })]);
    expect(server.calls).toMatchObject({ add: 1, edit: 1 });
  });

  it('preset() giving no name is a fault of the server (TypeError), before anything is sent', async () => {
    for (const bad of [undefined, '', 42]) {
      const join = createJoinTokens({ client: client(), preset: () => bad as never });
      const error = await join(meeting(), ada).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error).toBeInstanceOf(TypeError);
      expect(error?.message).toMatch(/^preset\(\) returned (undefined|an empty string|number) for meeting /);
    }
    expect(server.calls).toEqual({ add: 0, refresh: 0, list: 0, edit: 0, delete: 0 });
  });
});

describe('memoryJoinTokenStore is bounded', () => {
  it('keeps the maxEntries most recently used, and refuses a bad bound', async () => {
    const store = memoryJoinTokenStore({ maxEntries: 2 });
    await store.set('a', '1');
    await store.set('b', '2');
    await store.get('a'); // a used more recently than b
    await store.set('c', '3');
    expect([await store.get('a'), await store.get('b'), await store.get('c')]).toEqual(['1', undefined, '3']);
    for (const maxEntries of [0, 1.5, -1]) {
      expect(() => memoryJoinTokenStore({ maxEntries })).toThrow('maxEntries must be a positive whole number');
    }
  });

  it('a user it forgot is found by look-up on the next join: no second participant', async () => {
    const join = createJoinTokens({
      client: client(),
      preset: 'p',
      store: memoryJoinTokenStore({ maxEntries: 1 }),
    });
    const id = meeting();
    const first = await join(id, ada);
    await join(id, { id: 'user-bob' }); // ada forgotten
    const again = await join(id, ada);
    expect(again).toMatchObject({ participantId: first.participantId, created: false });
    expect(server.participants(id)).toHaveLength(2);
  });
});

describe('a join without a name sends one (cloudflare-typescript#2737)', () => {
  it('Participant by default, defaultName when given; a user who loses their name gets it on the next join', async () => {
    const id = meeting();
    await createJoinTokens({ client: client(), preset: 'p' })(id, { id: 'nameless' });
    const join = createJoinTokens({ client: client(), preset: 'p', defaultName: 'Guest' });
    await join(id, { id: 'named', name: 'Ada' });
    await join(id, { id: 'named' });
    expect(server.participants(id).map((p) => [p.custom_participant_id, p.name])).toEqual([
      ['nameless', 'Participant'],
      ['named', 'Guest'],
    ]);
    expect(() => createJoinTokens({ client: client(), preset: 'p', defaultName: '' })).toThrow(
      'defaultName must be a non-empty string',
    );
  });
});

describe('many instances over one store that claims (compareAndSet): one participant per user', () => {
  /** The memory store, shared by instances as a strongly consistent store shared by isolates or processes would be. */
  const instances = (n: number, store: JoinTokenStore, leaseMs?: number) =>
    Array.from({ length: n }, () =>
      createJoinTokens({ client: client(), preset: 'p', store, ...(leaseMs ? { leaseMs } : {}) }),
    );

  it('8 instances, 25 users joining 8 times at once each: 25 adds, 25 participants', async () => {
    const joins = instances(8, memoryJoinTokenStore());
    const id = meeting();
    const users = Array.from({ length: 25 }, (_, i) => ({ id: `user-${i}`, name: `User ${i}` }));
    const results = await Promise.all(users.flatMap((user) => joins.map((join) => join(id, user))));
    expect(server.participants(id)).toHaveLength(25);
    expect(server.calls.add).toBe(25);
    expect(results.filter((r) => r.created)).toHaveLength(25);
  });

  it('without compareAndSet the same load adds a user more than once: what the claim prevents', async () => {
    const shared = memoryJoinTokenStore();
    const store: JoinTokenStore = { get: shared.get, set: shared.set, delete: shared.delete };
    const joins = instances(8, store);
    const id = meeting();
    await Promise.all(joins.map((join) => join(id, ada)));
    // every instance looked up before any add had landed: each added
    expect(server.participants(id).length).toBeGreaterThan(1);
  });

  it('an add that timed out on an instance now gone: a fresh instance on the store finds it, adds nothing', async () => {
    const store = memoryJoinTokenStore();
    const id = meeting();
    server.hangNextAdds(1);
    const gone = createJoinTokens({ client: client(300), preset: 'p', store });
    expect((await rejection(gone(id, ada))).kind).toBe('timeout');
    const fresh = createJoinTokens({ client: client(), preset: 'p', store });
    expect(await fresh(id, ada)).toMatchObject({ created: false });
    expect(server.participants(id)).toHaveLength(1);
  });

  it('an add answered 502 after creating the participant: the next join finds it instead of adding again', async () => {
    const store = memoryJoinTokenStore();
    const [first, second] = instances(2, store);
    const id = meeting();
    server.failNextAddsAfterCreating(1);
    expect(await rejection(first!(id, ada))).toMatchObject({ kind: 'http', status: 502 });
    expect(await second!(id, ada)).toMatchObject({ created: false });
    expect(server.participants(id)).toHaveLength(1);
  });

  it('an instance that dies between add and remember: past its lease, another looks the user up and finds it', async () => {
    const shared = memoryJoinTokenStore();
    let dead = false;
    const dying: JoinTokenStore = {
      ...shared,
      // the instance dies after the add: what it would remember is never written
      compareAndSet: async (key, expected, value) => {
        if (value.startsWith('{"id"')) {
          dead = true;
          throw new Error('instance gone');
        }
        return (shared.compareAndSet as NonNullable<JoinTokenStore['compareAndSet']>)(key, expected, value);
      },
    };
    const id = meeting();
    const doomed = createJoinTokens({ client: client(), preset: 'p', store: dying, leaseMs: 200 });
    await expect(doomed(id, ada)).rejects.toThrow('instance gone');
    expect(dead).toBe(true);
    expect(server.participants(id)).toHaveLength(1); // the add happened
    const survivor = createJoinTokens({ client: client(), preset: 'p', store: shared, leaseMs: 200 });
    expect(await survivor(id, ada)).toMatchObject({ created: false, participantId: server.participants(id)[0]!.id });
    expect(server.participants(id)).toHaveLength(1);
  });

  it('a durable store skips the look-up of a first join: one call, the add', async () => {
    const store = { ...memoryJoinTokenStore(), durable: true };
    const join = createJoinTokens({ client: client(), preset: 'p', store });
    await join(meeting(), ada);
    expect(server.calls).toMatchObject({ add: 1, list: 0 });
  });
});

describe('memoryJoinTokenStore.compareAndSet', () => {
  it('writes only over the expected value (null: absent), and says whether it did', async () => {
    const store = memoryJoinTokenStore();
    const cas = store.compareAndSet as NonNullable<JoinTokenStore['compareAndSet']>;
    expect(await cas('k', null, 'a')).toBe(true);
    expect(await cas('k', null, 'b')).toBe(false);
    expect(await cas('k', 'x', 'b')).toBe(false);
    expect(await cas('k', 'a', 'b')).toBe(true);
    expect(await store.get('k')).toBe('b');
  });
});

describe('joinTokens.prepare: a scheduled meeting’s participants, ahead of its start', () => {
  it('adds each user once, then every first join costs one call, the refresh; no token is made or kept', async () => {
    const join = createJoinTokens({
      client: client(),
      preset: 'p',
      store: { ...memoryJoinTokenStore(), durable: true },
    });
    const id = meeting();
    const users = Array.from({ length: 30 }, (_, i) => ({ id: `u${i}`, name: `U ${i}` }));
    const prepared = await join.prepare(id, users, { concurrency: 3 });
    expect(prepared.map((r) => r.ok && r.created)).toEqual(users.map(() => true));
    expect(JSON.stringify(prepared)).not.toContain('token');
    expect(server.calls).toMatchObject({ add: 30, refresh: 0, list: 0 });
    const joined = await Promise.all(users.map((user) => join(id, user)));
    expect(joined.every((r) => !r.created && r.token.startsWith('token-'))).toBe(true);
    expect(server.calls).toMatchObject({ add: 30, refresh: 30, list: 0, edit: 0 });
    expect(server.participants(id)).toHaveLength(30);
  });

  it('keeps at most `concurrency` calls in flight, and answers each user’s failure without throwing', async () => {
    let inFlight = 0;
    let most = 0;
    const rtk = scripted(async (request) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      if (request.method === 'GET') return Response.json({ success: true, data: [], paging: EMPTY });
      return Response.json({ success: true, data: { id: `p-${Math.random()}`, token: 'tok' } }, { status: 201 });
    });
    const join = createJoinTokens({
      client: rtk,
      preset: (user) => {
        if (user.id === 'bad') throw new Error('no role for bad');
        return 'p';
      },
    });
    const users = [...Array.from({ length: 12 }, (_, i) => ({ id: `u${i}` })), { id: 'bad' }];
    const results = await join.prepare(meeting(), users, { concurrency: 2 });
    expect(most).toBeLessThanOrEqual(2);
    expect(results.filter((r) => r.ok)).toHaveLength(12);
    expect(results.at(-1)).toMatchObject({
      userId: 'bad',
      ok: false,
      error: expect.objectContaining({ message: 'no role for bad' }),
    });
    await expect(join.prepare(meeting(), users, { concurrency: 0 })).rejects.toThrow(
      'concurrency must be a positive whole number',
    );
  });
});
