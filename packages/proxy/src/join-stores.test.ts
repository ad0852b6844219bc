import { PGlite } from '@electric-sql/pglite';
import { createJoinTokens, type JoinTokenStore } from '@realtimekit-meetings/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeServer } from '../test-support/fake-server';
import { type D1Like, d1JoinTokenStore, postgresJoinTokenStore } from './join-stores';

let fake: Awaited<ReturnType<typeof startFakeServer>>;
let pg: PGlite;
beforeAll(async () => {
  fake = await startFakeServer();
  // Postgres compiled to WebAssembly: the real engine. D1 is tested inside workerd (join-stores.workerd.test.ts):
  // miniflare's bridge from Node to a D1 binding dropped calls ("fetch failed") under a loaded machine.
  pg = new PGlite();
}, 60_000);
afterAll(async () => {
  await pg.close();
  await fake.close();
});

let tables = 0;
const engines: [string, () => JoinTokenStore][] = [
  ['Postgres (PGlite)', () => postgresJoinTokenStore(pg, { table: `join_tokens_${++tables}` })],
];

// PGlite starts a WebAssembly Postgres: on a loaded 2-core machine its first statements take more than vitest's 30 s
describe.each(engines)('the SQL join-token store on %s', { timeout: 120_000 }, (_engine, newStore) => {
  it('get, set, delete, and a compare-and-set that writes only over what was expected', async () => {
    const store = newStore();
    const cas = store.compareAndSet as NonNullable<JoinTokenStore['compareAndSet']>;
    expect(await store.get('k')).toBeNull();
    expect(await cas('k', null, 'a')).toBe(true);
    expect(await cas('k', null, 'b')).toBe(false);
    expect(await cas('k', 'x', 'b')).toBe(false);
    expect(await cas('k', 'a', 'b')).toBe(true);
    expect(await store.get('k')).toBe('b');
    await store.set('k', 'c');
    await store.set('other', 'd');
    expect(await store.get('k')).toBe('c');
    await store.delete('k');
    expect([await store.get('k'), await store.get('other')]).toEqual([null, 'd']);
    expect(store.durable).toBe(true);
  });

  it('of 50 concurrent claims of one key, exactly one wins', async () => {
    const store = newStore();
    const cas = store.compareAndSet as NonNullable<JoinTokenStore['compareAndSet']>;
    const won = await Promise.all(Array.from({ length: 50 }, (_, i) => cas('k', null, `claim-${i}`)));
    expect(won.filter(Boolean)).toHaveLength(1);
  });

  it('8 instances, 40 users joining 5 times at once each: 40 participants, one add each, no look-up', async () => {
    const store = newStore();
    const joins = Array.from({ length: 8 }, () =>
      createJoinTokens({ client: fake.client(), preset: 'group_call_participant', store }),
    );
    const meetingId = await fake.newMeeting();
    const users = Array.from({ length: 40 }, (_, i) => ({ id: `user-${i}`, name: `User ${i}` }));
    const results = await Promise.all(
      users.flatMap((user) =>
        Array.from({ length: 5 }, (_, j) => joins[(j + Number(user.id.slice(5))) % 8]!(meetingId, user)),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(40);
    const listed = await fake.participants(meetingId);
    expect(listed.map((p) => p.custom_participant_id).sort()).toEqual(users.map((u) => u.id).sort());
  });

  it('refuses a table name that is not a plain identifier', () => {
    expect(() => d1JoinTokenStore({} as D1Like, { table: 'x; DROP TABLE y' })).toThrow(
      'table must be a plain SQL identifier',
    );
    expect(() => postgresJoinTokenStore(pg, { table: '1x' })).toThrow('table must be a plain SQL identifier');
  });
});
