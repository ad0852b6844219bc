// The least a proxy can do, as the baseline the real one is measured against: node:http in, fetch out to the
// upstream given in argv, the body buffered, no checks at all. Run in its own process; prints its URL.
import { createServer } from 'node:http';

const upstream = process.argv[2];
const server = createServer(async (req, res) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const response = await fetch(`${upstream}${req.url}`, {
    method: req.method,
    headers: { authorization: 'Bearer bench-token' },
    body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
  });
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, { 'content-type': 'application/json', 'content-length': body.byteLength });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${server.address().port}`));
// 'cpu': the CPU time this process has used, in µs, so that proxy.mjs can divide it by the requests it served
process.on('message', (message) => {
  if (message !== 'cpu') return;
  const { user, system } = process.cpuUsage();
  process.send?.(user + system);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('disconnect', () => server.close(() => process.exit(0)));
