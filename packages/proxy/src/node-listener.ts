import { setMaxListeners } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { CORE, type ProxyCore, type RealtimeKitProxyHandler } from './create-proxy';
import type { RequestMaker } from './lazy-request';
import { errorAnswer, type ProxyAnswer } from './responses';

/**
 * Backslashes, encoded slashes or backslashes, and dot segments in the raw path: refused before URL parsing hides
 * them. Node's parser already refuses a target that starts with anything but `/`, `*` or a scheme, so a dot
 * segment always follows a `/`.
 */
const SUSPICIOUS_PATH = /\\|%5c|%2f|%00|\/(?:\.|%2e){1,2}(?:\/|$)/i;

/**
 * The node:http listener of a handler, its Requests for `authorize` made by `requestFor` (toNodeListener passes the
 * platform's choice, requestMaker(); a test passes the fallback's).
 */
export function nodeListener(handle: RealtimeKitProxyHandler, requestFor: RequestMaker) {
  const core = (handle as RealtimeKitProxyHandler & { [CORE]?: ProxyCore })[CORE];
  if (typeof core !== 'function')
    throw new TypeError('toNodeListener takes the handler createRealtimeKitProxy returns');
  return (req: IncomingMessage, res: ServerResponse): void => {
    void respond(core, requestFor, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end();
    });
  };
}

/**
 * The signal of the upstream calls of one connection, aborted when it closes: a caller who goes away closes it (in
 * HTTP/1.1 a request cannot be cancelled otherwise), and the calls that already ended have let go of the signal. One
 * per connection, not one per request: an AbortSignal per request cost more server CPU than the rest of the proxy's
 * own work (bench/proxy.mjs). Requests pipelined on one connection share it, so it takes any number of listeners.
 */
function connectionSignal(socket: Socket): AbortSignal {
  let controller = connections.get(socket);
  if (controller === undefined) {
    controller = new AbortController();
    setMaxListeners(0, controller.signal);
    connections.set(socket, controller);
    socket.once('close', abortCalls);
  }
  return controller.signal;
}
const connections = new WeakMap<Socket, AbortController>();
function abortCalls(this: Socket) {
  connections.get(this)?.abort();
}

async function respond(core: ProxyCore, requestFor: RequestMaker, req: IncomingMessage, res: ServerResponse) {
  // a server's request always has its url and method
  const target = req.url as string;
  const end = target.indexOf('?');
  if (SUSPICIOUS_PATH.test(end === -1 ? target : target.slice(0, end)))
    return send(req, res, errorAnswer(400, 'The path is not acceptable'));
  let url: URL;
  try {
    url = new URL(target, `http://${req.headers.host ?? 'localhost'}`);
  } catch {
    return send(req, res, errorAnswer(400, 'The request cannot be read'));
  }
  const method = req.method as string;
  const answer = await core({
    method,
    url,
    request: requestFor(url, method, req),
    fetchSite: req.headers['sec-fetch-site'],
    body: {
      contentType: req.headers['content-type'] ?? null,
      contentLength: req.headers['content-length'] ?? null,
      chunks: req,
      // nothing to do: an unread request stays paused (no one listens), a read one is destroyed when the reading
      // stops early, and send() closes the connection of either
      cancel: ignore,
    },
    signal: connectionSignal(req.socket),
  });
  return send(req, res, answer);
}

const ignore = () => {};

async function send(req: IncomingMessage, res: ServerResponse, answer: ProxyAnswer | Response) {
  let status: number;
  let headers: Record<string, string | string[]>;
  let body: string | Buffer;
  if (answer instanceof Response) {
    // what an app's `authorize` returned, passed on as it is: every Set-Cookie line (a sign-out clears several),
    // which Headers joins into one entry
    status = answer.status;
    headers = Object.fromEntries(answer.headers);
    const cookies = answer.headers.getSetCookie();
    if (cookies.length > 0) headers['set-cookie'] = cookies;
    body = Buffer.from(await answer.arrayBuffer());
  } else ({ status, headers, body } = answer);
  // A body we refused (413, 415) may still be arriving: close the connection rather than read the rest.
  const unread = !req.readableEnded && req.method !== 'GET' && req.method !== 'HEAD';
  // one object to writeHead, which then skips node's per-header bookkeeping of setHeader
  const head: Record<string, string | string[] | number> = { ...headers, 'content-length': Buffer.byteLength(body) };
  if (unread) head.connection = 'close';
  res.writeHead(status, head);
  res.end(body);
}
