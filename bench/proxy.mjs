#!/usr/bin/env node
// Requests per second and p50/p99 latency of GET one meeting through the proxy (node:http + toNodeListener +
// the server-side client) against calling the mock directly, at 1 and 50 concurrent clients, in one run with
// interleaved rounds. The mock, the proxy and this load generator are three processes on 127.0.0.1.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const MEETING = 'bbb03399-24e3-4b0c-90ec-172e97e636be';
const require = createRequire(import.meta.url);

async function start(script, args) {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  for await (const chunk of child.stdout) {
    out += chunk;
    const url = out.match(/http:\/\/127\.0\.0\.1:\d+/)?.[0];
    if (url) return { child, url };
  }
  throw new Error(`${script} printed no URL`);
}

const mock = await start(
  require.resolve('@realtimekit-meetings/contract/package.json').replace('package.json', 'dist/cli/mock.js'),
  ['--port', '0'],
);
const proxy = await start(new URL('./proxy-server.mjs', import.meta.url).pathname, [mock.url]);

const targets = {
  'mock, direct': {
    url: `${mock.url}/accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/14a396e7-ca44-4937-bf1f-050a69118543/meetings/${MEETING}`,
    headers: { authorization: 'Bearer bench' },
  },
  'through the proxy': { url: `${proxy.url}/api/realtimekit/meetings/${MEETING}`, headers: {} },
};

/** `concurrency` loops each sending `perClient` sequential requests; returns per-request latencies (ms) and wall time. */
async function load({ url, headers }, concurrency, perClient) {
  const latencies = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = 0; i < perClient; i++) {
        const start = performance.now();
        const response = await fetch(url, { headers });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
        latencies.push(performance.now() - start);
      }
    }),
  );
  return { latencies, wall: performance.now() - t0 };
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
console.log(`\nGET one meeting: the Prism mock directly vs through the proxy, ${ROUNDS} interleaved rounds each\n`);
console.log('| concurrency | target | req/s | p50 ms | p99 ms |');
console.log('| ---: | --- | ---: | ---: | ---: |');
const summary = [];
for (const [concurrency, perClient] of [
  [1, 300],
  [50, 20],
]) {
  const stats = Object.fromEntries(Object.keys(targets).map((name) => [name, { latencies: [], requests: 0, wall: 0 }]));
  for (let round = 0; round <= ROUNDS; round++) {
    for (const name of round % 2 ? Object.keys(targets) : Object.keys(targets).reverse()) {
      const { latencies, wall } = await load(targets[name], concurrency, perClient);
      if (round === 0) continue; // warm-up
      stats[name].latencies.push(...latencies);
      stats[name].requests += latencies.length;
      stats[name].wall += wall;
    }
  }
  const row = {};
  for (const [name, s] of Object.entries(stats)) {
    const sorted = s.latencies.sort((a, b) => a - b);
    row[name] = { rps: (s.requests / s.wall) * 1000, p50: pct(sorted, 50), p99: pct(sorted, 99) };
    console.log(
      `| ${concurrency} | ${name} | ${row[name].rps.toFixed(0)} | ${row[name].p50.toFixed(2)} | ${row[name].p99.toFixed(2)} |`,
    );
  }
  summary.push([concurrency, row]);
}
console.log('');
for (const [concurrency, row] of summary) {
  const direct = row['mock, direct'];
  const proxied = row['through the proxy'];
  console.log(
    `concurrency ${concurrency}: proxy throughput ${(proxied.rps / direct.rps).toFixed(2)}× direct; p50 ${(proxied.p50 / direct.p50).toFixed(2)}×, p99 ${(proxied.p99 / direct.p99).toFixed(2)}× direct`,
  );
}
mock.child.kill('SIGTERM');
proxy.child.kill('SIGTERM');
