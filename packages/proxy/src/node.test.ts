import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRealtimeKitClient } from '@realtimekit-meetings/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, MEETING, PARTICIPANT, proxyWith } from '../test-support/setup';
import { toNodeListener } from './node';

// The handler behind a real node:http server on 127.0.0.1, called with real HTTP.
let server: Server;
let origin: string;
let sent: ReturnType<typeof proxyWith>['sent'];
beforeAll(async () => {
  const proxy = proxyWith({ maxBodyBytes: 2048 });
  sent = proxy.sent;
  server = createServer(toNodeListener(proxy.handle));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Sends a raw request line (no URL normalisation on our side) and resolves with status and body. */
function raw(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = httpRequest(`${origin}/`, { method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('toNodeListener', () => {
  it('serves the browser client in proxy mode over real HTTP', async () => {
    const rtk = createRealtimeKitClient({ proxyUrl: `${origin}${BASE}`, maxRetries: 0 });
    const before = sent.length;
    const participant = await rtk.participants.add(MEETING, { custom_participant_id: 'u1', preset_name: 'host' });
    expect(typeof participant.token).toBe('string');
    const page = await rtk.meetings.list({ per_page: 10 });
    expect(page.paging.total_count).toBeGreaterThan(0);
    await expect(rtk.participants.refreshToken(MEETING, PARTICIPANT)).resolves.toHaveProperty('token');
    expect(sent.length - before).toBe(3);
  });

  it.each([
    ['a raw backslash', `${BASE}/meetings/abc\\..\\..\\apps`],
    ['a raw dot segment', `${BASE}/meetings/${MEETING}/../../apps`],
    ['an encoded dot segment', `${BASE}/meetings/%2e%2e/participants`],
    ['an encoded slash', `${BASE}/meetings/a%2Fb`],
  ])('refuses %s before URL parsing could hide it', async (_name, path) => {
    const before = sent.length;
    const response = await raw('GET', path);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ success: false, error: { code: 400 } });
    expect(sent.length).toBe(before);
  });

  it('writes every header of the answer: no-store on tokens, the JSON type, nosniff, and its length', async () => {
    const response = await raw(
      'POST',
      `${BASE}/meetings/${MEETING}/participants`,
      '{"custom_participant_id":"u","preset_name":"p"}',
      {
        'content-type': 'application/json',
      },
    );
    expect(response.status).toBe(201);
    expect(response.headers).toMatchObject({
      'cache-control': 'no-store',
      'content-type': 'application/json; charset=utf-8',
      'x-content-type-options': 'nosniff',
      'content-length': String(Buffer.byteLength(response.body)),
    });
  });

  it("shows authorize the caller's headers, every value of a repeated one, and sends a Response it returns as it is", async () => {
    const seen: (string | null)[] = [];
    const proxy = proxyWith({
      authorize: (request) => {
        seen.push(request.headers.get('cookie'), request.headers.get('x-team'));
        return new Response('come back later', { status: 429, headers: { 'retry-after': '3' } });
      },
    });
    const own = createServer(toNodeListener(proxy.handle));
    await new Promise<void>((resolve) => own.listen(0, '127.0.0.1', resolve));
    const answer = await new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
      (resolve, reject) => {
        const req = httpRequest(
          `http://127.0.0.1:${(own.address() as AddressInfo).port}${BASE}/meetings`,
          {
            // raw pairs, so that x-team is sent twice (and so host must be given too)
            headers: ['host', '127.0.0.1', 'cookie', 'session=ada', 'x-team', 'a', 'x-team', 'b'] as never,
          },
          (res) => {
            let text = '';
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
          },
        );
        req.on('error', reject);
        req.end();
      },
    );
    own.closeAllConnections();
    await new Promise<void>((resolve) => own.close(() => resolve()));
    expect(seen).toEqual(['session=ada', 'a, b']);
    expect([answer.status, answer.body, answer.headers['retry-after']]).toEqual([429, 'come back later', '3']);
    expect(proxy.sent).toHaveLength(0);
  });

  it('closes the connection only when a refused body may still be arriving, not after a GET', async () => {
    const refusedGet = await raw('GET', `${BASE}/nope`);
    expect([refusedGet.status, refusedGet.headers.connection]).toEqual([404, 'keep-alive']);
  });

  it('takes only the handler createRealtimeKitProxy returns', () => {
    expect(() => toNodeListener((async () => new Response()) as never)).toThrow(
      'toNodeListener takes the handler createRealtimeKitProxy returns',
    );
  });

  it('refuses an oversized body with 413 and closes the connection rather than read it', async () => {
    const response = await raw('POST', `${BASE}/meetings`, JSON.stringify({ title: 'x'.repeat(10_000) }), {
      'content-type': 'application/json',
    });
    expect(response.status).toBe(413);
    expect(response.headers.connection).toBe('close');
  });

  it('aborts the upstream call when the caller goes away', async () => {
    let upstreamAborted: () => void = () => {};
    const aborted = new Promise<string>((resolve) => {
      upstreamAborted = () => resolve('aborted');
    });
    const slow = proxyWith({
      fetch: (request) =>
        new Promise((_resolve, reject) => {
          request.signal.addEventListener('abort', () => {
            upstreamAborted();
            reject(request.signal.reason);
          });
        }),
    });
    const slowServer = createServer(toNodeListener(slow.handle));
    await new Promise<void>((resolve) => slowServer.listen(0, '127.0.0.1', resolve));
    const { port } = slowServer.address() as AddressInfo;
    const controller = new AbortController();
    const pending = fetch(`http://127.0.0.1:${port}${BASE}/meetings`, { signal: controller.signal }).catch(
      () => 'gone',
    );
    while (slow.sent.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    expect(await pending).toBe('gone');
    // bounded: a proxy that never aborts its upstream call fails here instead of hanging the run
    const never = new Promise<string>((resolve) =>
      setTimeout(() => resolve('still waiting upstream after 10 s'), 10_000),
    );
    expect(await Promise.race([aborted, never])).toBe('aborted');
    slowServer.closeAllConnections();
    await new Promise<void>((resolve) => slowServer.close(() => resolve()));
  });
});
