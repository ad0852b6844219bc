#!/usr/bin/env node
// A mock in its own process for bench/contract.mjs: Prism, or with `stateful` the fake holding one meeting. Prints
// "URL MEETING_PATH" once it answers; stops on SIGTERM.
import { startMockServer } from '@realtimekit-meetings/mock';

const stateful = process.argv[2] === 'stateful';
const mock = await startMockServer({ stateful });
const meetings = `${mock.url}/accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/14a396e7-ca44-4937-bf1f-050a69118543/meetings`;
const headers = { authorization: 'Bearer bench', 'content-type': 'application/json' };
const created = await fetch(meetings, { method: 'POST', headers, body: '{"title":"Bench"}' }).then((r) => r.json());
console.log(`${meetings}/${created.data.id}`);
process.once('SIGTERM', () => mock.close().then(() => process.exit(0)));
// 'cpu': the CPU time this process has used, in µs (contract.mjs divides it by the requests it served)
process.on('message', (message) => {
  if (message !== 'cpu') return;
  const { user, system } = process.cpuUsage();
  process.send?.(user + system);
});
