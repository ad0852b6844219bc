// Read as module properties at call time, never bound at import: request interceptors (MSW's setupServer, nock)
// replace http.request after this module loads, and a test that uses them must see the client's calls.
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { AnswerTooLarge } from './answer-too-large';

/** What the pipeline reads of an answer: the status, and the headers (built only when an error needs them). */
export type AnswerResponse = Pick<Response, 'status' | 'ok' | 'headers'>;

const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };
const DECODERS: Record<string, () => NodeJS.ReadWriteStream> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/**
 * One request on node:http or node:https with keep-alive, for the client's own calls in Node (no custom fetch, no
 * middleware): about half of what undici's fetch costs per call, which is what a proxy in front of the API pays on
 * every browser request. Aborts with `signal`; answers with the status, the headers and the body as text, of at most
 * `maxBytes` once decoded (past that it stops reading and rejects with AnswerTooLarge; no listener ever throws).
 */
export function nodeHttpSend(
  target: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal; maxBytes: number },
): Promise<{ response: AnswerResponse; text: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(target);
    const secure = url.protocol === 'https:';
    const request = (secure ? https : http).request(
      url,
      {
        method: init.method,
        // end(body) as the only write: node:http sends its Content-Length in bytes itself
        headers: init.headers,
        agent: agents[secure ? 'https:' : 'http:'],
        signal: init.signal,
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
          const status = res.statusCode ?? 0;
          let headers: Headers | undefined;
          resolve({
            response: {
              status,
              ok: status >= 200 && status < 300,
              get headers() {
                headers ??= toHeaders(res);
                return headers;
              },
            },
            text,
          });
        });
      },
    );
    request.on('error', reject);
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
