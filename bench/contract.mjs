#!/usr/bin/env node
// The mocks' figures, Prism's and the stateful fake's measured in the same run: time from import to the first
// answered request in fresh processes (the package's load included, as a test run pays it); requests per second
// for GET a meeting at 1 and 32 connections, beside a bare node:http server answering the fake's same JSON (the
// floor; autocannon, each server in its own process, interleaved rounds); and the wall time of the whole contract
// run against Prism.
import { execFileSync, fork } from 'node:child_process';
import { once } from 'node:events';
import { runContract } from '@realtimekit-meetings/contract';
import { startMockServer } from '@realtimekit-meetings/mock';
import autocannon from 'autocannon';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

const probe = (options) => `
const t0 = performance.now();
const { startMockServer } = require('@realtimekit-meetings/mock');
const t1 = performance.now();
startMockServer(${options}).then(async (mock) => {
  const res = await fetch(mock.url + '/accounts/a/realtime/kit/b/meetings', { headers: { authorization: 'Bearer x' } });
  const t2 = performance.now();
  await mock.close();
  console.log(JSON.stringify({ total: t2 - t0, start: t2 - t1, status: res.status }));
});`;
const mocks = { prism: '{}', fake: '{ stateful: true }' };
const starts = { prism: { total: [], start: [] }, fake: { total: [], start: [] } };
for (let i = 0; i < RUNS; i++) {
  for (const [name, options] of Object.entries(mocks)) {
    const out = execFileSync(process.execPath, ['-e', probe(options)], { cwd: import.meta.dirname, encoding: 'utf8' });
    const { total, start, status } = JSON.parse(out);
    if (status !== 200) throw new Error(`${name} answered ${status}`);
    starts[name].total.push(total);
    starts[name].start.push(start);
  }
}
console.log(`\nTo the first answered request, fresh process (median of ${RUNS}):`);
for (const [name, { total, start }] of Object.entries(starts)) {
  const range = `${Math.min(...start).toFixed(0)}–${Math.max(...start).toFixed(0)}`;
  console.log(
    `  ${name.padEnd(6)} from startMockServer() ${median(start).toFixed(0)} ms (${range}); with the package's import ${median(total).toFixed(0)} ms`,
  );
}
console.log(
  `  fake / prism, from startMockServer(): ${(median(starts.fake.start) / median(starts.prism.start)).toFixed(3)}x`,
);

const servers = {};
for (const name of ['prism', 'fake']) {
  const child = fork(new URL('./mock-server.mjs', import.meta.url), name === 'fake' ? ['stateful'] : [], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const [chunk] = await once(child.stdout, 'data');
  servers[name] = { child, url: String(chunk).trim() };
}
const headers = { authorization: 'Bearer bench' };
// The floor: a bare node:http server answering the fake's own JSON for this meeting, with nothing in between.
const answer = await (await fetch(servers.fake.url, { headers })).text();
{
  const child = fork(new URL('./http-server.mjs', import.meta.url), [answer], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const [chunk] = await once(child.stdout, 'data');
  servers.bare = { child, url: `${String(chunk).trim()}/meeting` };
}
const names = Object.keys(servers);
/** The CPU time a server process has used so far, in µs (its own count, over IPC). */
const cpuOf = async ({ child }) => {
  child.send('cpu');
  const [message] = await once(child, 'message');
  return message;
};
console.log('\nGET a meeting (autocannon, interleaved rounds; ratios: medians of per-round ratios)');
for (const connections of [1, 32]) {
  const rps = Object.fromEntries(names.map((name) => [name, []]));
  const cpu = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length];
      const before = await cpuOf(servers[name]);
      const result = await autocannon({ url: servers[name].url, headers, connections, duration: SECONDS });
      if (result.non2xx || result.errors) throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
      rps[name].push(result.requests.average);
      // the server's own CPU per request: on a shared machine, what it costs apart from what it waits for
      cpu[name].push(((await cpuOf(servers[name])) - before) / result.requests.total);
    }
  }
  const ratio = (a, b, of = rps) => median(of[a].map((value, i) => value / of[b][i])).toFixed(2);
  console.log(
    `  ${connections} connection(s): bare node:http ${median(rps.bare).toFixed(0)} req/s, prism ${median(rps.prism).toFixed(0)} req/s, fake ${median(rps.fake).toFixed(0)} req/s; fake × bare node:http ${ratio('fake', 'bare')}, fake × prism ${ratio('fake', 'prism')}; server CPU per request: bare ${median(cpu.bare).toFixed(0)} µs, fake ${median(cpu.fake).toFixed(0)} µs (${ratio('fake', 'bare', cpu)}× bare)`,
  );
}
for (const { child } of Object.values(servers)) {
  child.kill('SIGTERM');
  await once(child, 'exit');
}

const mock = await startMockServer();
const t0 = performance.now();
const results = await runContract({
  baseUrl: mock.url,
  apiToken: 'x',
  accountId: '023e105f4ecef8ad9ca31a8372d0c353',
  appId: '14a396e7-ca44-4937-bf1f-050a69118543',
  allowWrites: true,
});
const wall = performance.now() - t0;
await mock.close();
const failed = results.filter((r) => r.outcome !== 'pass').length;
console.log(
  `runContract, every check with writes: ${results.length} checks (${failed} not passed) in ${wall.toFixed(0)} ms`,
);
