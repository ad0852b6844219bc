import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RealtimeKitProxyHandler } from './create-proxy';
import { errorResponse } from './responses';

/** Backslashes, encoded slashes or backslashes, and dot segments in the raw path: refused before URL parsing hides them. */
const SUSPICIOUS_PATH = /\\|%5c|%2f|%00|(?:^|\/)(?:\.|%2e){1,2}(?:\/|$)/i;

/**
 * Adapts the web-standard handler to node:http and Express: `http.createServer(toNodeListener(handle))` or
 * `app.use(toNodeListener(handle))`. The body is streamed, so a request over maxBodyBytes is refused without
 * reading the rest, and a caller who goes away aborts the upstream call.
 */
export function toNodeListener(handle: RealtimeKitProxyHandler) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    void respond(handle, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end();
    });
  };
}

async function respond(handle: RealtimeKitProxyHandler, req: IncomingMessage, res: ServerResponse) {
  const rawPath = (req.url ?? '/').split('?')[0] as string;
  let response: Response;
  if (SUSPICIOUS_PATH.test(rawPath)) {
    response = errorResponse(400, 'The path is not acceptable');
  } else {
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    const method = req.method ?? 'GET';
    const hasBody = method !== 'GET' && method !== 'HEAD';
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
    }
    let request: Request;
    try {
      request = new Request(new URL(req.url ?? '/', 'http://localhost'), {
        method,
        headers,
        body: hasBody ? bodyStream(req) : undefined,
        signal: controller.signal,
        // @ts-expect-error: undici needs it for a streamed body; not in the DOM RequestInit type
        duplex: 'half',
      });
    } catch {
      response = errorResponse(400, 'The request cannot be read');
      return send(res, response, req);
    }
    response = await handle(request);
  }
  return send(res, response, req);
}

/**
 * The request body as a web stream that stops reading when cancelled (a 413 or 415 does not read the rest).
 * Node 20's Readable.toWeb keeps pushing into a cancelled stream and throws, so this is a small one of our own.
 */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let open = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on('data', (chunk: Buffer) => {
        if (!open) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.on('end', () => {
        if (open) controller.close();
        open = false;
      });
      req.on('error', (error) => {
        if (open) controller.error(error);
        open = false;
      });
    },
    pull() {
      req.resume();
    },
    cancel() {
      open = false;
      req.pause();
    },
  });
}

async function send(res: ServerResponse, response: Response, req: IncomingMessage) {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  // A body we refused (413, 415) may still be arriving: close the connection rather than read the rest.
  if (!req.readableEnded && req.method !== 'GET' && req.method !== 'HEAD') headers.connection = 'close';
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, { ...headers, 'content-length': String(body.byteLength) });
  res.end(body);
}
