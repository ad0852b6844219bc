// A local node:http server answering every request with a fixed meeting, run in its own process so that it does
// not share an event loop with the clients being measured. Prints its URL on stdout. With an argument, answers that
// text instead (contract.mjs: the fake's own answer, from a server with nothing in between).
import { createServer } from 'node:http';

const body =
  process.argv[2] ??
  JSON.stringify({
    success: true,
    data: {
      id: 'bbb03399-24e3-4b0c-90ec-172e97e636be',
      title: 'Daily standup',
      status: 'ACTIVE',
      created_at: '2026-11-25T09:00:00.000Z',
      updated_at: '2026-11-25T09:00:00.000Z',
      record_on_start: false,
      live_stream_on_start: false,
      persist_chat: false,
      summarize_on_end: false,
      transcribe_on_end: false,
    },
  });

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  console.log(`http://127.0.0.1:${server.address().port}`);
});
// 'cpu': the CPU time this process has used, in µs (contract.mjs divides it by the requests it served)
process.on('message', (message) => {
  if (message !== 'cpu') return;
  const { user, system } = process.cpuUsage();
  process.send?.(user + system);
});
process.on('disconnect', () => server.close(() => process.exit(0)));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
