import { readAtMost } from '@realtimekit-meetings/core';

export type BodyResult = { ok: true; value: Record<string, unknown> } | { ok: false; status: number; message: string };

/** A request body as the adapters give it: its chunks, and a way to stop reading (the rest is not wanted). */
export interface BodySource {
  contentType: string | null;
  contentLength: string | null;
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  cancel(): void;
}

// Header values arrive trimmed (the fetch Headers class and Node's parser both strip the ends).
export const isJson = (contentType: string | null) =>
  !!contentType && /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType);

/** The deepest nesting a body may have: far beyond any RealtimeKit body, far below what would overflow a stack. */
export const MAX_DEPTH = 64;

/** Whether a parsed value nests deeper than `MAX_DEPTH`, measured without recursion. */
function tooDeep(value: unknown): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (typeof node !== 'object' || node === null) continue;
    if (depth > MAX_DEPTH) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Reads a JSON object body of at most `maxBytes`: 415 when it is not JSON (the proxy checks that before `authorize`;
 * this stays for any other caller), 413 as soon as it is too large
 * (from Content-Length, or mid-stream, without reading the rest), 400 when it does not parse, is not an object or
 * nests deeper than `MAX_DEPTH` (it could not be sent on).
 */
export async function readJsonBody(source: BodySource, maxBytes: number): Promise<BodyResult> {
  if (!isJson(source.contentType)) {
    source.cancel();
    return { ok: false, status: 415, message: 'Send the body as application/json' };
  }
  if (Number(source.contentLength) > maxBytes) {
    source.cancel();
    return { ok: false, status: 413, message: `The body is larger than ${maxBytes} bytes` };
  }
  const bytes = await readAtMost(source.chunks, maxBytes, source.cancel);
  if (!bytes) return { ok: false, status: 413, message: `The body is larger than ${maxBytes} bytes` };
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, status: 400, message: 'The body is not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, status: 400, message: 'The body must be a JSON object' };
  }
  if (tooDeep(value)) return { ok: false, status: 400, message: `The body nests deeper than ${MAX_DEPTH} levels` };
  return { ok: true, value: value as Record<string, unknown> };
}
