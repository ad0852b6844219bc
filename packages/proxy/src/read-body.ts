export type BodyResult = { ok: true; value: Record<string, unknown> } | { ok: false; status: number; message: string };

const isJson = (contentType: string | null) =>
  !!contentType && /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType.trim());

/**
 * Reads a JSON object body of at most `maxBytes`: 415 when it is not JSON, 413 as soon as it is too large
 * (from Content-Length, or mid-stream, without reading the rest), 400 when it does not parse or is not an object.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<BodyResult> {
  if (!isJson(request.headers.get('content-type'))) {
    await request.body?.cancel();
    return { ok: false, status: 415, message: 'Send the body as application/json' };
  }
  const declared = Number(request.headers.get('content-length'));
  if (declared > maxBytes) {
    await request.body?.cancel();
    return { ok: false, status: 413, message: `The body is larger than ${maxBytes} bytes` };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return { ok: false, status: 413, message: `The body is larger than ${maxBytes} bytes` };
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, status: 400, message: 'The body is not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, status: 400, message: 'The body must be a JSON object' };
  }
  return { ok: true, value: value as Record<string, unknown> };
}
