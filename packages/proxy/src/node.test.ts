import { Agent, createServer, request as httpRequest } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { types } from 'node:util';
import { createRealtimeKitClient } from '@realtimekit-meetings/client';
import { describe, expect, it, onTestFinished } from 'vitest';
import { PrivateStateRequest } from '../test-support/private-state-request';
import { BASE, MEETING, PARTICIPANT, proxyWith } from '../test-support/setup';
import { requestMaker } from './lazy-request';
import { toNodeListener } from './node';
import { nodeListener } from './node-listener';

/**
 * The handler behind a real node:http server on 127.0.0.1, started by the test that calls this and stopped when it
 * ends. `raw` sends a request line as given (no URL normalisation on our side).
 */
async function listening(
  options: Parameters<typeof proxyWith>[0] = { maxBodyBytes: 2048 },
  listener: typeof toNodeListener = toNodeListener,
) {
  const proxy = proxyWith(options);
  const server = createServer(listener(proxy.handle));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const raw = (method: string, path: string, body?: string, headers: Record<string, string> | string[] = {}) =>
    new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
      const req = httpRequest(`${origin}/`, { method, path, headers: headers as never }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
      });
      req.on('error', reject);
      req.end(body);
    });
  /** Writes bytes to a plain socket and resolves with all the server sends back until it closes the connection. */
  const socket = (bytes: string) =>
    new Promise<string>((resolve, reject) => {
      const s = connect(port, '127.0.0.1', () => s.write(bytes));
      let text = '';
      s.setEncoding('latin1');
      s.on('data', (chunk) => (text += chunk));
      s.on('error', reject);
      s.on('close', () => resolve(text));
    });
  return { ...proxy, origin, port, raw, socket };
}

const errorMessage = (body: string) => (JSON.parse(body) as { error: { message: string } }).error.message;

describe('toNodeListener', () => {
  it('serves the browser client in proxy mode over real HTTP', async () => {
    const { origin, sent } = await listening();
    // the client says application/json on the body-less refreshToken too, as the proxy requires of every write
    const rtk = createRealtimeKitClient({ proxyUrl: `${origin}${BASE}`, maxRetries: 0 });
    const participant = await rtk.participants.add(MEETING, { custom_participant_id: 'u1', preset_name: 'host' });
    expect(typeof participant.token).toBe('string');
    const page = await rtk.meetings.list({ per_page: 10 });
    expect(page.paging.total_count).toBeGreaterThan(0);
    await expect(rtk.participants.refreshToken(MEETING, PARTICIPANT)).resolves.toHaveProperty('token');
    expect(sent).toHaveLength(3);
  });

  it.each([
    ['a raw backslash', `${BASE}/meetings/abc\\..\\..\\apps`],
    ['a raw dot segment', `${BASE}/meetings/${MEETING}/../../apps`],
    ['a dot segment at the end', `${BASE}/meetings/${MEETING}/participants/..`],
    ['an absolute-form target with a dot segment', `http://127.0.0.1${BASE}/meetings/${MEETING}/../../apps`],
    ['an encoded dot segment', `${BASE}/meetings/%2e%2e/participants`],
    ['an encoded slash', `${BASE}/meetings/a%2Fb`],
  ])('refuses %s before URL parsing could hide it', async (_name, path) => {
    const { raw, sent } = await listening();
    const response = await raw('GET', path);
    expect([response.status, errorMessage(response.body)]).toEqual([400, 'The path is not acceptable']);
    expect(sent).toHaveLength(0);
  });

  it('refuses a Host that makes no URL with 400, sending nothing', async () => {
    const { socket, sent } = await listening();
    const answer = await socket(`GET ${BASE}/meetings HTTP/1.1\r\nHost: bad host\r\nConnection: close\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('The request cannot be read');
    expect(sent).toHaveLength(0);
  });

  it('writes every header of the answer: no-store on tokens, the JSON type, nosniff, and its length', async () => {
    const { raw } = await listening();
    const response = await raw(
      'POST',
      `${BASE}/meetings/${MEETING}/participants`,
      '{"custom_participant_id":"u","preset_name":"p"}',
      { 'content-type': 'application/json' },
    );
    expect(response.status).toBe(201);
    expect(response.headers).toMatchObject({
      'cache-control': 'no-store',
      'content-type': 'application/json; charset=utf-8',
      'x-content-type-options': 'nosniff',
      'content-length': String(Buffer.byteLength(response.body)),
    });
  });

  it("shows authorize the caller's URL and headers, every value of a repeated one, and sends a Response it returns as it is", async () => {
    const seen: (string | null)[] = [];
    const { raw, sent, port } = await listening({
      authorize: (request) => {
        seen.push(new URL(request.url).host, request.headers.get('cookie'), request.headers.get('x-team'));
        return new Response('come back later', { status: 429, headers: { 'retry-after': '3' } });
      },
    });
    // raw pairs, so that x-team is sent twice (and so host must be given too)
    const answer = await raw('GET', `${BASE}/meetings`, undefined, [
      'host',
      `127.0.0.1:${port}`,
      'cookie',
      'session=ada',
      'x-team',
      'a',
      'x-team',
      'b',
    ]);
    expect(seen).toEqual([`127.0.0.1:${port}`, 'session=ada', 'a, b']);
    expect([answer.status, answer.body, answer.headers['retry-after']]).toEqual([429, 'come back later', '3']);
    expect(sent).toHaveLength(0);
  });

  it('passes on every Set-Cookie line of a Response authorize returns (a sign-out clears several)', async () => {
    const { raw } = await listening({
      authorize: () => {
        const headers = new Headers();
        headers.append('set-cookie', 'session=; Max-Age=0');
        headers.append('set-cookie', 'csrf=; Max-Age=0');
        return new Response('signed out', { status: 401, headers });
      },
    });
    const answer = await raw('GET', `${BASE}/meetings`);
    expect([answer.status, answer.headers['set-cookie']]).toEqual([401, ['session=; Max-Age=0', 'csrf=; Max-Age=0']]);
  });

  it('shows authorize a real Request, made only once it reads it: the Request constructor and fetch take it', async () => {
    const seen: unknown[] = [];
    const { raw, sent } = await listening({
      authorize: (request) => {
        const { headers } = request;
        const copy = new Request(request);
        seen.push(request instanceof Request, copy.headers.get('x-team'), headers === request.headers);
        return true;
      },
    });
    const answer = await raw('GET', `${BASE}/meetings/${MEETING}`, undefined, { 'x-team': 'blue' });
    expect(answer.status).toBe(200);
    expect(seen).toEqual([true, 'blue', true]);
    expect(sent).toHaveLength(1);
  });

  it('refuses Sec-Fetch-Site: cross-site on a change (403) before authorize or upstream; a GET and same-site go on', async () => {
    const asked: string[] = [];
    const { raw, sent } = await listening({
      authorize: (request) => {
        asked.push(request.method);
        return true;
      },
    });
    const json = { 'content-type': 'application/json' };
    const cross = await raw('POST', `${BASE}/meetings`, '{}', { ...json, 'sec-fetch-site': 'Cross-Site' });
    expect([cross.status, errorMessage(cross.body)]).toEqual([
      403,
      'Cross-site requests may not change anything through this proxy',
    ]);
    expect([asked, sent]).toEqual([[], []]);
    const same = await raw('POST', `${BASE}/meetings`, '{}', { ...json, 'sec-fetch-site': 'same-site' });
    const get = await raw('GET', `${BASE}/meetings/${MEETING}`, undefined, { 'sec-fetch-site': 'cross-site' });
    expect([same.status, get.status, asked]).toEqual([201, 200, ['POST', 'GET']]);
  });

  it('gives authorize a localhost URL for an HTTP/1.0 request without Host', async () => {
    const hosts: string[] = [];
    const { socket } = await listening({
      authorize: (request) => {
        hosts.push(new URL(request.url).host);
        return false;
      },
    });
    expect(await socket(`GET ${BASE}/meetings HTTP/1.0\r\n\r\n`)).toMatch(/^HTTP\/1\.1 403 /);
    expect(hosts).toEqual(['localhost']);
  });

  it('answers 500 with an empty body when the Response authorize returned cannot be read', async () => {
    const { raw } = await listening({
      authorize: () =>
        new Response(
          new ReadableStream({
            pull(controller) {
              controller.error(new Error('broken stream'));
            },
          }),
        ),
    });
    const response = await raw('GET', `${BASE}/meetings`);
    expect([response.status, response.headers['content-type'], response.body]).toEqual([500, 'application/json', '']);
  });

  it('closes the connection only when a refused body may still be arriving, not after a GET or HEAD', async () => {
    const { raw } = await listening();
    for (const method of ['GET', 'HEAD']) {
      const refused = await raw(method, `${BASE}/nope`);
      expect([method, refused.status, refused.headers.connection]).toEqual([method, 404, 'keep-alive']);
    }
  });

  it('takes only the handler createRealtimeKitProxy returns', () => {
    expect(() => toNodeListener((async () => new Response()) as never)).toThrow(
      'toNodeListener takes the handler createRealtimeKitProxy returns',
    );
  });

  it('refuses an oversized body with 413 and closes the connection rather than read it', async () => {
    const { raw } = await listening();
    const response = await raw('POST', `${BASE}/meetings`, JSON.stringify({ title: 'x'.repeat(10_000) }), {
      'content-type': 'application/json',
    });
    expect([response.status, errorMessage(response.body)]).toEqual([413, 'The body is larger than 2048 bytes']);
    expect(response.headers.connection).toBe('close');
  });

  it('refuses a chunked body (no Content-Length) with 413 once it passes the limit', async () => {
    const { port, sent } = await listening();
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `${BASE}/meetings`,
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.write(`{"title":"${'x'.repeat(1500)}`);
      setTimeout(() => req.end(`${'y'.repeat(1500)}"}`), 20);
    });
    expect([answer.status, errorMessage(answer.body)]).toEqual([413, 'The body is larger than 2048 bytes']);
    expect(sent).toHaveLength(0);
  });

  it('refuses by Content-Length alone: 413 while the body has not even started to arrive', async () => {
    const { socket, sent } = await listening();
    // headers only: a proxy that waited for the body would never answer, and the socket would close empty
    const answer = await Promise.race([
      socket(
        `POST ${BASE}/meetings HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n`,
      ),
      new Promise<string>((resolve) => setTimeout(() => resolve('no answer in 10 s'), 10_000)),
    ]);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(sent).toHaveLength(0);
  });

  it('aborts the upstream call when the caller goes away', async () => {
    let upstreamAborted: () => void = () => {};
    const aborted = new Promise<string>((resolve) => {
      upstreamAborted = () => resolve('aborted');
    });
    const { origin, sent } = await listening({
      fetch: (request) =>
        new Promise((_resolve, reject) => {
          request.signal.addEventListener('abort', () => {
            upstreamAborted();
            reject(request.signal.reason);
          });
        }),
    });
    const controller = new AbortController();
    const pending = fetch(`${origin}${BASE}/meetings`, { signal: controller.signal }).catch(() => 'gone');
    while (sent.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    expect(await pending).toBe('gone');
    // bounded: a proxy that never aborts its upstream call fails here instead of hanging the run
    const never = new Promise<string>((resolve) =>
      setTimeout(() => resolve('still waiting upstream after 10 s'), 10_000),
    );
    expect(await Promise.race([aborted, never])).toBe('aborted');
  });
});

describe('toNodeListener: one signal per connection', () => {
  /** An upstream that holds every call until released, telling which were aborted (by the signal the proxy gave). */
  function heldUpstream() {
    const held: { path: string; release: () => void; aborted: () => boolean }[] = [];
    const fetch = (request: Request) =>
      new Promise<Response>((resolve, reject) => {
        request.signal.addEventListener('abort', () => reject(request.signal.reason));
        held.push({
          path: new URL(request.url).pathname,
          release: () => resolve(Response.json({ success: true, data: { id: MEETING } })),
          aborted: () => request.signal.aborted,
        });
      });
    const arrived = async (count: number) => {
      while (held.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    return { held, fetch, arrived };
  }

  it('aborts only the calls of the connection whose caller went away; another connection is answered', async () => {
    const upstream = heldUpstream();
    const { port } = await listening({ fetch: upstream.fetch });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    onTestFinished(() => agent.destroy());
    const get = (path: string, via?: Agent) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: `${BASE}${path}`, agent: via ?? false }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
    // first, the same keep-alive connection twice: an answered call leaves its connection's signal as it was
    for (let i = 0; i < 2; i++) {
      const answer = get(`/meetings/${MEETING}`, agent);
      await upstream.arrived(i + 1);
      upstream.held[i]?.release();
      expect((await answer).status).toBe(200);
    }
    // then two connections, each with a call held upstream: one caller goes away
    const staying = get(`/meetings/${MEETING}`);
    await upstream.arrived(3);
    const leaving = connect(port, '127.0.0.1', () =>
      leaving.write(`GET ${BASE}/meetings/${MEETING}/participants HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`),
    );
    await upstream.arrived(4);
    const [stayingCall, leavingCall] = upstream.held.slice(2);
    expect([stayingCall?.path, leavingCall?.path]).toEqual([
      expect.not.stringContaining('/participants'),
      expect.stringContaining('/participants'),
    ]);
    leaving.destroy();
    while (!leavingCall?.aborted()) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(stayingCall?.aborted()).toBe(false);
    stayingCall?.release();
    expect(await staying).toEqual({ status: 200, body: JSON.stringify({ success: true, data: { id: MEETING } }) });
  });

  it('takes many requests pipelined on one connection, their calls in flight together, with no listener warning', async () => {
    const upstream = heldUpstream();
    const { port } = await listening({ fetch: upstream.fetch });
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    onTestFinished(() => void process.off('warning', onWarning));
    const PIPELINED = 16;
    const socket = connect(port, '127.0.0.1', () =>
      socket.write(`GET ${BASE}/meetings/${MEETING} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`.repeat(PIPELINED)),
    );
    onTestFinished(() => void socket.destroy());
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => (text += chunk));
    await upstream.arrived(PIPELINED); // all in flight at once, on one connection's signal
    for (const call of upstream.held) call.release();
    while ((text.match(/HTTP\/1\.1 /g) ?? []).length < PIPELINED)
      await new Promise((resolve) => setTimeout(resolve, 5));
    expect(text.match(/HTTP\/1\.1 \d+/g)).toEqual(Array(PIPELINED).fill('HTTP/1.1 200'));
    await new Promise((resolve) => setImmediate(resolve)); // a warning is emitted on the next tick
    expect(warnings).toEqual([]);
  });
});

describe('toNodeListener where the platform refuses the lazy Request', () => {
  // what toNodeListener does on a platform whose Request copies only the Requests it made (private fields)
  const fallback = (handle: Parameters<typeof toNodeListener>[0]) =>
    nodeListener(handle, requestMaker(PrivateStateRequest));

  it('shows authorize a real Request, made at once, with the method, URL and headers sent, and answers as the lazy path does', async () => {
    const seen: unknown[][] = [];
    const options = {
      authorize: (request: Request) => {
        seen.push([
          types.isProxy(request),
          request instanceof Request,
          request.method,
          new URL(request.url).pathname + new URL(request.url).search,
          request.headers.get('cookie'),
          request.headers.get('x-team'),
          request.body,
        ]);
        return request.headers.get('cookie') === 'session=ada';
      },
    };
    const eager = await listening(options, fallback);
    const lazy = await listening(options);
    const calls = [
      [200, 'GET', `${BASE}/meetings/${MEETING}`, undefined, { cookie: 'session=ada', 'x-team': 'blue' }],
      [200, 'GET', `${BASE}/meetings?per_page=2`, undefined, { cookie: 'session=ada', 'x-team': 'blue' }],
      [
        201,
        'POST',
        `${BASE}/meetings/${MEETING}/participants`,
        JSON.stringify({ custom_participant_id: 'u1', preset_name: 'host' }),
        { cookie: 'session=ada', 'x-team': 'blue', 'content-type': 'application/json' },
      ],
      [403, 'GET', `${BASE}/meetings/${MEETING}`, undefined, { cookie: 'session=eve', 'x-team': 'red' }],
    ] as const;
    for (const [status, method, path, body, headers] of calls) {
      const [fromEager, fromLazy] = [
        await eager.raw(method, path, body, headers),
        await lazy.raw(method, path, body, headers),
      ];
      const [eagerSeen, lazySeen] = seen.splice(0, 2);
      expect(eagerSeen).toEqual([false, true, method, path, headers.cookie, headers['x-team'], null]);
      expect(lazySeen).toEqual([true, true, method, path, headers.cookie, headers['x-team'], null]);
      expect([fromEager.status, fromEager.body]).toEqual([status, fromLazy.body]);
      expect(fromLazy.status).toBe(status);
      const { date: _e, ...eagerHeaders } = fromEager.headers;
      const { date: _l, ...lazyHeaders } = fromLazy.headers;
      expect(eagerHeaders).toEqual(lazyHeaders);
    }
    expect([eager.sent.map((s) => s.method), lazy.sent.map((s) => s.method)]).toEqual([
      ['GET', 'GET', 'POST'],
      ['GET', 'GET', 'POST'],
    ]);
    expect(eager.sent.map((s) => s.body)).toEqual(lazy.sent.map((s) => s.body));
  });
});
