#!/usr/bin/env node
// pnpm bench (proxy): the proxy against the least Node can do. Six processes on 127.0.0.1: a fast upstream answering
// one meeting (http-server.mjs); the floor (node-forwarder-server.mjs: node:http in, node:http out over a keep-alive
// Agent, no checks); a peer (forwarder-server.mjs: node:http in, fetch out, no checks); our proxy (proxy-server.mjs:
// toNodeListener(createRealtimeKitProxy(...)) with an allow list and authorize), twice: with an authorize that decides
// without reading the request, and with one that reads a header (the Request is then made); and autocannon as the load
// generator. GET {basePath}/meetings/{id} at 1 and 32 connections, in interleaved rounds whose order rotates; ratios
// are medians of per-round ratios to the floor, so machine noise cancels out. Beside throughput and p99, each
// server's own CPU time per request (autocannon shares the cores, so throughput understates the gap). Then heap
// after 10,000 and after 100,000 requests at 32 connections; the floor, the client and the proxy in one process,
// sequentially, in whole-process CPU per request (what each adds to the floor, steadier on a shared machine) and the
// p99 of each request's time in µs; and the web-standard handle(request) in-process against calling the client.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { Agent, createServer, request as httpRequest } from 'node:http';
import { createRealtimeKitClient } from '@realtimekit-meetings/client';
import { createRealtimeKitProxy } from '@realtimekit-meetings/proxy';
import { toNodeListener } from '@realtimekit-meetings/proxy/node';
import autocannon from 'autocannon';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ACCOUNT = '023e105f4ecef8ad9ca31a8372d0c353';
const APP = '14a396e7-ca44-4937-bf1f-050a69118543';
const MEETING = 'bbb03399-24e3-4b0c-90ec-172e97e636be';

/** Starts a server script in its own process; resolves with it and the URL it prints. */
async function start(script, args = [], execArgv = []) {
  const child = fork(new URL(script, import.meta.url), args, { stdio: ['ignore', 'pipe', 'inherit', 'ipc'], execArgv });
  const [chunk] = await once(child.stdout, 'data');
  return { child, url: String(chunk).trim() };
}

const upstream = await start('./http-server.mjs');
const floor = await start('./node-forwarder-server.mjs', [upstream.url]);
const forwarder = await start('./forwarder-server.mjs', [upstream.url]);
const proxy = await start('./proxy-server.mjs', [upstream.url], ['--expose-gc']);
const reading = await start('./proxy-server.mjs', [upstream.url, 'reads-request']);
const upstreamPath = `/accounts/${ACCOUNT}/realtime/kit/${APP}/meetings/${MEETING}`;
const targets = {
  'node:http forwarder': `${floor.url}${upstreamPath}`,
  'fetch forwarder': `${forwarder.url}${upstreamPath}`,
  proxy: `${proxy.url}/api/realtimekit/meetings/${MEETING}`,
  'proxy, authorize reads a header': `${reading.url}/api/realtimekit/meetings/${MEETING}`,
};
const FLOOR = 'node:http forwarder';
const names = Object.keys(targets);

/** The CPU time a server process has used so far, in µs (its own count, over IPC). */
const cpu = async ({ child }) => {
  child.send('cpu');
  const [message] = await once(child, 'message');
  return message;
};
const servers = {
  'node:http forwarder': floor,
  'fetch forwarder': forwarder,
  proxy,
  'proxy, authorize reads a header': reading,
};
const run = async (name, connections, duration) => {
  const url = targets[name];
  const before = await cpu(servers[name]);
  const result = await autocannon({ url, connections, duration });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  // the server's CPU per request: on a shared machine, what the server costs apart from what it waits for
  const used = (await cpu(servers[name])) - before;
  return { rps: result.requests.average, p99: result.latency.p99, cpu: used / result.requests.total };
};
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const spread = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `${sorted[0].toFixed(2)}–${sorted.at(-1).toFixed(2)}`;
};

console.log(
  `\nGET one meeting: the proxy and a fetch forwarder vs the check-free node:http forwarder, ${ROUNDS} interleaved rounds of ${SECONDS} s`,
);
console.log('ratios: medians of per-round ratios to the node:http forwarder (min–max)\n');
console.log(
  '| connections | contender | req/s | p99 ms | server CPU µs / request | throughput × floor | p99 × floor | CPU / request × floor |',
);
console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const connections of [1, 32]) {
  for (const name of names) await run(name, connections, 1); // warm-up: JIT, keep-alive pools
  const rounds = [];
  for (let round = 0; round < ROUNDS; round++) {
    const row = {};
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length];
      row[name] = await run(name, connections, SECONDS);
    }
    rounds.push(row);
  }
  for (const name of names) {
    const throughput = rounds.map((r) => r[name].rps / r[FLOOR].rps);
    // autocannon reports latency in whole milliseconds: a ratio means something only where both are 1 ms or more
    const p99 = rounds.filter((r) => r[FLOOR].p99 >= 1 && r[name].p99 >= 1).map((r) => r[name].p99 / r[FLOOR].p99);
    const cost = rounds.map((r) => r[name].cpu / r[FLOOR].cpu);
    const cells =
      name === FLOOR
        ? '1 | 1 | 1'
        : `${median(throughput).toFixed(2)} (${spread(throughput)}) | ${p99.length ? `${median(p99).toFixed(2)} (${spread(p99)})` : 'both under 1 ms'} | ${median(cost).toFixed(2)} (${spread(cost)})`;
    console.log(
      `| ${connections} | ${name} | ${median(rounds.map((r) => r[name].rps)).toFixed(0)} | ${median(rounds.map((r) => r[name].p99))} | ${median(rounds.map((r) => r[name].cpu)).toFixed(0)} | ${cells} |`,
    );
  }
}

// Memory: heap after a full GC in the proxy's process, after 10,000 and after 100,000 requests at 32 connections.
const heap = async () => {
  proxy.child.send('heap');
  const [message] = await once(proxy.child, 'message');
  return message;
};
const REQUESTS = Number(process.env.BENCH_HEAP_REQUESTS ?? 100_000);
await autocannon({ url: targets.proxy, connections: 32, amount: REQUESTS / 10 });
const at10 = await heap();
await autocannon({ url: targets.proxy, connections: 32, amount: REQUESTS - REQUESTS / 10 });
const at100 = await heap();
console.log(
  `\nproxy heap after GC: ${(at10 / 1e6).toFixed(1)} MB after ${REQUESTS / 10} requests, ${(at100 / 1e6).toFixed(1)} MB after ${REQUESTS} (${((at100 / at10 - 1) * 100).toFixed(1)}%, goal within 5%)`,
);

// In one process, sequential GETs over keep-alive, the whole process's CPU per request (load generator, server and
// upstream alike), in interleaved rounds: steadier than autocannon on a shared machine, and the difference to the floor
// is what a contender adds. Contenders: the floor (node:http forwarder), a server that calls client.request and writes
// its JSON (what the client costs), the proxy, and the proxy whose authorize reads a header.
{
  const body = JSON.stringify({ success: true, data: { id: MEETING, title: 'Daily standup', status: 'ACTIVE' } });
  const started = [];
  const listen = (server) => {
    started.push(server);
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
  };
  const local = await listen(
    createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      });
    }),
  );
  const upstreamAgent = new Agent({ keepAlive: true });
  const floorPort = await listen(
    createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const out = httpRequest(
          {
            host: '127.0.0.1',
            port: local,
            path: req.url,
            agent: upstreamAgent,
            headers: { authorization: 'Bearer b' },
          },
          (answer) => {
            const parts = [];
            answer.on('data', (chunk) => parts.push(chunk));
            answer.on('end', () => {
              const data = Buffer.concat(parts);
              res.writeHead(answer.statusCode, {
                'content-type': 'application/json',
                'content-length': data.byteLength,
              });
              res.end(data);
            });
          },
        );
        out.end();
      });
    }),
  );
  const localClient = () =>
    createRealtimeKitClient({
      baseUrl: `http://127.0.0.1:${local}`,
      apiToken: 'bench',
      accountId: ACCOUNT,
      appId: APP,
      rateBudget: { requests: 1_000_000_000, windowSeconds: 1 },
    });
  const direct = localClient();
  const proxyPort = (authorize) =>
    listen(
      createServer(
        toNodeListener(
          createRealtimeKitProxy({
            client: localClient(),
            basePath: '/api/realtimekit',
            allow: ['get_meeting'],
            authorize,
          }),
        ),
      ),
    );
  const contenders = {
    'node:http forwarder': [floorPort, upstreamPath],
    'client.request, JSON written': [
      await listen(
        createServer(async (_req, res) => {
          const text = JSON.stringify(await direct.request('get_meeting', { params: { meeting_id: MEETING } }));
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
          res.end(text);
        }),
      ),
      '/',
    ],
    proxy: [await proxyPort(() => true), `/api/realtimekit/meetings/${MEETING}`],
    'proxy, authorize reads a header': [
      await proxyPort((request) => request.headers.get('cookie') === null),
      `/api/realtimekit/meetings/${MEETING}`,
    ],
  };
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const get = (port, path) =>
    new Promise((resolve, reject) => {
      httpRequest({ host: '127.0.0.1', port, path, agent }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`${path}: ${res.statusCode}`))));
      })
        .on('error', reject)
        .end();
    });
  const N = 2000;
  const cpuPerRequest = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  // each request's time, in µs (autocannon's latencies are whole milliseconds, too coarse at one connection)
  const p99PerRound = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  const order = Object.keys(contenders);
  const times = new Float64Array(N);
  for (let round = 0; round <= ROUNDS * 3; round++) {
    for (let i = 0; i < order.length; i++) {
      const name = order[(i + round) % order.length];
      const [port, path] = contenders[name];
      const t0 = process.cpuUsage();
      for (let n = 0; n < N; n++) {
        const start = process.hrtime.bigint();
        await get(port, path);
        times[n] = Number(process.hrtime.bigint() - start) / 1000;
      }
      const used = process.cpuUsage(t0);
      if (round === 0) continue; // round 0 warms up
      cpuPerRequest[name].push((used.user + used.system) / N);
      p99PerRound[name].push(times.slice().sort()[Math.ceil(N * 0.99) - 1]);
    }
  }
  const floorCpu = cpuPerRequest['node:http forwarder'];
  const floorP99 = p99PerRound['node:http forwarder'];
  console.log(
    `\nin one process, sequential keep-alive GETs, whole-process CPU per request and p99 of each request's time (${ROUNDS * 3} rounds of ${N}):`,
  );
  for (const name of order) {
    const added = cpuPerRequest[name].map((value, i) => value - floorCpu[i]);
    const p99 = p99PerRound[name].map((value, i) => value / floorP99[i]);
    console.log(
      `  ${name}: ${median(cpuPerRequest[name]).toFixed(0)} µs, p99 ${median(p99PerRound[name]).toFixed(0)} µs${name === 'node:http forwarder' ? '' : `; +${median(added).toFixed(0)} µs CPU over the floor, p99 ${median(p99).toFixed(2)}× (${spread(p99)}) (per-round medians)`}`,
    );
  }
  // nothing of this section may keep the process alive
  agent.destroy();
  upstreamAgent.destroy();
  for (const server of started) server.close();
  for (const server of started) server.closeAllConnections();
}

// The web-standard path, in-process: handle(request) against the client's own call, sequentially, in CPU time (the
// upstream's share is in another process). In Node the difference is mostly undici's Request and Response.
const client = createRealtimeKitClient({
  baseUrl: upstream.url,
  apiToken: 'bench',
  accountId: ACCOUNT,
  appId: APP,
  rateBudget: { requests: 1_000_000_000, windowSeconds: 1 }, // on (its cost counts) but wide; a 1 s window keeps its log of calls small
});
const handle = createRealtimeKitProxy({
  client,
  basePath: '/api/realtimekit',
  allow: ['get_meeting'],
  authorize: () => true,
});
const calls = {
  'client.meetings.get': () => client.meetings.get(MEETING),
  'handle(request)': async () =>
    (await handle(new Request(`https://app.example.test/api/realtimekit/meetings/${MEETING}`))).arrayBuffer(),
};
const perCall = Object.fromEntries(Object.keys(calls).map((name) => [name, []]));
for (let round = 0; round <= ROUNDS; round++) {
  for (const [name, call] of Object.entries(calls)) {
    const t0 = process.cpuUsage();
    for (let i = 0; i < 300; i++) await call();
    const used = process.cpuUsage(t0);
    if (round > 0) perCall[name].push((used.user + used.system) / 300);
  }
}
const webRatio = perCall['handle(request)'].map((value, i) => value / perCall['client.meetings.get'][i]);
console.log(
  `\nin-process, sequential, CPU per call: client.meetings.get ${median(perCall['client.meetings.get']).toFixed(0)} µs, handle(request) ${median(perCall['handle(request)']).toFixed(0)} µs: ${median(webRatio).toFixed(2)}× (${spread(webRatio)})`,
);

for (const server of [upstream, floor, forwarder, proxy, reading]) server.child.kill('SIGTERM');
