import { createServer, type IncomingMessage, type Server } from 'node:http';
import { jsonText } from './fake/respond';
import { DEFAULT_LIMITS } from './fake/state';

export interface ServeOptions {
  /** The largest request body read, in bytes (default 1 MiB): a larger one is answered 413 and never held whole. */
  maxBodyBytes?: number;
  /** Answer preflights and add `access-control-allow-*` headers, for a page that calls the mock directly. */
  cors?: boolean;
}

const envelope = (status: number, message: string) =>
  JSON.stringify({ success: false, error: { code: status, message } });

/** A request that cannot be turned into a web `Request`: answered in the API's envelope, never a 500. */
class Refused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A node:http server in front of a web-standard handler (the fake's `fetch`), on 127.0.0.1. Bodies are read up to
 * `maxBodyBytes`: the API's are small JSON documents. No CORS headers unless `cors` (the API sends none, so a page
 * that works against the mock only thanks to them would fail against the API).
 */
export function serveFetch(
  handle: (request: Request) => Promise<Response>,
  { maxBodyBytes = DEFAULT_LIMITS.bodyBytes, cors: corsOn = false }: ServeOptions = {},
): Server {
  const server = createServer(async (req, res) => {
    const cors: Record<string, string> = corsOn
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
    try {
      const response = await handle(await toRequest(req, maxBodyBytes));
      // the fake's own answers as the text they were made from, with their length (not chunked): no web stream read
      // back per request; anything else (Prism's) as its body reads
      const text = jsonText(response);
      const head: Record<string, string | number> = { ...Object.fromEntries(response.headers), ...cors };
      if (text !== undefined) head['content-length'] = Buffer.byteLength(text);
      const body = text ?? Buffer.from(await response.arrayBuffer());
      res.writeHead(response.status, head);
      res.end(body);
    } catch (error) {
      const status = error instanceof Refused ? error.status : 500;
      const message = String((error as Error)?.message ?? error);
      const body = envelope(status, message);
      res
        .writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...cors })
        .end(body);
    }
  });
  // Node closes an idle kept-alive connection after 5 s; a client reusing it at that moment gets a reset, which a
  // test with retries off reports as the mock being unreachable. A mock server keeps them longer (close() ends them).
  server.keepAliveTimeout = 65_000;
  return server;
}

async function toRequest(req: IncomingMessage, maxBodyBytes: number): Promise<Request> {
  const host = req.headers.host ?? '127.0.0.1';
  let url: URL;
  try {
    url = new URL(req.url ?? '/', `http://${host}`);
  } catch {
    throw new Refused(400, `The Host header (${JSON.stringify(host.slice(0, 100))}) is not a host name`);
  }
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
