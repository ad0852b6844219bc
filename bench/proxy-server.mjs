// The proxy under load: node:http + toNodeListener, its server-side client pointing at the upstream given in argv,
// with an allow list and an authorize hook as an app would have (one that decides without reading the request, or with
// `reads-request` one that reads a header of it). Run in its own process; prints its URL. Answers
// the 'heap' message with the heap used after a full GC (run with --expose-gc), 'cpu' with its CPU time so far.
import { createServer } from 'node:http';
import { createRealtimeKitClient } from '@realtimekit-meetings/client';
import { createRealtimeKitProxy } from '@realtimekit-meetings/proxy';
import { toNodeListener } from '@realtimekit-meetings/proxy/node';

const client = createRealtimeKitClient({
  baseUrl: process.argv[2],
  apiToken: 'bench-token',
  accountId: '023e105f4ecef8ad9ca31a8372d0c353',
  appId: '14a396e7-ca44-4937-bf1f-050a69118543',
  rateBudget: { requests: 1_000_000_000, windowSeconds: 1 }, // on (its cost counts) but wide; a 1 s window keeps its log of calls small
});
const handle = createRealtimeKitProxy({
  client,
  basePath: '/api/realtimekit',
  allow: ['get_meeting'],
  // with `reads-request`, authorize reads a header, as an app reading its session cookie does: the Request is made
  authorize: process.argv[3] === 'reads-request' ? (request) => request.headers.get('cookie') === null : () => true,
});
const server = createServer(toNodeListener(handle));
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${server.address().port}`));
process.on('message', (message) => {
  if (message === 'cpu') {
    // the CPU time this process has used, in µs, so that proxy.mjs can divide it by the requests it served
    const { user, system } = process.cpuUsage();
    process.send?.(user + system);
    return;
  }
  if (message !== 'heap') return;
  globalThis.gc?.();
  process.send?.(process.memoryUsage().heapUsed);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('disconnect', () => server.close(() => process.exit(0)));
