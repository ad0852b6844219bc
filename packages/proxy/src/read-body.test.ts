import { describe, expect, it } from 'vitest';
import { type BodySource, readJsonBody } from './read-body';

/** A body as the adapters give it, in the chunks given; records whether anyone read it or cancelled it. */
function body(chunks: Uint8Array[], headers: { type?: string | null; length?: string | null } = {}) {
  const seen = { read: 0, cancelled: false };
  const source: BodySource = {
    contentType: headers.type === undefined ? 'application/json' : headers.type,
    contentLength: headers.length ?? null,
    chunks: {
      async *[Symbol.asyncIterator]() {
        for (const chunk of chunks) {
          seen.read++;
          yield chunk;
        }
      },
    },
    cancel: () => {
      seen.cancelled = true;
    },
  };
  return { source, seen };
}
const bytes = (text: string) => new TextEncoder().encode(text);

describe('readJsonBody', () => {
  it.each([
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['Application/JSON', true],
    ['application/vnd.api+json', true],
    ['text/plain; x=application/json', false], // a CORS-simple type carrying the word: a cross-site form could send it
    ['text/plain;application/json', false],
    ['application/jsonp', false],
    ['application/json-patch', false],
    [null, false],
  ])('content type %j: JSON is %s', async (type, json) => {
    const { source } = body([bytes('{"a":1}')], { type });
    const result = await readJsonBody(source, 1024);
    expect(result.ok ? 'read' : result.status).toBe(json ? 'read' : 415);
  });

  it('joins a body that arrives in many chunks, split inside a character', async () => {
    const whole = bytes(JSON.stringify({ title: 'Réunion ☕ hebdo', n: 42 }));
    const chunks = [whole.slice(0, 3), whole.slice(3, 13), whole.slice(13, 14), whole.slice(14)];
    const result = await readJsonBody(body(chunks).source, 1024);
    expect(result).toEqual({ ok: true, value: { title: 'Réunion ☕ hebdo', n: 42 } });
  });

  it('refuses by Content-Length before reading a byte', async () => {
    const { source, seen } = body([bytes('{"a":1}')], { length: '100000' });
    expect(await readJsonBody(source, 1024)).toEqual({
      ok: false,
      status: 413,
      message: 'The body is larger than 1024 bytes',
    });
    expect(seen).toEqual({ read: 0, cancelled: true });
  });

  it('refuses mid-stream once the bytes pass the limit, reading no further', async () => {
    const chunk = bytes(`"${'x'.repeat(400)}`);
    const { source, seen } = body([bytes('{"a":'), chunk, chunk, chunk, chunk, chunk]);
    expect(await readJsonBody(source, 1000)).toEqual({
      ok: false,
      status: 413,
      message: 'The body is larger than 1000 bytes',
    });
    expect([seen.read, seen.cancelled]).toEqual([4, true]);
  });

  it('accepts a body of exactly the limit', async () => {
    const text = JSON.stringify({ t: 'x'.repeat(100) });
    const result = await readJsonBody(body([bytes(text)], { length: String(text.length) }).source, text.length);
    expect(result.ok).toBe(true);
  });
});

describe('readJsonBody refusals, word for word', () => {
  const read = (text: string | Uint8Array, type?: string) =>
    readJsonBody(body([typeof text === 'string' ? bytes(text) : text], { type }).source, 1024);
  it.each([
    ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]), 400, 'The body is not valid JSON'],
    ['an empty body', '', 400, 'The body is not valid JSON'],
    ['an array', '[1, 2]', 400, 'The body must be a JSON object'],
    ['null', 'null', 400, 'The body must be a JSON object'],
    ['a string', '"x"', 400, 'The body must be a JSON object'],
    ['a number', '3', 400, 'The body must be a JSON object'],
  ] as const)('%s', async (_name, text, status, message) => {
    expect(await read(text)).toEqual({ ok: false, status, message });
  });

  it('a body that is not JSON says what to send', async () => {
    expect(await read('a=1', 'application/x-www-form-urlencoded')).toEqual({
      ok: false,
      status: 415,
      message: 'Send the body as application/json',
    });
  });
});
