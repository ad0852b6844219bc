import { getEventListeners } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type FaultServer, refusedUrl, startFaultServer } from '../test-support/fault-server';
import { ACCOUNT, APP, MEETING, TOKEN } from '../test-support/recording-fetch';
import { rejection } from '../test-support/rejection';
import { createRealtimeKitClient } from './create-client';
import type { ServerClientOptions } from './options';

// Behaviour over real HTTP: a node:http server on 127.0.0.1 answers each request with a scripted fault.
let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.reset();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const meeting = { id: MEETING, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' };
const ok = { status: 200, body: { success: true, data: meeting } };
const created = { status: 201, body: { success: true, data: meeting } };
const rtk = (options: ServerClientOptions = {}) =>
  createRealtimeKitClient({ apiToken: TOKEN, accountId: ACCOUNT, appId: APP, baseUrl: server.url, ...options });
const rtk0 = (baseUrl: string) => createRealtimeKitClient({ apiToken: TOKEN, accountId: ACCOUNT, appId: APP, baseUrl });
const noJitter = () => vi.spyOn(Math, 'random').mockReturnValue(0);

describe('retries of safe requests (GET, PUT, DELETE)', () => {
  it('rides out a burst of 503s', async () => {
    noJitter();
    server.reply({ status: 503, body: 'busy' }, { status: 503 }, ok);
    await expect(rtk().meetings.get(MEETING)).resolves.toEqual(meeting);
    expect(server.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'GET']);
  });

  it('gives up after maxRetries with the last error', async () => {
    noJitter();
    server.reply(
      { status: 503 },
      { status: 502 },
      { status: 504, body: { success: false, error: { code: 504, message: 'Upstream timed out' } } },
    );
    const error = await rejection(rtk().meetings.replace(MEETING, { title: 'x' }));
    expect(error).toMatchObject({ kind: 'http', status: 504, method: 'PUT', attempts: 3 });
    expect(error.message).toMatch(/^504 replace_meeting: Upstream timed out \(3 attempts, \d+ ms in all\)$/);
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry a 4xx other than 408 and 429', async () => {
    server.reply({ status: 404, body: { success: false, error: { code: 404, message: 'Not found' } } });
    expect((await rejection(rtk().participants.delete(MEETING, 'p1'))).status).toBe(404);
    expect(server.requests).toHaveLength(1);
  });

  it('honours Retry-After in seconds', async () => {
    server.reply({ status: 429, headers: { 'retry-after': '1' } }, ok);
    await rtk().meetings.get(MEETING);
    const [first, second] = server.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it('honours Retry-After as an HTTP date', async () => {
    // Date alone is faked, at a whole second, so the header is exactly 2 s ahead whatever the machine's speed; the
    // wait itself is real
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-11-25T12:00:00Z') });
    server.reply({ status: 503, headers: { 'retry-after': 'Wed, 25 Nov 2026 12:00:02 GMT' } }, ok);
    const lines: string[] = [];
    await rtk({ logger: { debug: (line) => lines.push(line) } }).meetings.get(MEETING);
    expect(lines[0]).toMatch(/ 503 \(attempt 1\/3, 0 ms, retrying in 2000 ms\)/);
    expect(server.requests).toHaveLength(2);
  });

  it('does not wait out a Retry-After over 60 s: throws at once with retryAfter set', async () => {
    server.reply({
      status: 429,
      headers: { 'retry-after': '120' },
      body: { success: false, error: { code: 429, message: 'Slow down' } },
    });
    const error = await rejection(rtk().meetings.get(MEETING));
    expect(error).toMatchObject({ kind: 'http', status: 429, retryAfter: 120, message: '429 get_meeting: Slow down' });
    expect(error.headers?.get('retry-after')).toBe('120');
    expect(server.requests).toHaveLength(1);
  });

  it('retries a dropped connection', async () => {
    noJitter();
    server.reply({ destroy: 'before-headers' }, ok);
    await expect(rtk().meetings.get(MEETING)).resolves.toEqual(meeting);
    expect(server.requests).toHaveLength(2);
  });

  it('retries an answer cut off mid-body (a network failure, not invalid JSON)', async () => {
    noJitter();
    server.reply({ ...ok, destroy: 'mid-body' }, ok);
    await expect(rtk().meetings.get(MEETING)).resolves.toEqual(meeting);
    expect(server.requests).toHaveLength(2);
  });

  it('times out each attempt after timeoutMs, retries, then reports timeout', async () => {
    noJitter();
    server.reply({ ...ok, delayMs: 2000 }, { ...ok, delayMs: 2000 });
    const error = await rejection(rtk({ timeoutMs: 150, maxRetries: 1 }).meetings.get(MEETING));
    expect(error).toMatchObject({ kind: 'timeout', operationId: 'get_meeting' });
    expect(error.message).toContain('150 ms');
    expect(server.requests).toHaveLength(2);
  });
});

describe('writes (POST, PATCH) are never re-sent once they may have reached the server', () => {
  it('a 503 on create is not retried', async () => {
    server.reply({ status: 503 }, created);
    expect((await rejection(rtk().meetings.create({ title: 'Standup' }))).status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });

  it('a timed-out create is not retried (it may have made a meeting)', async () => {
    server.reply({ ...created, delayMs: 2000 }, created);
    expect((await rejection(rtk({ timeoutMs: 150 }).meetings.create({ title: 'Standup' }))).kind).toBe('timeout');
    expect(server.requests).toHaveLength(1);
  });

  it('a dropped connection on PATCH is not retried', async () => {
    server.reply({ destroy: 'before-headers' }, ok);
    expect((await rejection(rtk().meetings.update(MEETING, { title: 'x' }))).kind).toBe('network');
    expect(server.requests).toHaveLength(1);
  });

  it('a 429 is retried: the server says it did not process the request', async () => {
    server.reply({ status: 429, headers: { 'retry-after': '0' } }, created);
    await expect(rtk().meetings.create({ title: 'Standup' })).resolves.toEqual(meeting);
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'POST']);
    expect(JSON.parse(server.requests[1]!.body)).toEqual({ title: 'Standup' });
  });

  it('a refused connection is retried: nothing was sent', async () => {
    noJitter();
    const attempts: string[] = [];
    const client = rtk({
      baseUrl: await refusedUrl(),
      fetch: (request) => {
        attempts.push(request.method);
        return fetch(request);
      },
    });
    const error = await rejection(client.meetings.create({ title: 'Standup' }));
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(
      /^network create_meeting: connection refused by 127\.0\.0\.1:\d+ \(3 attempts, \d+ ms in all\)$/,
    );
    expect(attempts).toEqual(['POST', 'POST', 'POST']);
  });
});

describe('answers that are not the JSON the API promises', () => {
  it('an HTML error page becomes an http error with a short excerpt', async () => {
    server.reply({
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
    });
    const error = await rejection(rtk({ maxRetries: 0 }).meetings.get(MEETING));
    expect(error).toMatchObject({ kind: 'http', status: 502 });
    expect(error.message).toBe(
      '502 get_meeting: the answer is not JSON: <html><body><h1>502 Bad Gateway</h1></body></html>',
    );
  });

  it('an empty 502 becomes an http error that says so', async () => {
    server.reply({ status: 502 });
    expect((await rejection(rtk({ maxRetries: 0 }).meetings.get(MEETING))).message).toBe(
      '502 get_meeting: the answer is empty',
    );
  });

  it('truncated JSON in a 2xx is invalid_response and is not retried', async () => {
    server.reply(
      { status: 200, headers: { 'content-type': 'application/json' }, body: '{"success":true,"data":{"id":' },
      ok,
    );
    expect((await rejection(rtk().meetings.get(MEETING))).message).toBe(
      'invalid_response get_meeting: the API answered with invalid JSON',
    );
    expect(server.requests).toHaveLength(1);
  });

  it('carries the cf-ray header as requestId', async () => {
    server.reply({
      status: 403,
      headers: { 'cf-ray': '8e1f2a3b4c5d-LHR' },
      body: { success: false, errors: [{ code: 10000, message: 'Authentication error' }], messages: [], result: null },
    });
    expect(await rejection(rtk().meetings.get(MEETING))).toMatchObject({
      status: 403,
      code: 10000,
      message:
        "403 get_meeting: Authentication error: the token may not act on this account or app: check accountId, appId and the token's Realtime permissions",
      requestId: '8e1f2a3b4c5d-LHR',
    });
  });
});

describe('cancellation', () => {
  it("a caller's abort is 'aborted' and is never retried", async () => {
    server.reply({ ...ok, delayMs: 2000 }, ok);
    const controller = new AbortController();
    const pending = rtk().meetings.get(MEETING, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    expect((await rejection(pending)).kind).toBe('aborted');
    expect(server.requests).toHaveLength(1);
  });

  it('an abort during the backoff wait ends the call at once', async () => {
    server.reply({ status: 503, headers: { 'retry-after': '30' } }, ok);
    const controller = new AbortController();
    const pending = rtk().meetings.get(MEETING, { signal: controller.signal });
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    controller.abort();
    expect((await rejection(pending)).kind).toBe('aborted');
    expect(server.requests).toHaveLength(1);
  });

  it('an already-aborted signal sends nothing', async () => {
    expect((await rejection(rtk().meetings.get(MEETING, { signal: AbortSignal.abort() }))).kind).toBe('aborted');
    expect(server.requests).toHaveLength(0);
  });

  it("leaves no listener on the caller's signal, however many calls share it", async () => {
    const controller = new AbortController();
    const client = rtk();
    for (let i = 0; i < 20; i++) await client.meetings.get(MEETING, { signal: controller.signal });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});

describe('the Node transport (node:http, keep-alive), as a real server answers', () => {
  it('decodes a compressed answer, sends the JSON body with its length, and reuses one connection', async () => {
    const sockets = new Set<unknown>();
    const seen: { method?: string; length?: string; type?: string; body: string }[] = [];
    const server = createServer((req, res) => {
      sockets.add(req.socket);
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        seen.push({
          method: req.method,
          length: req.headers['content-length'],
          type: req.headers['content-type'],
          body,
        });
        const json = JSON.stringify({ success: true, data: { id: MEETING, title: 'ü'.repeat(3) } });
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync(json));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const rtk = rtk0(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      expect(await rtk.meetings.get(MEETING)).toEqual({ id: MEETING, title: 'üüü' });
      await rtk.meetings.update(MEETING, { title: 'ü' });
      expect(seen[1]).toEqual({ method: 'PATCH', length: '14', type: 'application/json', body: '{"title":"ü"}' });
      expect(sockets.size).toBe(1);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
