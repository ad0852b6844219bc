import http from 'node:http';
import { ACCOUNT, APP } from '@realtimekit-meetings/test-fixtures/ids';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultServer, startFaultServer } from '../test-support/fault-server';
import { rejection } from '../test-support/rejection';
import { createRealtimeKitClient } from './create-client';
import { nodeHttpSend as browserStandIn } from './node-http.browser';

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
    // the client hands node:http its options (origin parsed once, path per call), as interceptors accept them
    const { protocol, hostname, port, path } = args[0] as http.RequestOptions;
    seen.push(`${protocol}//${hostname}:${port}${path}`);
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

describe('one attempt on node:http, without a signal', () => {
  const ok = { status: 200, body: { success: true, data: { id: 'm' } } };

  it('makes no AbortController and hands http.request no signal when the caller passes none', async () => {
    const rtk = createRealtimeKitClient({ baseUrl: server.url, apiToken: 't', accountId: ACCOUNT, appId: APP });
    const originalRequest = http.request;
    const OriginalController = globalThis.AbortController;
    const signals: unknown[] = [];
    let controllers = 0;
    http.request = ((...args: Parameters<typeof http.request>) => {
      signals.push((args[0] as http.RequestOptions).signal);
      return originalRequest(...args);
    }) as typeof http.request;
    globalThis.AbortController = class extends OriginalController {
      constructor() {
        super();
        controllers++;
      }
    };
    try {
      server.reply(ok, ok);
      await rtk.meetings.get('m');
      await rtk.meetings.get('m');
    } finally {
      http.request = originalRequest;
      globalThis.AbortController = OriginalController;
    }
    expect({ signals, controllers }).toEqual({ signals: [undefined, undefined], controllers: 0 });
  });

  it('a timeout destroys the request itself: timeout, and the next call gets its answer', async () => {
    const rtk = createRealtimeKitClient({
      baseUrl: server.url,
      apiToken: 't',
      accountId: ACCOUNT,
      appId: APP,
      maxRetries: 0,
      timeoutMs: 50,
    });
    server.reply({ ...ok, delayMs: 1_000 }, ok);
    expect((await rejection(rtk.meetings.get('m'))).kind).toBe('timeout');
    // the next call, with room to answer on a loaded machine (the server answers it at once)
    expect(await rtk.meetings.get('m', { timeoutMs: 10_000 })).toEqual({ id: 'm' });
  });

  it("the caller's abort mid-call destroys the request: aborted, not a hang", async () => {
    const rtk = createRealtimeKitClient({ baseUrl: server.url, apiToken: 't', accountId: ACCOUNT, appId: APP });
    server.reply({ ...ok, delayMs: 1_000 });
    const controller = new AbortController();
    const call = rtk.meetings.get('m', { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect((await rejection(call)).kind).toBe('aborted');
  });

  it('sends what URL parsing would send when a query name is not safe as is', async () => {
    server.reset();
    const rtk = createRealtimeKitClient({ baseUrl: `${server.url}/v4/`, apiToken: 't', accountId: 'a', appId: 'b' });
    server.reply({ status: 200, body: { success: true, data: [], paging: {} } });
    await rtk.request('get_all_meetings', { query: { "a b'c": 'd e', page_no: 2 } as never });
    // this client's requests only (under /v4/): the aborted call of the test before may still reach the server
    // after the reset on a loaded machine, its bytes already sent when the client destroyed the socket
    expect(server.requests.map((r) => r.url).filter((url) => url.startsWith('/v4/'))).toEqual([
      '/v4/accounts/a/realtime/kit/b/meetings?a%20b%27c=d%20e&page_no=2',
    ]);
  });
});

describe('the Node transport reads what servers send', () => {
  let compressing: import('node:http').Server;
  let base = '';
  const seen: { method?: string; length?: string; chunked: boolean; body: string }[] = [];
  let connections = 0;
  beforeAll(async () => {
    const zlib = await import('node:zlib');
    compressing = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const chunked = req.headers['transfer-encoding'] === 'chunked';
        seen.push({ method: req.method, length: req.headers['content-length'], chunked, body });
        const [, , encoding = '', status = '200'] = (req.url ?? '').split('/'); // /x/{encoding}/{status}/accounts/...
        const json = Buffer.from(JSON.stringify({ success: true, data: { id: 'é-ok' } }));
        if (encoding === 'corrupt') {
          res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
          return res.end('this is not gzip');
        }
        if (encoding === 'cut') {
          const gz = zlib.gzipSync(json);
          res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(gz.length + 100) });
          res.write(gz);
          return setTimeout(() => req.socket.destroy(), 5);
        }
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
    compressing.on('connection', () => connections++);
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

  it('a 299 is an answer, a 400 an error whose headers keep every value', async () => {
    await expect(at('identity', 299).meetings.get('m')).resolves.toEqual({ id: 'é-ok' });
    const error = await rejection(at('identity', 400).meetings.get('m'));
    expect(error.status).toBe(400);
    expect(error.headers?.get('x-many')).toBe('one, two');
  });

  it('sends a body with its length in bytes, not characters', async () => {
    seen.length = 0;
    await at('identity', 201).meetings.create({ title: 'Réunion ☕' });
    expect(seen[0]).toEqual({
      method: 'POST',
      length: String(Buffer.byteLength('{"title":"Réunion ☕"}')),
      chunked: false,
      body: '{"title":"Réunion ☕"}',
    });
  });

  it('a body that does not decode, or a compressed answer cut off, is a network error and not a hang', async () => {
    const corrupt = await rejection(at('corrupt').meetings.get('m', { timeoutMs: 10_000 }));
    expect([corrupt.kind, corrupt.message]).toEqual(['network', expect.stringContaining('Z_DATA_ERROR')]);
    const cut = await rejection(at('cut').meetings.get('m', { timeoutMs: 10_000 }));
    expect([cut.kind, cut.message]).toEqual(['network', expect.stringMatching(/the connection to .* was reset/)]);
  });

  it('keeps the connection alive: calls one after another share one socket', async () => {
    const rtk = at('identity');
    await rtk.meetings.get('m'); // any socket left over from earlier tests may be reused: count from here
    const before = connections;
    for (let i = 0; i < 5; i++) await rtk.meetings.get('m');
    expect(connections - before).toBe(0);
  });
});

it("the browser build's stand-in for node:http, never called there, says so if it ever is", () => {
  expect(() => browserStandIn()).toThrow('node:http is not in the browser build');
});
