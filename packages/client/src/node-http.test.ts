import http from 'node:http';
import { ACCOUNT, APP } from '@realtimekit-meetings/test-fixtures/ids';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultServer, startFaultServer } from '../test-support/fault-server';
import { rejection } from '../test-support/rejection';
import { createRealtimeKitClient } from './create-client';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());

it('sends through http.request as it is at call time, so interceptors installed later (MSW, nock) see the call', async () => {
  const rtk = createRealtimeKitClient({ baseUrl: server.url, apiToken: 't', accountId: ACCOUNT, appId: APP });
  const original = http.request;
  const seen: string[] = [];
  // what MSW's setupServer().listen() does after the client's module has loaded: replace the module's property
  http.request = ((...args: Parameters<typeof http.request>) => {
    seen.push(String(args[0]));
    return original(...args);
  }) as typeof http.request;
  try {
    server.reply({
      status: 200,
      body: { success: true, data: [], paging: { total_count: 0, start_offset: 0, end_offset: 0 } },
    });
    await rtk.meetings.list();
  } finally {
    http.request = original;
  }
  expect(seen).toEqual([`${server.url}/accounts/${ACCOUNT}/realtime/kit/${APP}/meetings`]);
});

describe('the Node transport reads what servers send', () => {
  let compressing: import('node:http').Server;
  let base = '';
  const seen: { method?: string; length?: string; body: string }[] = [];
  beforeAll(async () => {
    const zlib = await import('node:zlib');
    compressing = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        seen.push({ method: req.method, length: req.headers['content-length'], body });
        const [, , encoding = '', status = '200'] = (req.url ?? '').split('/'); // /x/{encoding}/{status}/accounts/...
        const json = Buffer.from(JSON.stringify({ success: true, data: { id: 'é-ok' } }));
        const encoders: Record<string, (b: Buffer) => Buffer> = {
          gzip: zlib.gzipSync,
          deflate: zlib.deflateSync,
          br: zlib.brotliCompressSync,
          identity: (b) => b,
        };
        res.writeHead(Number(status), {
          'content-type': 'application/json',
          'content-encoding': encoding.toUpperCase() === 'GZIP' ? 'GZIP' : encoding,
          'x-many': ['one', 'two'],
        });
        const encode = encoders[encoding.toLowerCase()] ?? ((b: Buffer) => b);
        res.end(encode(json));
      });
    });
    await new Promise<void>((resolve) => compressing.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(compressing.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => compressing.close(() => resolve())));

  const at = (encoding: string, status = 200) =>
    createRealtimeKitClient({
      baseUrl: `${base}/x/${encoding}/${status}`,
      apiToken: 't',
      accountId: 'a',
      appId: 'b',
      maxRetries: 0,
    });

  it.each(['gzip', 'GZIP', 'deflate', 'br', 'identity'])('decodes a %s answer', async (encoding) => {
    expect(await at(encoding).request('get_meeting', { params: { meeting_id: 'm' } })).toEqual({
      success: true,
      data: { id: 'é-ok' },
    });
  });

  it('a 299 is an answer, a 300 an error whose headers keep every value', async () => {
    await expect(at('identity', 299).meetings.get('m')).resolves.toEqual({ id: 'é-ok' });
    const error = await rejection(at('identity', 300).meetings.get('m'));
    expect(error.status).toBe(300);
    expect(error.headers?.get('x-many')).toBe('one, two');
  });

  it('sends a body with its length in bytes, not characters', async () => {
    seen.length = 0;
    await at('identity', 201).meetings.create({ title: 'Réunion ☕' });
    expect(seen[0]).toEqual({
      method: 'POST',
      length: String(Buffer.byteLength('{"title":"Réunion ☕"}')),
      body: '{"title":"Réunion ☕"}',
    });
  });
});
