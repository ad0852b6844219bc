// Read as module properties at call time, never bound at import: request interceptors (MSW's setupServer, nock)
// replace http.request after this module loads, and a test that uses them must see the client's calls.
import http, { type IncomingMessage, type RequestOptions } from 'node:http';
import https from 'node:https';
import { urlToHttpOptions } from 'node:url';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { AnswerTooLarge } from './answer-too-large';
import type { Attempt } from './attempt';

/**
 * What the pipeline reads of an answer: the status, and the headers (built only when an error needs them); `get`
 * reads one header without building them (node:http's answer has it, fetch's has not).
 */
export type AnswerResponse = Pick<Response, 'status' | 'ok' | 'headers'> & {
  get?(name: string): string | null | undefined;
};

const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };
const DECODERS: Record<string, () => NodeJS.ReadWriteStream> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/** Where requests go: node:http's options for an origin (its path is given per request). */
export interface NodeHttpBase {
  secure: boolean;
  options: Pick<RequestOptions, 'protocol' | 'hostname' | 'port' | 'auth'>;
}

/** The origin of an absolute http(s) URL, with its path and query as URL parsing leaves them. */
export function nodeHttpTarget(target: string): { base: NodeHttpBase; path: string } {
  const url = new URL(target);
  const { protocol, hostname, port, auth, path } = urlToHttpOptions(url);
  return { base: { secure: protocol === 'https:', options: { protocol, hostname, port, auth } }, path: path as string };
}

/** An answer read by nodeHttpSend: headers are read from node:http's own object, and built as Headers on demand. */
class NodeAnswer implements AnswerResponse {
  readonly status: number;
  readonly ok: boolean;
  private built?: Headers;
  constructor(private readonly res: IncomingMessage) {
    this.status = res.statusCode ?? 0;
    this.ok = this.status >= 200 && this.status < 300;
  }
  get headers() {
    this.built ??= toHeaders(this.res);
    return this.built;
  }
  /** One header as Headers.get reads it (repeated ones joined with ", "), or undefined. */
  get(name: string) {
    const value = this.res.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  }
}

/**
 * One request on node:http or node:https with keep-alive, for the client's own calls in Node (no custom fetch, no
 * middleware): about half of what undici's fetch costs per call, which is what a proxy in front of the API pays on
 * every browser request. `path` (below the base's origin) must be what URL parsing would leave as is. Stopped by
 * `attempt` (the request is destroyed); answers with what `read` makes of the status, the headers and the body as text, of at most
 * `maxBytes` once decoded (past that it stops reading and rejects with AnswerTooLarge; no listener ever throws).
 */
export function nodeHttpSend<T>(
  base: NodeHttpBase,
  path: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body?: string;
    attempt: Attempt;
    maxBytes: number;
    /** Turns the answer into what the promise resolves with (or rejects with what it throws). */
    read: (response: AnswerResponse, text: string) => T;
  },
): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = (base.secure ? https : http).request(
      {
        protocol: base.options.protocol,
        hostname: base.options.hostname,
        port: base.options.port,
        auth: base.options.auth,
        path,
        method: init.method,
        // end(body) as the only write: node:http sends its Content-Length in bytes itself
        headers: init.headers,
        agent: agents[base.secure ? 'https:' : 'http:'],
      },
      (res: IncomingMessage) => {
        const decode = DECODERS[res.headers['content-encoding']?.toLowerCase() as string];
        const stream = decode ? res.pipe(decode()) : res;
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > init.maxBytes) {
            // stop reading (and inflating): the socket is dropped, never reused half-read
            reject(new AnswerTooLarge(init.maxBytes));
            request.destroy();
            (stream as IncomingMessage).destroy();
            return;
          }
          chunks.push(chunk);
        });
        // a body that does not decode; an answer cut off (an ECONNRESET 'aborted', which a decoder never sees)
        stream.on('error', reject);
        res.on('error', reject);
        stream.on('end', () => {
          const text =
            chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks).toString('utf8');
          try {
            resolve(init.read(new NodeAnswer(res), text));
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    request.on('error', reject);
    // a timeout or the caller's signal destroys the request (and its socket), as a signal passed to it would
    if (init.attempt.aborted) request.destroy(new Error('aborted'));
    else init.attempt.request = request;
    request.end(init.body);
  });
}

function toHeaders(res: IncomingMessage) {
  const headers = new Headers();
  for (const [name, values] of Object.entries(res.headersDistinct)) {
    for (const value of values as string[]) headers.append(name, value);
  }
  return headers;
}
