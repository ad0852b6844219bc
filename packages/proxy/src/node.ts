import type { IncomingMessage, ServerResponse } from 'node:http';
import { CORE, type ProxyCore, type RealtimeKitProxyHandler } from './create-proxy';
import { errorAnswer, type ProxyAnswer } from './responses';

/** Backslashes, encoded slashes or backslashes, and dot segments in the raw path: refused before URL parsing hides them. */
const SUSPICIOUS_PATH = /\\|%5c|%2f|%00|(?:^|\/)(?:\.|%2e){1,2}(?:\/|$)/i;

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
  const target = req.url ?? '/';
  if (SUSPICIOUS_PATH.test(target.split('?')[0] as string))
    return send(req, res, errorAnswer(400, 'The path is not acceptable'));
  let url: URL;
  try {
    url = new URL(target, `http://${req.headers.host ?? 'localhost'}`);
  } catch {
    return send(req, res, errorAnswer(400, 'The request cannot be read'));
  }
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const method = req.method ?? 'GET';
  let request: Request | undefined;
  const answer = await core({
    method,
    url,
    request: () => {
      request ??= new Request(url, { method, headers: headersOf(req) });
      return request;
    },
    body: {
      contentType: header(req, 'content-type'),
      contentLength: header(req, 'content-length'),
      chunks: req,
      cancel: () => req.pause(),
    },
    signal: controller.signal,
  });
  return send(req, res, answer);
}

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return (Array.isArray(value) ? value.join(', ') : value) ?? null;
};

function headersOf(req: IncomingMessage) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
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
