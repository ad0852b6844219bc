#!/usr/bin/env node
// The mock's figures: time from startMockServer() to the first answered request, in fresh processes (Prism's
// load included, as a test run pays it), and the wall time of the whole contract run (53 checks) against it.
import { execFileSync } from 'node:child_process';
import { runContract, startMockServer } from '@realtimekit-meetings/contract';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const probe = `
const t0 = performance.now();
const { startMockServer } = require('@realtimekit-meetings/contract');
startMockServer().then(async (mock) => {
  const res = await fetch(mock.url + '/accounts/a/realtime/kit/b/meetings', { headers: { authorization: 'Bearer x' } });
  const ms = performance.now() - t0;
  await mock.close();
  console.log(JSON.stringify({ ms, status: res.status }));
});`;
const starts = [];
for (let i = 0; i < RUNS; i++) {
  const { ms, status } = JSON.parse(
    execFileSync(process.execPath, ['-e', probe], { cwd: import.meta.dirname, encoding: 'utf8' }),
  );
  if (status !== 200) throw new Error(`the mock answered ${status}`);
  starts.push(ms);
}
starts.sort((a, b) => a - b);
console.log(
  `\nstartMockServer() to first answered request, fresh process (${RUNS} runs): median ${starts[RUNS >> 1].toFixed(0)} ms, range ${starts[0].toFixed(0)}–${starts.at(-1).toFixed(0)} ms`,
);

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
