import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { errorBody } from '@realtimekit-meetings/core';
import type { FakeAnswer, FakeRequest } from './fake/fake-request';
import { DEFAULT_LIMITS } from './fake/state';

export interface ServeOptions {
  /**
   * For a web handler (Prism's): the largest request body read, in bytes (default 1 MiB); a larger one is answered 413
   * and never held whole. The fake reads up to its own `limits.bodyBytes`.
   */
  maxBodyBytes?: number;
  /** Answer preflights and add `access-control-allow-*` headers, for a page that calls the mock directly. */
  cors?: boolean;
}

const envelope = (status: number, message: string) => JSON.stringify(errorBody(status, message));

/** A request that cannot be turned into a web `Request`: answered in the API's envelope, never a 500. */
class Refused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Cors = Record<string, string>;

/**
 * A node:http server on 127.0.0.1 around `answer`, which gets the request's URL (a Host that makes none is refused
 * 400 here) and the CORS headers to add; a throw or rejection of it is a 500 in the API's envelope. No CORS headers
 * unless `cors` (the API sends none, so a page that works against the mock only thanks to them would fail against the
 * API).
 */
function serveNode(
  answer: (req: IncomingMessage, res: ServerResponse, url: URL, cors: Cors) => Promise<void>,
  corsOn: boolean,
): Server {
  const server = createServer((req, res) => {
    const cors: Cors = corsOn
      ? {
          'access-control-allow-origin': req.headers.origin ?? '*',
          'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
          'access-control-allow-methods': 'GET,POST,PUT,PATCH,DELETE,OPTIONS',
        }
      : {};
    if (corsOn && req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    const refuse = (error: unknown) => {
      const status = error instanceof Refused ? error.status : 500;
      const body = envelope(status, String((error as Error)?.message ?? error));
      if (res.headersSent) return res.destroy();
      res
        .writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...cors })
        .end(body);
    };
    try {
      answer(req, res, urlOf(req), cors).catch(refuse);
    } catch (error) {
      refuse(error);
    }
  });
  // Node closes an idle kept-alive connection after 5 s; a client reusing it at that moment gets a reset, which a
  // test with retries off reports as the mock being unreachable. A mock server keeps them longer (close() ends them).
  server.keepAliveTimeout = 65_000;
  return server;
}

/**
 * The fake's node:http server: the method, URL, headers and body text straight from the `IncomingMessage` into the
 * fake's core (the one its web handler calls), and its status, headers and JSON text straight to the
 * `ServerResponse`, with their length. The core reads the body only where it needs one, up to its own limit.
 */
export function serveFake(core: (request: FakeRequest) => Promise<FakeAnswer>, { cors = false }: ServeOptions = {}) {
  return serveNode(async (req, res, url, corsHeaders) => {
    const answer = await core({
      method: req.method ?? 'GET',
      url,
      header: (name) => {
        const value = req.headers[name];
        return Array.isArray(value) ? value.join(', ') : value;
      },
      text: async (max) => {
        if (Number(req.headers['content-length'] ?? 0) > max) return undefined;
        const { chunks, size } = await readBody(req, max);
        return size > max ? undefined : Buffer.concat(chunks, size).toString('utf8');
      },
    });
    const head = answer.headers;
    head['content-length'] = String(Buffer.byteLength(answer.text));
    if (cors) Object.assign(head, corsHeaders);
    res.writeHead(answer.status, head);
    res.end(answer.text);
  }, cors);
}

/**
 * A node:http server in front of a web-standard handler (Prism's), on 127.0.0.1. Bodies are read up to
 * `maxBodyBytes`: the API's are small JSON documents.
 */
export function serveFetch(
  handle: (request: Request) => Promise<Response>,
  { maxBodyBytes = DEFAULT_LIMITS.bodyBytes, cors = false }: ServeOptions = {},
): Server {
  return serveNode(async (req, res, url, corsHeaders) => {
    const response = await handle(await toRequest(req, url, maxBodyBytes));
    const body = Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, { ...Object.fromEntries(response.headers), ...corsHeaders });
    res.end(body);
  }, cors);
}

/** The request's URL; a Host header that makes none is refused (400). */
function urlOf(req: IncomingMessage): URL {
  const host = req.headers.host ?? '127.0.0.1';
  try {
    return new URL(req.url ?? '/', `http://${host}`);
  } catch {
    throw new Refused(400, `The Host header (${JSON.stringify(host.slice(0, 100))}) is not a host name`);
  }
}

async function toRequest(req: IncomingMessage, url: URL, maxBodyBytes: number): Promise<Request> {
  const { chunks, size } = await readBody(req, maxBodyBytes);
  if (size > maxBodyBytes) {
    throw new Refused(413, `The request body is over ${maxBodyBytes} bytes: the API's bodies are small JSON documents`);
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return new Request(url, {
    method: req.method,
    headers,
    body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
  });
}

const NO_BODY = { chunks: [] as Buffer[], size: 0 };

/**
 * The request's body, its chunks up to `max` bytes and its whole size. Past the cap the rest is read and dropped, so
 * the client gets its 413 instead of a reset connection. A request with neither Content-Length nor Transfer-Encoding
 * has no body (RFC 9112, 6.3): nothing to wait for. Read with listeners rather than an async iterator, which costs
 * more than the rest of a GET's reading.
 */
function readBody(req: IncomingMessage, max: number): Promise<{ chunks: Buffer[]; size: number }> {
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) {
    return Promise.resolve(NO_BODY);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= max) chunks.push(chunk);
    });
    req.on('end', () => resolve({ chunks, size }));
    req.on('error', reject);
    // a caller gone mid-body: nothing to answer, and no promise left waiting
    req.on('close', () => {
      if (!req.complete) reject(new Refused(400, 'The request was cut off before its body ended'));
    });
  });
}
