#!/usr/bin/env node
// pnpm bench: per-request time of rtk.meetings.get against the floor (a bare keep-alive node:http request, body
// parsed), raw fetch, bare openapi-fetch and Cloudflare's own SDK, from one run with interleaved rounds against a
// local node:http server; the client's heap after 10,000 and 100,000 calls; then the gzipped size of a browser
// bundle that makes one call, for each. Ratios are computed within each round, so machine noise cancels out.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { createRealtimeKitClient } from '@realtimekit-meetings/client';
import Cloudflare from 'cloudflare';
import { build } from 'esbuild';
import createClient from 'openapi-fetch';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 21);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const ACCOUNT = '023e105f4ecef8ad9ca31a8372d0c353';
const APP = '14a396e7-ca44-4937-bf1f-050a69118543';
const MEETING = 'bbb03399-24e3-4b0c-90ec-172e97e636be';
const TOKEN = 'bench-token';

const server = fork(new URL('./http-server.mjs', import.meta.url), { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
const [chunk] = await once(server.stdout, 'data');
const base = String(chunk).trim();
const v4 = `${base}/client/v4`;

const bare = createClient({ baseUrl: v4, headers: { Authorization: `Bearer ${TOKEN}` } });
// the rate budget stays on (its cost is measured) but wide: thousands of calls go to a local server in minutes
const unlimited = { requests: 1_000_000_000, windowSeconds: 1 }; // on, but its log of calls holds one second
const rtk = createRealtimeKitClient({
  baseUrl: v4,
  apiToken: TOKEN,
  accountId: ACCOUNT,
  appId: APP,
  rateBudget: unlimited,
});
const cf = new Cloudflare({ apiToken: TOKEN, baseURL: v4, maxRetries: 0 });
const url = `${v4}/accounts/${ACCOUNT}/realtime/kit/${APP}/meetings/${MEETING}`;

const agent = new Agent({ keepAlive: true });
/** The floor: what Node does with nothing in between. One keep-alive node:http GET, the body read and parsed. */
const nodeHttpGet = () =>
  new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent, headers: { authorization: `Bearer ${TOKEN}` } }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')).data));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });

/** Each contender makes the same GET and returns the meeting. */
const contenders = {
  'bare node:http': nodeHttpGet,
  'raw fetch': async () => (await (await fetch(url, { headers: { Authorization: `Bearer ${TOKEN}` } })).json()).data,
  'bare openapi-fetch': async () =>
    (
      await bare.GET('/accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}', {
        params: { path: { account_id: ACCOUNT, app_id: APP, meeting_id: MEETING } },
      })
    ).data.data,
  '@realtimekit-meetings/client': () => rtk.meetings.get(MEETING),
  'cloudflare (official SDK)': async () =>
    (await cf.realtimeKit.meetings.getMeetingByID(MEETING, { account_id: ACCOUNT, app_id: APP })).data,
};

for (const [name, call] of Object.entries(contenders)) {
  const meeting = await call();
  if (meeting?.id !== MEETING) throw new Error(`${name} did not return the meeting: ${JSON.stringify(meeting)}`);
}

const names = Object.keys(contenders);
/** @type {Record<string, number[]>} microseconds per request, one entry per round */
const perRound = Object.fromEntries(names.map((n) => [n, []]));
for (let round = 0; round <= ROUNDS; round++) {
  const order = names.map((_, i) => names[(i + round) % names.length]);
  for (const name of order) {
    const call = contenders[name];
    const start = process.hrtime.bigint();
    for (let i = 0; i < REQUESTS; i++) await call();
    const micros = Number(process.hrtime.bigint() - start) / 1000 / REQUESTS;
    if (round > 0) perRound[name].push(micros); // round 0 warms up JIT and connections
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ratio = (a, b) => median(perRound[a].map((value, i) => value / perRound[b][i]));
const range = (a, b) => {
  const ratios = perRound[a].map((value, i) => value / perRound[b][i]).sort((x, y) => x - y);
  return `${ratios[Math.floor(ratios.length * 0.1)].toFixed(2)}–${ratios[Math.ceil(ratios.length * 0.9) - 1].toFixed(2)}`;
};

console.log(`\nPer-request time, GET one meeting over HTTP/1.1 keep-alive to 127.0.0.1`);
console.log(
  `${ROUNDS} interleaved rounds × ${REQUESTS} sequential requests; ratios are medians of per-round ratios (p10–p90)\n`,
);
console.log('| contender | µs / request | × bare node:http | × raw fetch | × bare openapi-fetch |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const name of names) {
  console.log(
    `| ${name} | ${median(perRound[name]).toFixed(1)} | ${ratio(name, 'bare node:http').toFixed(2)} (${range(name, 'bare node:http')}) | ${ratio(name, 'raw fetch').toFixed(2)} (${range(name, 'raw fetch')}) | ${ratio(name, 'bare openapi-fetch').toFixed(2)} (${range(name, 'bare openapi-fetch')}) |`,
  );
}
const ours = '@realtimekit-meetings/client';
const official = 'cloudflare (official SDK)';
console.log(`\n${ours} / cloudflare: ${ratio(ours, official).toFixed(2)} (${range(ours, official)})`);

// Memory: the client's heap after a full GC, after 10,000 and after 100,000 sequential calls. The gc function is
// taken from V8 here, so that `node bench/client.mjs` needs no flag.
const HEAP_CALLS = Number(process.env.BENCH_HEAP_REQUESTS ?? 100_000);
{
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  const heap = () => {
    gc();
    return process.memoryUsage().heapUsed;
  };
  for (let i = 0; i < HEAP_CALLS / 10; i++) await rtk.meetings.get(MEETING);
  const at10 = heap();
  for (let i = HEAP_CALLS / 10; i < HEAP_CALLS; i++) await rtk.meetings.get(MEETING);
  const at100 = heap();
  console.log(
    `\nclient heap after GC: ${(at10 / 1e6).toFixed(1)} MB after ${HEAP_CALLS / 10} calls, ${(at100 / 1e6).toFixed(1)} MB after ${HEAP_CALLS} (${((at100 / at10 - 1) * 100).toFixed(1)}%, goal within 5%)`,
  );
}

server.kill('SIGTERM');

// Bundle size: what a browser app ships to make one call, minified by esbuild and gzipped.
const require = createRequire(import.meta.url);
const entries = {
  'bare openapi-fetch': `import createClient from 'openapi-fetch';
createClient({ baseUrl: '/api' }).GET('/meetings/{meeting_id}', { params: { path: { meeting_id: 'm' } } }).then(console.log);`,
  [ours]: `import { createRealtimeKitClient } from '@realtimekit-meetings/client';
createRealtimeKitClient({ proxyUrl: '/api' }).meetings.get('m').then(console.log);`,
  [official]: `import Cloudflare from 'cloudflare';
new Cloudflare({ apiToken: 't', dangerouslyAllowBrowser: true }).realtimeKit.meetings.getMeetingByID('m', { account_id: 'a', app_id: 'b' }).then(console.log);`,
};
console.log('\nBrowser bundle making one call (esbuild --bundle --minify, then gzip)\n');
console.log('| bundle | minified | gzipped |');
console.log('| --- | ---: | ---: |');
for (const [name, contents] of Object.entries(entries)) {
  const result = await build({
    stdin: { contents, resolveDir: import.meta.dirname, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    nodePaths: [require.resolve('cloudflare').replace(/node_modules\/cloudflare\/.*/, 'node_modules')],
  });
  const bytes = result.outputFiles[0].contents;
  console.log(
    `| ${name} | ${(bytes.length / 1000).toFixed(1)} kB | ${(gzipSync(bytes, { level: 9 }).length / 1000).toFixed(2)} kB |`,
  );
}
