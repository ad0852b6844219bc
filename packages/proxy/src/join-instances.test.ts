import { createJoinTokens, type JoinTokenStore, memoryJoinTokenStore } from '@realtimekit-meetings/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeServer } from '../test-support/fake-server';
import { createRealtimeKitProxy } from './create-proxy';

let fake: Awaited<ReturnType<typeof startFakeServer>>;
let client: (timeoutMs?: number) => ReturnType<Awaited<ReturnType<typeof startFakeServer>>['client']>;
let newMeeting: () => Promise<string>;
let participants: (meetingId: string) => Promise<{ id: string; custom_participant_id: string }[]>;
beforeAll(async () => {
  fake = await startFakeServer();
  ({ client, newMeeting } = fake);
  participants = (meetingId) => fake.participants(meetingId);
});
afterAll(() => fake.close());

/** `n` proxies (as Workers or replicas would be), each with its own client, all on `store`. */
const proxies = (n: number, store: JoinTokenStore, timeoutMs?: number) =>
  Array.from({ length: n }, () =>
    createRealtimeKitProxy({
      client: client(timeoutMs),
      basePath: '/api',
      join: {
        identify: (request) => ({ id: request.headers.get('x-test-user') as string }),
        authorize: () => true,
        store,
      },
    }),
  );
const join = (handle: (r: Request) => Promise<Response>, meetingId: string, user: string) =>
  handle(
    new Request(`https://app.example.test/api/meetings/${meetingId}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test-user': user },
      body: '{}',
    }),
  );

describe('join tokens on many instances over one claiming store (the stateful fake on node:http)', () => {
  it('1,000 concurrent joins for 100 users over 8 instances: exactly 100 participants, one per user', async () => {
    const meetingId = await newMeeting();
    const handles = proxies(8, memoryJoinTokenStore());
    const answers = await Promise.all(
      Array.from({ length: 1_000 }, (_, i) => join(handles[i % 8]!, meetingId, `user-${i % 100}`)),
    );
    expect(answers.map((a) => a.status).filter((s) => s !== 200)).toEqual([]);
    const listed = await participants(meetingId);
    expect(listed).toHaveLength(100);
    expect(new Set(listed.map((p) => p.custom_participant_id)).size).toBe(100);
    // every instance answered each user with that user's one participant
    const byUser = new Map(listed.map((p) => [p.custom_participant_id, p.id]));
    const bodies = await Promise.all(answers.map((a) => a.json()));
    expect(bodies.map((body) => body.participant_id)).toEqual(bodies.map((_, i) => byUser.get(`user-${i % 100}`)));
  });

  for (const fault of ['timeout', '502'] as const) {
    it(`adds that ${fault === 'timeout' ? 'time out' : 'answer 502'} after creating, over 10 runs: 0 duplicates, every user then joins`, {
      timeout: 120_000,
    }, async () => {
      for (let run = 0; run < 10; run++) {
        const meetingId = await newMeeting();
        const store = memoryJoinTokenStore();
        const handles = proxies(4, store, 500);
        fake.state.faults = [fault, fault, fault];
        const users = Array.from({ length: 10 }, (_, i) => `user-${i}`);
        const first = await Promise.all(
          users.flatMap((user) => handles.map((handle) => join(handle, meetingId, user))),
        );
        // the faults did happen: the joins that waited on those adds answered the failure
        // (on a loaded machine a 502 may arrive after the 500 ms timeout and be answered 504: either is the fault)
        expect(first.filter((a) => a.status === 502 || a.status === 504).length).toBeGreaterThan(0);
        fake.state.faults = [];
        // a fresh instance on the same store: the outcome-unknown adds are in the store, not in a process
        const [fresh] = proxies(1, store); // no faults now: the default timeout, so a loaded machine cannot turn these into 504s;
        const again = await Promise.all(users.map((user) => join(fresh!, meetingId, user)));
        expect(again.map((a) => a.status)).toEqual(users.map(() => 200));
        const listed = await participants(meetingId);
        expect(listed.map((p) => p.custom_participant_id).sort()).toEqual([...users].sort());
      }
    });
  }

  it('an instance that dies between add and remember, over 10 runs: past its lease, 0 duplicates', {
    timeout: 120_000,
  }, async () => {
    for (let run = 0; run < 10; run++) {
      const meetingId = await newMeeting();
      const shared = memoryJoinTokenStore();
      const cas = shared.compareAndSet as NonNullable<JoinTokenStore['compareAndSet']>;
      // this instance dies right after its adds: what it would remember is never written
      const dying: JoinTokenStore = {
        ...shared,
        compareAndSet: (key, expected, value) =>
          value.startsWith('{"id"') ? Promise.reject(new Error('instance gone')) : cas(key, expected, value),
      };
      const users = Array.from({ length: 5 }, (_, i) => ({ id: `user-${i}` }));
      const options = { client: client(), preset: 'group_call_participant', leaseMs: 200 };
      const doomed = createJoinTokens({ ...options, store: dying });
      await Promise.all(users.map((user) => expect(doomed(meetingId, user)).rejects.toThrow('instance gone')));
      expect(await participants(meetingId)).toHaveLength(5);
      // other instances wait out the claims the dead one left, then look the users up
      const others = Array.from({ length: 4 }, () => createJoinTokens({ ...options, client: client(), store: shared }));
      const results = await Promise.all(users.flatMap((user) => others.map((join) => join(meetingId, user))));
      expect(results.filter((r) => r.created)).toEqual([]);
      expect(await participants(meetingId)).toHaveLength(5);
    }
  });
});
