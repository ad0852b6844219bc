import { createServer, type IncomingMessage, type Server } from 'node:http';

/**
 * A node:http server in front of a web-standard handler (the fake's `fetch`), on 127.0.0.1. Bodies are read whole:
 * the API's are small JSON documents. No CORS headers, as the real API sends none (a page cannot call Cloudflare's
 * API directly either); with `cors: true`, open CORS, for a page that calls the mock directly in development.
 */
export function serveFetch(handle: (request: Request) => Promise<Response>, { cors: open = false } = {}): Server {
  const server = createServer(async (req, res) => {
    const cors: Record<string, string> = open
      ? {
          'access-control-allow-origin': req.headers.origin ?? '*',
          'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
          'access-control-allow-methods': 'GET,POST,PUT,PATCH,DELETE,OPTIONS',
        }
      : {};
    if (open && req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    try {
      let request: Request;
      try {
        request = await toRequest(req);
      } catch {
        // a Host (or target) that makes no URL: the client's mistake, answered in the API's error shape
        const body = JSON.stringify({
          success: false,
          error: { code: 400, message: 'the Host header or the request target is not a valid URL' },
        });
        res.writeHead(400, { 'content-type': 'application/json', ...cors }).end(body);
        return;
      }
      const response = await handle(request);
      res.writeHead(response.status, { ...Object.fromEntries(response.headers), ...cors });
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain', ...cors }).end(String((error as Error)?.message ?? error));
    }
  });
  // Node closes an idle kept-alive connection after 5 s; a client reusing it at that moment gets a reset, which a
  // test with retries off reports as the mock being unreachable. A mock server keeps them longer (close() ends them).
  server.keepAliveTimeout = 65_000;
  return server;
}

async function toRequest(req: IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return new Request(`http://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`, {
    method: req.method,
    headers,
    body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
  });
}
