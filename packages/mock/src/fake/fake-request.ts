/**
 * One request as the fake's core reads it, and its answer as the core writes it: what a web `Request` and a node:http
 * `IncomingMessage` both give, so the web handler (`fake.fetch`: MSW, workerd) and the node:http server run the
 * same core and cannot answer differently. Neither needs a web `Request` or `Response` object made per request.
 */
import { readAtMost, streamChunks } from '@realtimekit-meetings/core';

export interface FakeRequest {
  method: string;
  /** The request's URL, parsed once (its pathname normalised as a web `Request`'s is). */
  url: URL;
  /** A request header by its lower-case name. */
  header(name: string): string | undefined;
  /** The body as text, or undefined when it is over `max` bytes; read only when the core asks for it. */
  text(max: number): Promise<string | undefined>;
}

/** What the core answers: a status, lower-case headers, and the JSON text of the body. */
export interface FakeAnswer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** A web `Request` as the core reads it. */
export function webFakeRequest(request: Request): FakeRequest {
  return {
    method: request.method,
    url: new URL(request.url),
    header: (name) => request.headers.get(name) ?? undefined,
    text: (max) => readText(request, max),
  };
}

/** The core's answer as a web `Response`. */
export const webResponse = (answer: FakeAnswer) =>
  new Response(answer.text, { status: answer.status, headers: answer.headers });

/**
 * The body as text, or undefined when it is over `max` bytes: read chunk by chunk, so a body far over the cap is never
 * held whole (a `content-length` over it is refused before reading).
 */
async function readText(request: Request, max: number): Promise<string | undefined> {
  if (Number(request.headers.get('content-length') ?? 0) > max) return undefined;
  const { chunks, cancel } = streamChunks(request.body);
  const bytes = await readAtMost(chunks, max, cancel);
  return bytes && new TextDecoder().decode(bytes);
}
