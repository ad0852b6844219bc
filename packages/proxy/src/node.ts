import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RealtimeKitProxyHandler } from './create-proxy';
import { requestMaker } from './lazy-request';
import { nodeListener } from './node-listener';

/**
 * Adapts the handler to node:http and Express: `http.createServer(toNodeListener(handle))` or
 * `app.use(toNodeListener(handle))`. It calls the proxy's core directly, with no web Request or Response in between
 * (the Request `authorize` sees is made without a body, and only once something reads it), and writes the answer
 * with writeHead and end. The body is read from the socket, so a request over maxBodyBytes is refused without
 * reading the rest, and a caller who goes away aborts the upstream call.
 */
export function toNodeListener(handle: RealtimeKitProxyHandler): (req: IncomingMessage, res: ServerResponse) => void {
  return nodeListener(handle, requestMaker());
}
