import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One scripted answer. `destroy` drops the connection; `delayMs` holds the answer back. */
export interface FaultReply {
  status?: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as is. */
  body?: unknown;
  delayMs?: number;
  /** Drop the connection without answering, or after sending the headers and part of the body. */
  destroy?: 'before-headers' | 'mid-body';
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

export interface FaultServer {
  url: string;
  requests: RecordedRequest[];
  /** Queue answers, used in order; when the queue is empty, `fallback` answers. */
  reply(...replies: FaultReply[]): void;
  /** Forget queued answers and recorded requests (between tests). */
  reset(): void;
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 that answers each request with the next scripted fault: 429 with
 * Retry-After, 503 bursts, dropped connections, slow answers, HTML pages, truncated JSON.
 */
export async function startFaultServer(
  fallback: FaultReply | ((req: RecordedRequest) => FaultReply) = { status: 200, body: { success: true, data: {} } },
): Promise<FaultServer> {
  const queue: FaultReply[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      requests.push(recorded);
      const reply = queue.shift() ?? (typeof fallback === 'function' ? fallback(recorded) : fallback);
      const answer = () => {
        if (reply.destroy === 'before-headers') {
          req.socket.destroy();
          return;
        }
        const text =
          reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
        const json = typeof reply.body === 'object';
        res.writeHead(reply.status ?? 200, {
          ...(json ? { 'content-type': 'application/json' } : {}),
          ...(reply.destroy === 'mid-body' ? { 'content-length': String(text.length + 100) } : {}),
          ...reply.headers,
        });
        if (reply.destroy === 'mid-body') {
          res.write(text.slice(0, Math.ceil(text.length / 2)));
          setTimeout(() => req.socket.destroy(), 5);
          return;
        }
        res.end(text);
      };
      if (reply.delayMs) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          answer();
        }, reply.delayMs);
        timers.add(timer);
      } else answer();
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (...replies) => queue.push(...replies),
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A URL on 127.0.0.1 where nothing listens: connecting to it is refused. */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
