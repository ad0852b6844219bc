// The floor the proxy is measured against: the least a proxy can do with nothing but Node. node:http in, node:http
// out to the upstream given in argv over a keep-alive Agent, the request body buffered, the answer body buffered and
// sent on, no checks at all. Run in its own process; prints its URL.
import { Agent, createServer, request } from 'node:http';

const upstream = new URL(process.argv[2]);
const agent = new Agent({ keepAlive: true });
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
    const out = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        agent,
        headers: { authorization: 'Bearer bench-token', ...(body ? { 'content-type': 'application/json' } : {}) },
      },
      (answer) => {
        const parts = [];
        answer.on('data', (chunk) => parts.push(chunk));
        answer.on('end', () => {
          const data = Buffer.concat(parts);
          res.writeHead(answer.statusCode, { 'content-type': 'application/json', 'content-length': data.byteLength });
          res.end(data);
        });
      },
    );
    out.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    out.end(body);
  });
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
