import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  /** The body exactly as it arrived. */
  raw: string;
  /** Its `event` field. */
  event: string;
  path: string;
}

/**
 * A webhook endpoint on a real node:http server on 127.0.0.1 (a free port): it records each POST and answers what
 * `respond` says (200 by default, or a status a promise resolves to, to hold the request). `log` says when each
 * request started and when it was answered, so a test can see whether deliveries overlapped.
 */
export async function startWebhookReceiver() {
  const received: Received[] = [];
  const log: string[] = [];
  let respond: (request: Received, index: number) => number | Promise<number> = () => 200;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let event = '';
    try {
      event = String(JSON.parse(raw).event);
    } catch {}
    const request = { headers: req.headers, raw, event, path: req.url ?? '/' };
    received.push(request);
    log.push(`start ${event}`);
    const status = await respond(request, received.length - 1);
    log.push(`end ${event}`);
    if (!res.destroyed) res.writeHead(status).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    log,
    /** How to answer from now on: by the request and its index among all received. */
    answer(next: typeof respond) {
      respond = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 nobody listens on: a delivery there fails with ECONNREFUSED. */
export async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
