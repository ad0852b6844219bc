import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import path from 'node:path';
import { createRealtimeKitClient, RealtimeKitError } from '@realtimekit-meetings/client';
import { ACCOUNT, APP, MEETING } from '@realtimekit-meetings/test-fixtures/ids';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import { meetingLifecycle } from '../test-support/lifecycle';
import { startWebhookReceiver } from '../test-support/webhook-receiver';
import { startMockServer } from './mock-server';
import setup from './vitest-global-setup';

const meetingsPath = `/accounts/${ACCOUNT}/realtime/kit/${APP}/meetings`;

describe('startMockServer', () => {
  it('serves the spec on 127.0.0.1, validating the token like the real API', async () => {
    const url = inject('realtimekitMockUrl');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const ok = await fetch(`${url}${meetingsPath}`, { headers: { authorization: 'Bearer any' } });
    expect(ok.status).toBe(200);
    expect((await ok.json()).success).toBe(true);
    const refused = await fetch(`${url}${meetingsPath}`);
    expect(refused.status).toBe(401);
  });

  it('accepts real 36-character app IDs (the overlay fixed maxLength 32)', async () => {
    const rtk = createRealtimeKitClient({
      baseUrl: inject('realtimekitMockUrl'),
      apiToken: 't',
      accountId: ACCOUNT,
      appId: APP,
    });
    await expect(rtk.meetings.get(MEETING)).resolves.toHaveProperty('id');
  });

  it('answers include_peer_events=true with the example that has peer events, unless Prefer names another', async () => {
    const participants = `${inject('realtimekitMockUrl')}/accounts/${ACCOUNT}/realtime/kit/${APP}/sessions/${MEETING}/participants`;
    const peerEvents = async (query: string, headers: Record<string, string> = {}) => {
      const response = await fetch(`${participants}${query}`, { headers: { authorization: 'Bearer any', ...headers } });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { data: { participants: { peer_events?: { peer_id: string }[] }[] } };
      return body.data.participants.flatMap((p) => p.peer_events ?? []).map((e) => e.peer_id);
    };
    // the spec's first example, without them, for what does not ask
    expect(await peerEvents('')).toEqual([]);
    expect(await peerEvents('?include_peer_events=false')).toEqual([]);
    expect(await peerEvents('?include_peer_events=true&per_page=5')).toContain('79d87ca5-7e47-452a-b3c1-b6842ad84bf5');
    expect(await peerEvents('?include_peer_events=true', { prefer: 'example=ParticipantListSuccess' })).toEqual([]);
    expect(await peerEvents('?include_peer_events=true&__example=ParticipantListSuccess')).toEqual([]);
    // an answer generated from the schema, when the request asks for one: not the example's peers
    expect(await peerEvents('?include_peer_events=true', { prefer: 'dynamic=true' })).not.toContain(
      '79d87ca5-7e47-452a-b3c1-b6842ad84bf5',
    );
    // and no token is still 401, not a search for the example among the refusals
    const anonymous = await fetch(`${participants}?include_peer_events=true`);
    expect(anonymous.status).toBe(401);
  });

  it('with dynamic: true answers from the schemas, not the examples', async () => {
    const mock = await startMockServer({ dynamic: true });
    try {
      const get = async () => {
        const response = await fetch(`${mock.url}${meetingsPath}/${MEETING}`, {
          headers: { authorization: 'Bearer any' },
        });
        expect(response.status).toBe(200);
        return response.text();
      };
      const example = await (
        await fetch(`${inject('realtimekitMockUrl')}${meetingsPath}/${MEETING}`, {
          headers: { authorization: 'Bearer any' },
        })
      ).text();
      const [first, second] = [await get(), await get()];
      expect(first).not.toBe(example);
      expect(second).not.toBe(first);
    } finally {
      await mock.close();
    }
  });

  it('answers a body that breaks the schema with 422 and the violations, in error.message too', async () => {
    const response = await fetch(`${inject('realtimekitMockUrl')}${meetingsPath}/${MEETING}/participants`, {
      method: 'POST',
      headers: { authorization: 'Bearer any', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'No preset' }),
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('sl-violations')).toContain("required property 'preset_name'");
    // what Prism found, where its example would say "string"
    expect(await response.json()).toMatchObject({
      success: false,
      error: { code: 422, message: expect.stringContaining("body must have required property 'preset_name'") },
    });
  });

  it('reports a port already in use clearly, and never a silent "ready"', async () => {
    const first = await startMockServer();
    try {
      await expect(startMockServer({ port: first.port })).rejects.toThrow(
        `Port ${first.port} on 127.0.0.1 is already in use`,
      );
    } finally {
      await first.close();
    }
  });

  it('refuses a port out of range and an upstream that is not a URL', async () => {
    await expect(startMockServer({ port: 70000 })).rejects.toThrow(RangeError);
    await expect(startMockServer({ upstream: 'api.cloudflare.com' })).rejects.toThrow(TypeError);
    await expect(startMockServer({ upstream: 'file:///etc/passwd' })).rejects.toThrow(
      'upstream must be an http(s) URL',
    );
  });

  it('frees its port on close, and close can be called twice', async () => {
    const mock = await startMockServer();
    await fetch(`${mock.url}${meetingsPath}`, { headers: { authorization: 'Bearer any' } });
    await Promise.all([mock.close(), mock.close()]);
    await expect(fetch(`${mock.url}${meetingsPath}`)).rejects.toThrow();
    const again = await startMockServer({ port: mock.port });
    expect(again.port).toBe(mock.port);
    await again.close();
  });

  it('in proxy mode forwards to the upstream and flags answers that break the spec', async () => {
    const seen: string[] = [];
    const upstream = createServer((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization}`);
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ success: true, data: { title: 7 } }));
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const { port } = upstream.address() as AddressInfo;
    const proxy = await startMockServer({ upstream: `http://127.0.0.1:${port}/client/v4` });
    try {
      const response = await fetch(`${proxy.url}${meetingsPath}/${MEETING}`, {
        headers: { authorization: 'Bearer real' },
      });
      expect(response.status).toBe(200);
      expect(seen).toEqual([`GET /client/v4${meetingsPath}/${MEETING} Bearer real`]);
      const violations = response.headers.get('sl-violations') ?? '';
      expect(violations).toContain('"response"');
      expect(violations).toContain('title');
    } finally {
      await proxy.close();
      upstream.close();
    }
  });
});

describe('startMockServer({ stateful: true })', () => {
  it('serves the fake over HTTP: the lifecycle runs, and the fake is there for reset and sessions', async () => {
    const mock = await startMockServer({ stateful: { seed: 3 } });
    try {
      expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const rtk = createRealtimeKitClient({ baseUrl: mock.url, apiToken: 't', accountId: ACCOUNT, appId: APP });
      const { meetingId } = await meetingLifecycle(rtk);
      mock.fake?.startSession(meetingId);
      expect((await rtk.activeSession.get(meetingId)).associated_id).toBe(meetingId);
      mock.fake?.reset();
      expect((await rtk.meetings.list()).data).toEqual([]);
    } finally {
      await mock.close();
    }
    await expect(fetch(`${mock.url}${meetingsPath}`)).rejects.toThrow();
  });

  it("close() ends the fake's webhook deliveries, so a process that closed its mock exits", async () => {
    const receiver = await startWebhookReceiver();
    onTestFinished(() => receiver.close());
    receiver.answer(() => new Promise<number>(() => {})); // an endpoint that never answers
    // a user's script: the mock, a webhook, an event, close(); then nothing may keep Node running
    const script = `
      import { startMockServer } from '@realtimekit-meetings/mock';
      const mock = await startMockServer({ stateful: true });
      const headers = { authorization: 'Bearer t', 'content-type': 'application/json' };
      const api = mock.url + '/accounts/${ACCOUNT}/realtime/kit/${APP}';
      const post = (path, body) => fetch(api + path, { method: 'POST', headers, body: JSON.stringify(body) }).then((r) => r.json());
      await post('/webhooks', { name: 'held', url: '${receiver.url}/held', events: ['meeting.started'] });
      const meeting = (await post('/meetings', { title: 'Held' })).data;
      const participant = (await post('/meetings/' + meeting.id + '/participants', { preset_name: 'group_call_host', custom_participant_id: 'ada' })).data;
      mock.fake.joinParticipant(meeting.id, participant.id);
      while (!mock.fake.webhookDeliveries().some((d) => d.attempts > 0)) await new Promise((r) => setTimeout(r, 10));
      await mock.close();
      console.log(JSON.stringify(mock.fake.webhookDeliveries().map((d) => [d.event, d.outcome, d.attempts, d.error])));
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: path.join(import.meta.dirname, '..'),
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    // without close() ending it, the held delivery runs its 10 s timeout and three retries: over 40 s
    const killer = setTimeout(() => child.kill(), 30_000);
    const code = await new Promise((resolve) => child.on('exit', resolve));
    clearTimeout(killer);
    expect(code).toBe(0);
    // its one attempt was under way (the endpoint may or may not have seen it before it was aborted)
    expect(JSON.parse(stdout)).toEqual([['meeting.started', 'failed', 1, 'the mock server closed']]);
  }, 40_000);

  it('sends no CORS headers, as the API sends none, unless cors: true', async () => {
    const preflight = (url: string) =>
      fetch(`${url}${meetingsPath}`, {
        method: 'OPTIONS',
        headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
      });
    const strict = await startMockServer({ stateful: true });
    try {
      const answer = await fetch(`${strict.url}${meetingsPath}`, {
        headers: { authorization: 'Bearer t', origin: 'http://localhost:5173' },
      });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      expect((await preflight(strict.url)).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await strict.close();
    }
    const open = await startMockServer({ stateful: true, cors: true });
    try {
      const answer = await preflight(open.url);
      expect(answer.status).toBe(204);
      expect(answer.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    } finally {
      await open.close();
    }
  });

  it('answers an unparsable Host with 400 in the envelope, and a body over the cap with 413, never a 500', async () => {
    const mock = await startMockServer({ stateful: { limits: { bodyBytes: 1024 } } });
    try {
      const raw = (request: string) =>
        new Promise<string>((resolve, reject) => {
          const socket = connect(mock.port, '127.0.0.1', () => socket.end(request));
          let answer = '';
          socket.setEncoding('utf8').on('data', (chunk: string) => {
            answer += chunk;
          });
          socket.on('end', () => resolve(answer)).on('error', reject);
        });
      const badHost = await raw(
        `GET ${meetingsPath} HTTP/1.1\r\nHost: exa mple\r\nAuthorization: Bearer t\r\nConnection: close\r\n\r\n`,
      );
      expect(badHost).toMatch(/^HTTP\/1\.1 400 /);
      expect(JSON.parse(badHost.slice(badHost.indexOf('\r\n\r\n') + 4))).toEqual({
        success: false,
        error: { code: 400, message: expect.stringContaining('Host header') },
      });
      // 2 MiB sent to a server that takes 1 KiB: refused as it arrives, and nothing stored
      const big = await fetch(`${mock.url}${meetingsPath}`, {
        method: 'POST',
        headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'x'.repeat(2 * 1024 * 1024) }),
      });
      expect(big.status).toBe(413);
      expect((await big.json()).error.message).toContain('over 1024 bytes');
      const list = await fetch(`${mock.url}${meetingsPath}`, { headers: { authorization: 'Bearer t' } });
      expect((await list.json()).data).toEqual([]);
    } finally {
      await mock.close();
    }
  });

  it('reads a body by Content-Length or chunked alike, and answers the JSON it made byte for byte with its length', async () => {
    const mock = await startMockServer({ stateful: true });
    try {
      const raw = (request: string) =>
        new Promise<string>((resolve, reject) => {
          const socket = connect(mock.port, '127.0.0.1', () => socket.end(request));
          let answer = '';
          socket.setEncoding('utf8').on('data', (chunk: string) => {
            answer += chunk;
          });
          socket.on('end', () => resolve(answer)).on('error', reject);
        });
      const head = `POST ${meetingsPath} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer t\r\nContent-Type: application/json\r\nConnection: close\r\n`;
      const byLength = await raw(`${head}Content-Length: 17\r\n\r\n{"title":"Sized"}`);
      const chunked = await raw(
        `${head}Transfer-Encoding: chunked\r\n\r\n5\r\n{"tit\r\nE\r\nle":"Chunked"}\r\n0\r\n\r\n`,
      );
      for (const [answer, title] of [
        [byLength, 'Sized'],
        [chunked, 'Chunked'],
      ] as const) {
        expect(answer).toMatch(/^HTTP\/1\.1 201 /);
        const body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
        expect(JSON.parse(body).data.title).toBe(title);
        expect(answer).toMatch(new RegExp(`\r\ncontent-length: ${Buffer.byteLength(body)}\r\n`, 'i'));
      }
      const list = await fetch(`${mock.url}${meetingsPath}`, { headers: { authorization: 'Bearer t' } });
      expect((await list.json()).data.map((m: { title: string }) => m.title).sort()).toEqual(['Chunked', 'Sized']);
    } finally {
      await mock.close();
    }
  });

  it('refuses the Prism-only modes alongside it, and a taken port', async () => {
    await expect(startMockServer({ stateful: true, dynamic: true })).rejects.toThrow(
      'does not go with dynamic or upstream',
    );
    const first = await startMockServer({ stateful: true });
    try {
      await expect(startMockServer({ stateful: true, port: first.port })).rejects.toThrow(
        `Port ${first.port} on 127.0.0.1 is already in use`,
      );
    } finally {
      await first.close();
    }
  });
});

describe('vitest globalSetup', () => {
  it('starts a mock, provides its URL, and stops it on teardown', async () => {
    const provided: Record<string, string> = {};
    const previous = process.env.REALTIMEKIT_MOCK_URL;
    const teardown = await setup({ provide: (key, value) => (provided[key] = value) });
    try {
      const url = provided.realtimekitMockUrl as string;
      expect(process.env.REALTIMEKIT_MOCK_URL).toBe(url);
      const rtk = createRealtimeKitClient({ baseUrl: url, apiToken: 't', accountId: ACCOUNT, appId: APP });
      await expect(rtk.meetings.list()).resolves.toHaveProperty('paging');
      await teardown();
      const error = await rtk.meetings.list({}, { maxRetries: 0 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RealtimeKitError);
      expect((error as RealtimeKitError).kind).toBe('network');
    } finally {
      // assigning undefined would store the string "undefined"
      if (previous === undefined) delete process.env.REALTIMEKIT_MOCK_URL;
      else process.env.REALTIMEKIT_MOCK_URL = previous;
    }
  });
});
