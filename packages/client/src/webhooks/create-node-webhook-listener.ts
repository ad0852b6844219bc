import type { IncomingMessage, ServerResponse } from 'node:http';
import { readAtMost } from '@realtimekit-meetings/core';
import { checkReceiverOptions, receiveWebhook, type WebhookReceiverOptions } from './create-webhook-receiver';

/** An Express request whose body a middleware already read. */
type ReadRequest = IncomingMessage & { body?: unknown };

async function readBody(req: ReadRequest, max: number): Promise<Uint8Array | 'too_large'> {
  if (req.body !== undefined) {
    // express.raw() leaves a Buffer, express.text() a string: the bytes as they arrived
    if (req.body instanceof Uint8Array) return req.body;
    if (typeof req.body === 'string') return new TextEncoder().encode(req.body);
    throw new TypeError(
      'the request body was already parsed (express.json()?): mount the webhook route before it, or with express.raw({ type: "application/json" })',
    );
  }
  if (Number(req.headers['content-length']) > max) return 'too_large';
  // over the cap, the rest is not read: the socket is closed with the answer
  return (await readAtMost(req as AsyncIterable<Uint8Array>, max, () => {})) ?? 'too_large';
}

/**
 * The receiver of `createWebhookReceiver` as a node:http or Express listener:
 * `http.createServer(createNodeWebhookListener({ onEvent }))` or `app.post('/webhooks', createNodeWebhookListener(...))`
 * mounted before `express.json()` (or after `express.raw()`). It answers first and runs `onEvent` once the answer
 * is written.
 */
export function createNodeWebhookListener(options: WebhookReceiverOptions<undefined>) {
  const maxBodyBytes = checkReceiverOptions(options as WebhookReceiverOptions<never>);
  return (req: IncomingMessage, res: ServerResponse): void => {
    const respond = async () => {
      const method = req.method ?? 'GET';
      const body = method === 'POST' ? await readBody(req, maxBodyBytes) : new Uint8Array(0);
      const answer = await receiveWebhook(options, { method, headers: req.headers, body, env: undefined });
      // a body refused early (413) may still be arriving: close the connection rather than read the rest
      if (!req.readableEnded && (req as ReadRequest).body === undefined) answer.headers.connection = 'close';
      res.writeHead(answer.status, answer.headers);
      const after = () => void answer.after?.();
      if (answer.body === null) res.end(after);
      else res.end(answer.body, after);
    };
    respond().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      // our own setup refusals (a parsed body) say what to do; anything else is not quoted
      const message = error instanceof TypeError ? error.message : 'the webhook could not be received';
      res.end(JSON.stringify({ error: 'internal', message }));
    });
  };
}
