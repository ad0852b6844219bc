/**
 * A body read whole, but never more than a cap: the proxy's and the fake's requests, the webhook receivers'
 * deliveries (the client's own answers keep a loop of their own in transport.ts, for the browser bundle's bytes).
 * Written once here, beside the router and the error body that the client, the proxy and the fake also share; it uses
 * nothing a browser, a Worker or Node lacks.
 */

/**
 * The bytes of `chunks`, or undefined as soon as they pass `max` bytes: the rest is never read, so a body far over
 * the cap is never held whole. Past the cap, `stop()` is called and the iteration is left, which closes the iterator:
 * for a Node stream (an `IncomingMessage`) that is what stops it, so its callers pass a `stop` that does nothing
 * (destroying the request there would lose the 413 the server answers).
 */
export async function readAtMost(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  max: number,
  stop: () => void,
): Promise<Uint8Array | undefined> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    if (size > max) {
      stop();
      return undefined;
    }
    parts.push(chunk);
  }
  if (parts.length === 1) return parts[0];
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}

/**
 * The chunks of a web stream, through its reader (every runtime has one; not every one iterates a stream), and how
 * to stop reading it. No stream: no chunks.
 */
export function streamChunks(stream: ReadableStream<Uint8Array> | null | undefined): {
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  cancel: () => void;
} {
  const reader = stream?.getReader();
  return {
    // a reader's read() answers what an async iterator's next() does: `{ done, value }`
    chunks: reader ? { [Symbol.asyncIterator]: () => ({ next: () => reader.read() }) } : [],
    cancel: () => void reader?.cancel().catch(() => {}),
  };
}
