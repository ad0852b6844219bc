import type { IncomingMessage, ServerResponse } from 'node:http';
import { CORE, type ProxyCore, type RealtimeKitProxyHandler } from './create-proxy';
import { errorAnswer, type ProxyAnswer } from './responses';

/**
 * Backslashes, encoded slashes or backslashes, and dot segments in the raw path: refused before URL parsing hides
 * them. Node's parser already refuses a target that starts with anything but `/`, `*` or a scheme, so a dot
 * segment always follows a `/`.
 */
const SUSPICIOUS_PATH = /\\|%5c|%2f|%00|\/(?:\.|%2e){1,2}(?:\/|$)/i;

/**
 * Adapts the handler to node:http and Express: `http.createServer(toNodeListener(handle))` or
 * `app.use(toNodeListener(handle))`. It calls the proxy's core directly, with no web Request or Response in between
 * (the Request `authorize` sees is made without a body), and writes the answer with writeHead and end. The body is
 * read from the socket, so a request over maxBodyBytes is refused without reading the rest, and a caller who goes
 * away aborts the upstream call.
 */
export function toNodeListener(handle: RealtimeKitProxyHandler) {
  const core = (handle as RealtimeKitProxyHandler & { [CORE]?: ProxyCore })[CORE];
  if (typeof core !== 'function')
    throw new TypeError('toNodeListener takes the handler createRealtimeKitProxy returns');
  return (req: IncomingMessage, res: ServerResponse): void => {
    void respond(core, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end();
    });
  };
}

async function respond(core: ProxyCore, req: IncomingMessage, res: ServerResponse) {
  // a server's request always has its url and method
  const target = req.url as string;
  if (SUSPICIOUS_PATH.test(target.split('?')[0] as string))
    return send(req, res, errorAnswer(400, 'The path is not acceptable'));
  let url: URL;
  try {
    url = new URL(target, `http://${req.headers.host ?? 'localhost'}`);
  } catch {
    return send(req, res, errorAnswer(400, 'The request cannot be read'));
  }
  const controller = new AbortController();
  // the caller went away; not after the answer was written, where an abort would only cost an AbortError per request
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const method = req.method as string;
  let request: Request | undefined;
  const answer = await core({
    method,
    url,
    request: () => {
      request ??= new Request(url, { method, headers: headersOf(req) });
      return request;
    },
    body: {
      contentType: req.headers['content-type'] ?? null,
      contentLength: req.headers['content-length'] ?? null,
      chunks: req,
      // nothing to do: an unread request stays paused (no one listens), a read one is destroyed when the reading
      // stops early, and send() closes the connection of either
      cancel: () => {},
    },
    signal: controller.signal,
  });
  return send(req, res, answer);
}

function headersOf(req: IncomingMessage) {
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    for (const value of values as string[]) headers.append(name, value);
  }
  return headers;
}

async function send(req: IncomingMessage, res: ServerResponse, answer: ProxyAnswer | Response) {
  let status: number;
  let headers: Record<string, string>;
  let body: string | Buffer;
  if (answer instanceof Response) {
    // what an app's `authorize` returned, passed on as it is
    status = answer.status;
    headers = Object.fromEntries(answer.headers);
    body = Buffer.from(await answer.arrayBuffer());
  } else ({ status, headers, body } = answer);
  // A body we refused (413, 415) may still be arriving: close the connection rather than read the rest.
  const unread = !req.readableEnded && req.method !== 'GET' && req.method !== 'HEAD';
  res.writeHead(status, {
    ...headers,
    'content-length': String(Buffer.byteLength(body)),
    ...(unread ? { connection: 'close' } : {}),
  });
  res.end(body);
}
