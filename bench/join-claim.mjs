#!/usr/bin/env node
// node bench/join-claim.mjs: what the join claim costs. API calls per join, cold (a user's first join of a meeting)
// and warm (the next), and the time per join, for createJoinTokens on: a store without a claim (get/set only: a
// first join always looks the user up; the baseline), the memory store (claims; not durable, so a first join looks the user up), and Postgres
// (PGlite, in process: claims, durable). The upstream is the stateful fake over HTTP on 127.0.0.1, the rate budget
// off. Rounds are interleaved and ratios taken within each round, so machine noise cancels out.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { createJoinTokens, createRealtimeKitClient, memoryJoinTokenStore } from '@realtimekit-meetings/client';
import { startMockServer } from '@realtimekit-meetings/mock';
import { postgresJoinTokenStore } from '@realtimekit-meetings/proxy/join-stores';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const USERS = Number(process.env.BENCH_USERS ?? 50);
const ACCOUNT = '023e105f4ecef8ad9ca31a8372d0c353';
const APP = '14a396e7-ca44-4937-bf1f-050a69118543';

// PGlite is the proxy's dev dependency: loaded from there, so that the bench adds no dependency of its own
const proxyRequire = createRequire(new URL('../packages/proxy/package.json', import.meta.url));
const { PGlite } = await import(pathToFileURL(proxyRequire.resolve('@electric-sql/pglite')).href);
const pg = new PGlite();

const mock = await startMockServer({ stateful: { limits: { participantsPerMeeting: 1_000, meetings: 1_000 } } });
let calls = 0;
const client = createRealtimeKitClient({
  baseUrl: mock.url,
  apiToken: 'bench-token',
  accountId: ACCOUNT,
  appId: APP,
  rateBudget: false,
  fetch: (request) => {
    calls++;
    return globalThis.fetch(request);
  },
});

let tables = 0;
/** Each contender: a fresh store per round (so every first join is cold). */
const contenders = {
  'no claim (get/set)': () => {
    const { get, set, delete: del } = memoryJoinTokenStore({ maxEntries: 100_000 }); // without compareAndSet
    return { get, set, delete: del, durable: true };
  },
  'memory store (claim)': () => memoryJoinTokenStore({ maxEntries: 100_000 }),
  'Postgres, PGlite (claim)': () => postgresJoinTokenStore(pg, { table: `bench_join_${++tables}` }),
};

const names = Object.keys(contenders);
const stats = Object.fromEntries(
  names.map((n) => [n, { coldUs: [], warmUs: [], coldCalls: 0, warmCalls: 0, joins: 0 }]),
);

/** USERS first joins then USERS second joins of a new meeting, one at a time: µs per join and calls. */
async function measure(name) {
  const join = createJoinTokens({ client, preset: 'group_call_participant', store: contenders[name]() });
  const meetingId = (await client.meetings.create({ title: 'Bench' })).id;
  const users = Array.from({ length: USERS }, (_, i) => ({ id: `user-${i}`, name: `User ${i}` }));
  const result = {};
  for (const phase of ['cold', 'warm']) {
    const before = calls;
    const start = process.hrtime.bigint();
    for (const user of users) await join(meetingId, user);
    result[phase] = { us: Number(process.hrtime.bigint() - start) / 1000 / USERS, calls: (calls - before) / USERS };
  }
  return result;
}

for (let round = 0; round <= ROUNDS; round++) {
  const order = names.map((_, i) => names[(i + round) % names.length]);
  for (const name of order) {
    const { cold, warm } = await measure(name);
    if (round === 0) continue; // warms up JIT, connections and PGlite
    const s = stats[name];
    s.coldUs.push(cold.us);
    s.warmUs.push(warm.us);
    s.coldCalls = cold.calls;
    s.warmCalls = warm.calls;
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const base = stats[names[0]];
console.log(`join claim, ${ROUNDS} interleaved rounds of ${USERS} cold then ${USERS} warm joins, one at a time`);
console.log('| store | calls/join cold | calls/join warm | µs/join cold | × no claim | µs/join warm | × no claim |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const name of names) {
  const s = stats[name];
  const ratio = (phase) => median(s[`${phase}Us`].map((us, i) => us / base[`${phase}Us`][i]));
  console.log(
    `| ${name} | ${s.coldCalls.toFixed(2)} | ${s.warmCalls.toFixed(2)} | ${median(s.coldUs).toFixed(0)} | ${ratio('cold').toFixed(2)} | ${median(s.warmUs).toFixed(0)} | ${ratio('warm').toFixed(2)} |`,
  );
}
await mock.close();
await pg.close();
