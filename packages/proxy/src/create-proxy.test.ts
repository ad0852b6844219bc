import { createRealtimeKitClient, RealtimeKitError } from '@realtimekit-meetings/client';
import { APP_PATH_PREFIX, type OperationId, operationTable } from '@realtimekit-meetings/core';
import { describe, expect, it, vi } from 'vitest';
import { ACCOUNT, ALL, APP, BASE, browserRequest, MEETING, PARTICIPANT, proxyWith, TOKEN } from '../test-support/setup';
import { createRealtimeKitProxy } from './create-proxy';

/** A browser-mode client (no token, no account, no app) whose requests go straight into the handler. */
const browserClient = (handle: (r: Request) => Promise<Response>) =>
  createRealtimeKitClient({
    proxyUrl: `https://app.example.test${BASE}`,
    fetch: handle,
    maxRetries: 0,
  });

/** A preset the spec accepts (the contract's conforming body). */
const presetBody = {
  config: {
    max_screenshare_count: 1,
    max_video_streams: { desktop: 1, mobile: 1 },
    media: { screenshare: { frame_rate: 1, quality: 'hd' }, video: { frame_rate: 1, quality: 'hd' } },
    view_type: 'GROUP_CALL',
  },
  name: 'example-name',
  permissions: {
    accept_waiting_requests: true,
    can_accept_production_requests: true,
    can_change_participant_permissions: true,
    can_edit_display_name: true,
    can_livestream: true,
    can_record: true,
    can_spotlight: true,
    chat: {
      private: { can_receive: true, can_send: true, files: true, text: true },
      public: { can_send: true, files: true, text: true },
    },
    connected_meetings: {
      can_alter_connected_meetings: true,
      can_switch_connected_meetings: true,
      can_switch_to_parent_meeting: true,
    },
    disable_participant_audio: true,
    disable_participant_screensharing: true,
    disable_participant_video: true,
    hidden_participant: true,
    kick_participant: true,
    media: {
      audio: { can_produce: 'ALLOWED' },
      screenshare: { can_produce: 'ALLOWED' },
      video: { can_produce: 'ALLOWED' },
    },
    pin_participant: true,
    plugins: { can_close: true, can_edit_config: true, can_start: true, config: {} },
    polls: { can_create: true, can_view: true, can_vote: true },
    recorder_type: 'NONE',
    show_participant_list: true,
    waiting_room_type: 'SKIP',
  },
  ui: {
    design_tokens: {
      border_radius: 'sharp',
      border_width: 'none',
      colors: {
        background: { '600': '#222222', '700': '#1f1f1f', '800': '#1b1b1b', '900': '#181818', '1000': '#141414' },
        brand: { '300': '#844d1c', '400': '#9d5b22', '500': '#b56927', '600': '#d37c30', '700': '#d9904f' },
        danger: '#FF2D2D',
        success: '#62A504',
        text: '#EEEEEE',
        text_on_brand: '#EEEEEE',
        video_bg: '#191919',
        warning: '#FFCD07',
      },
      spacing_base: 4,
      theme: 'darkest',
    },
  },
};

const sampleBodies: Partial<Record<OperationId, unknown>> = {
  create_meeting: { title: 'Standup' },
  update_meeting: { title: 'Renamed' },
  replace_meeting: { title: 'Replaced' },
  add_participant: { custom_participant_id: 'u1', preset_name: 'host' },
  edit_participant: { name: 'Ada' },
  replace_participant: { custom_participant_id: 'u1', preset_name: 'host' },
  KickPartcipants: { participant_ids: [PARTICIPANT] },
  MuteParticipants: { participant_ids: [PARTICIPANT] },
  MuteAllParticipants: { allow_unmute: true },
  CreatePoll: { question: 'Ship it?', options: ['yes', 'no'] },
  'start-livestreaming': { name: 'main' },
  create_livestream: {},
  'post-presets': presetBody,
  'put-presets-preset_id': presetBody,
  'patch-presets-preset_id': { name: 'host' },
  start_recording: { meeting_id: MEETING },
  startTrackRecordingForAMeeting: { meeting_id: MEETING },
  pause_resume_stop_recording: { action: 'stop' },
  addWebhook: { name: 'all', url: 'https://example.com/hook', events: ['meeting.ended'] },
  replaceWebhook: { name: 'all', url: 'https://example.com/hook', events: ['meeting.ended'] },
  editWebhook: { enabled: false },
};
/** Any other ID a path takes (a preset's, a webhook's, a session's): a UUID. */
const OTHER_ID = '0e3b4a2f-5c6d-4e7f-8a9b-0c1d2e3f4a5b';
const idFor = (name: string) => (name === 'meeting_id' ? MEETING : name === 'participant_id' ? PARTICIPANT : OTHER_ID);

describe('every operation, end to end through the browser client, the proxy, the server client and Prism', () => {
  it.each(ALL)('%s', async (operationId) => {
    const { handle, sent } = proxyWith();
    const op = operationTable[operationId];
    const names = op.pathParams.filter((name: string) => name !== 'account_id' && name !== 'app_id');
    const result = await browserClient(handle).request(operationId, {
      params: Object.fromEntries(names.map((name: string) => [name, idFor(name)])),
      body: sampleBodies[operationId],
    } as never);
    expect(result).toMatchObject({ success: true });
    expect(sent).toHaveLength(1);
    const upstream = sent[0]!;
    expect(upstream.method).toBe(op.method);
    const expectedPath = op.path
      .replace(APP_PATH_PREFIX, `/accounts/${ACCOUNT}/realtime/kit/${APP}`)
      .replace(/\{([\w-]+)\}/g, (_, name: string) => idFor(name));
    expect(new URL(upstream.url).pathname).toBe(expectedPath);
    // the token is added on the server, by the server's client, and by nobody else
    expect(upstream.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
  });

  it('answers with the operation status and the upstream JSON body, never caching it', async () => {
    const { handle } = proxyWith();
    const response = await handle(
      browserRequest(`/meetings/${MEETING}/participants`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ custom_participant_id: 'u1', preset_name: 'host' }),
      }),
    );
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body).toMatchObject({ success: true, data: { token: expect.any(String) } });
  });

  it('passes only the query parameters the operation declares', async () => {
    const { handle, sent } = proxyWith();
    await handle(
      browserRequest('/meetings?page_no=2&per_page=5&search=standup&__server=http://evil.test&account_id=x'),
    );
    expect(new URL(sent[0]!.url).search).toBe('?page_no=2&per_page=5&search=standup');
  });

  it('a repeated query parameter goes on repeated; an absent one not at all', async () => {
    const { handle, sent } = proxyWith();
    await handle(browserRequest('/meetings?search=a&search=b'));
    await handle(browserRequest('/meetings'));
    expect(sent.map((r) => new URL(r.url).search)).toEqual(['?search=a&search=b', '']);
  });

  it('an array the spec sends comma-separated (explode: false) goes on comma-separated, from the browser client too', async () => {
    const { handle, sent } = proxyWith();
    await handle(browserRequest('/recordings?status=INVOKED,RECORDING&per_page=5'));
    await browserClient(handle).recordings.list({ status: ['UPLOADED', 'PAUSED'] });
    expect(sent.map((r) => new URL(r.url).search)).toEqual([
      '?per_page=5&status=INVOKED,RECORDING',
      '?status=UPLOADED,PAUSED',
    ]);
  });

  it('mounts at a basePath given with trailing slashes as without them', async () => {
    for (const basePath of [`${BASE}/`, `${BASE}//`]) {
      const { handle } = proxyWith({ basePath });
      expect((await handle(browserRequest(`/meetings/${MEETING}`))).status).toBe(200);
    }
  });

  it('tells onError of an upstream 5xx or failure, and not of a 4xx it passes on', async () => {
    const seen: number[] = [];
    const answering = (status: number) =>
      proxyWith({
        onError: () => seen.push(status),
        fetch: async () => Response.json({ success: false, error: { code: status, message: 'x' } }, { status }),
      });
    for (const status of [404, 500, 503]) await answering(status).handle(browserRequest(`/meetings/${MEETING}`));
    expect(seen).toEqual([500, 503]);
  });
});

describe('what the proxy refuses', () => {
  const refused = async (response: Response, status: number) => {
    expect(response.status).toBe(status);
    const body = await response.json();
    expect(body).toMatchObject({ success: false, error: { code: status, message: expect.any(String) } });
    return body.error.message as string;
  };

  it('an unknown route: 404, and nothing leaves', async () => {
    const { handle, sent } = proxyWith();
    expect(await refused(await handle(browserRequest('/apps')), 404)).toBe('No such route');
    expect(await refused(await handle(browserRequest(`/meetings/${MEETING}/recordings`)), 404)).toBe('No such route');
    await refused(await handle(new Request('https://app.example.test/api/other/meetings')), 404);
    expect(sent).toHaveLength(0);
  });

  it('a wrong method: 405 with Allow', async () => {
    const { handle, sent } = proxyWith();
    const response = await handle(
      browserRequest(`/meetings/${MEETING}/participants/${PARTICIPANT}/token`, { method: 'GET' }),
    );
    expect(response.headers.get('allow')).toBe('POST');
    expect(await refused(response, 405)).toBe('Use POST for this route');
    const three = await handle(browserRequest(`/meetings/${MEETING}`, { method: 'DELETE' }));
    expect(three.headers.get('allow')).toBe('GET, PUT, PATCH');
    expect(await refused(three, 405)).toBe('Use GET or PUT or PATCH for this route');
    expect(sent).toHaveLength(0);
  });

  it('an operation not in allow: 403', async () => {
    const { handle, sent } = proxyWith({ allow: ['get_all_meetings'] });
    expect(await refused(await handle(browserRequest('/meetings', { method: 'POST', body: '{}' })), 403)).toBe(
      'create_meeting is not allowed through this proxy: add it to allow in createRealtimeKitProxy',
    );
    expect(sent).toHaveLength(0);
  });

  it('every operation of every resource below the app not in allow: 403 naming it, nothing sent', async () => {
    const { handle, sent } = proxyWith({ allow: ['get_all_meetings'] });
    const ofApp = (Object.keys(operationTable) as OperationId[]).filter(
      (id) => id !== 'get_all_meetings' && operationTable[id].path.startsWith(`${APP_PATH_PREFIX}/`),
    );
    expect(ofApp.length).toBeGreaterThan(50); // meetings, presets, webhooks, sessions, recordings, livestreams, analytics
    for (const operationId of ofApp) {
      const { method, path, hasBody } = operationTable[operationId];
      const below = path.slice(APP_PATH_PREFIX.length).replace(/\{[\w-]+\}/g, MEETING);
      const init = hasBody ? { method, body: '{}' } : { method };
      const message = await refused(await handle(browserRequest(below, init)), 403);
      expect(message, `${method} ${below}`).toBe(
        `${operationId} is not allowed through this proxy: add it to allow in createRealtimeKitProxy`,
      );
    }
    expect(sent).toHaveLength(0);
  });

  it('nothing is allowed by an empty allow list (a join-only proxy)', async () => {
    const { handle } = proxyWith({
      allow: [],
      authorize: undefined,
      join: { identify: () => null, authorize: () => true },
    });
    await refused(await handle(browserRequest('/meetings')), 403);
  });

  it('authorize that forgets to answer (undefined), or answers truthy but not true: 403, nothing sent', async () => {
    for (const verdict of [undefined, 'yes', 1]) {
      const { handle, sent } = proxyWith({ authorize: () => verdict as never });
      await refused(await handle(browserRequest(`/meetings/${MEETING}`)), 403);
      expect(sent).toHaveLength(0);
    }
  });

  it('authorize answering at once, by a promise or by any thenable: each verdict is the one it gives', async () => {
    // biome-ignore lint/suspicious/noThenProperty: a thenable that is not a Promise is the point of this test
    const thenable = (verdict: unknown) => ({ then: (resolve: (v: unknown) => void) => resolve(verdict) });
    const cases: [() => unknown, number][] = [
      [() => true, 200],
      [() => false, 403],
      [() => Promise.resolve(true), 200],
      [() => Promise.resolve(false), 403],
      [() => Promise.reject(new Error('session store down')), 500],
      [() => thenable(true), 200],
      [() => thenable(false), 403],
    ];
    for (const [authorize, status] of cases) {
      const { handle, sent } = proxyWith({ authorize: authorize as never, onError: () => {} });
      const response = await handle(browserRequest(`/meetings/${MEETING}`));
      expect([String(authorize), response.status]).toEqual([String(authorize), status]);
      expect(sent).toHaveLength(status === 200 ? 1 : 0);
    }
  });

  it('a path outside the mount is 404, even one as long as the mount (never routed by slicing)', async () => {
    const { handle, sent } = proxyWith();
    // the first two are as long as the mount: slicing it off would leave `meetings`, a route
    const sameLength = [`${BASE.slice(0, -1)}X/meetings`, `${'/'.padEnd(BASE.length, 'x')}/meetings`];
    for (const path of [...sameLength, `${BASE}X/meetings`, '/meetings']) {
      const response = await handle(new Request(`https://app.example.test${path}`));
      expect([path, await refused(response, 404)]).toEqual([path, `No such route: this proxy serves ${BASE}/`]);
    }
    expect(sent).toHaveLength(0);
  });

  it('without onError, a failure still answers (500 when authorize throws, 502 when upstream is unreachable)', async () => {
    const throwing = proxyWith({
      onError: undefined,
      authorize: () => {
        throw new Error('session store down');
      },
    });
    await refused(await throwing.handle(browserRequest('/meetings')), 500);
    const unreachable = proxyWith({ onError: undefined, fetch: () => Promise.reject(new TypeError('fetch failed')) });
    await refused(await unreachable.handle(browserRequest('/meetings')), 502);
  });

  it('authorize false: 403; its own Response: sent as it is; a throw: 500, reported', async () => {
    const seen: unknown[] = [];
    const authorize = vi.fn((request: Request, op: { operationId: string; params: Record<string, string> }) => {
      if (op.operationId === 'get_meeting') return op.params.meeting_id === MEETING;
      if (op.operationId === 'add_participant') return new Response('sign in first', { status: 401 });
      throw new Error(`no session for ${new URL(request.url).pathname}`);
    });
    const { handle, sent } = proxyWith({ authorize, onError: (e) => seen.push(e) });
    expect(await refused(await handle(browserRequest('/meetings/other-meeting')), 403)).toBe(
      'Not authorized for this operation',
    );
    const own = await handle(
      browserRequest(`/meetings/${MEETING}/participants`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }),
    );
    expect([own.status, await own.text()]).toEqual([401, 'sign in first']);
    expect(await refused(await handle(browserRequest('/meetings')), 500)).toBe('Authorization failed');
    expect(seen).toHaveLength(1);
    expect(sent).toHaveLength(0);
    expect(authorize.mock.calls[0]?.[1]).toEqual({
      operationId: 'get_meeting',
      method: 'GET',
      path: '/meetings/{meeting_id}',
      params: { meeting_id: 'other-meeting' },
    });
    // and a yes goes through
    expect((await handle(browserRequest(`/meetings/${MEETING}`))).status).toBe(200);
  });

  it('a body over maxBodyBytes: 413, by Content-Length or while streaming, without reading the rest', async () => {
    const { handle, sent } = proxyWith({ maxBodyBytes: 1024 });
    // by its Content-Length, declared: the body itself is small and valid, so only the header can refuse it
    const declared = browserRequest('/meetings', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '5000' },
      body: '{"title":"small"}',
    });
    await refused(await handle(declared), 413);
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode(`{"title":"${'y'.repeat(600)}`));
        if (pulled > 1000) controller.close();
      },
    });
    const streamed = browserRequest('/meetings', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      // @ts-expect-error undici's streaming request body option
      duplex: 'half',
    });
    await refused(await handle(streamed), 413);
    expect(pulled).toBeLessThan(10);
    expect(sent).toHaveLength(0);
  });

  it('a body that is not JSON: 415; malformed JSON: 400; JSON that is not an object: 400', async () => {
    const { handle, sent } = proxyWith();
    const post = (body: string, type = 'application/json') =>
      handle(browserRequest('/meetings', { method: 'POST', headers: { 'content-type': type }, body }));
    await refused(await post('title=x', 'application/x-www-form-urlencoded'), 415);
    await refused(await post('{"title": "x"', 'text/plain'), 415);
    await refused(await post('{"title": "x"'), 400);
    await refused(await post('[1, 2]'), 400);
    await refused(await post('"just a string"'), 400);
    const empty = await handle(
      browserRequest('/meetings', { method: 'POST', headers: { 'content-type': 'application/json' } }),
    );
    expect(await refused(empty, 400)).toBe('The body is not valid JSON');
    expect((await post('{"title":"ok"}', 'application/json; charset=utf-8')).status).toBe(201);
    expect(sent).toHaveLength(1);
  });

  it.each([
    ['an encoded traversal', '/meetings/..%2F..%2Fapps', 400],
    ['a double-encoded slash', '/meetings/abc%252F..%252Fapps', 400],
    ['an encoded backslash', '/meetings/abc%5C..%5Capps', 400],
    // URL parsing takes `%2e%2e` as `..`: what is left, `meetings/{id}/`, is no route
    ['an encoded dot segment', `/meetings/${MEETING}/participants/%2e%2e`, 404],
    ['a NUL', '/meetings/abc%00', 400],
    ['an overlong ID', `/meetings/${'a'.repeat(129)}`, 400],
    ['an empty ID', '/meetings//participants', 400],
    ['a malformed escape', '/meetings/%E0%A4%A', 400],
    ['an escaped letter', '/meetings/%41bc', 400],
    // the client would pass this one on (it refuses only "." and ".."): the proxy's own check stops it
    ['a dot inside an ID', '/meetings/abc.def', 400],
    ['a dot inside the second ID', `/meetings/${MEETING}/participants/abc.def`, 400, 'participant_id'],
  ])('%s: refused, never an upstream request', async (_name, path, status, param = 'meeting_id') => {
    const { handle, sent } = proxyWith();
    const response = await handle(browserRequest(path));
    expect(await refused(response, status)).toBe(status === 400 ? `${param} is not a valid ID` : 'No such route');
    expect(sent).toHaveLength(0);
  });

  it("never forwards the caller's Authorization, Cookie or hop-by-hop headers", async () => {
    const { handle, sent } = proxyWith();
    await handle(
      browserRequest(`/meetings/${MEETING}`, {
        headers: {
          authorization: 'Bearer browser-session',
          cookie: 'session=abc',
          connection: 'keep-alive, x-secret',
          'x-secret': 'sneaky',
          'proxy-authorization': 'Basic Zm9v',
          te: 'trailers',
          'x-forwarded-for': '10.0.0.1',
        },
      }),
    );
    const headers = Object.fromEntries(sent[0]!.headers);
    expect(headers.authorization).toBe(`Bearer ${TOKEN}`);
    for (const name of ['cookie', 'x-secret', 'proxy-authorization', 'te', 'x-forwarded-for'])
      expect(headers[name]).toBeUndefined();
  });

  it('keeps the status and RealtimeKit error body of upstream errors', async () => {
    // decideParticipant gives what the mock requires; the browser's name is not a string
    const { handle } = proxyWith({ decideParticipant: () => ({ preset_name: 'p', custom_participant_id: 'u' }) });
    // the mock refuses it with 422 and the RealtimeKit error body, naming the problem
    const response = await handle(
      browserRequest(`/meetings/${MEETING}/participants`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 5 }),
      }),
    );
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      success: false,
      error: {
        code: 422,
        message: 'body property name must be string,null',
      },
    });
    // and the browser client sees a RealtimeKitError with that status
    const error = await browserClient(handle)
      .participants.add(MEETING, { name: 5 } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RealtimeKitError);
    expect(error).toMatchObject({ kind: 'http', status: 422 });
  });

  it('never returns upstream headers such as set-cookie, and maps an unreachable upstream to 502', async () => {
    const { handle } = proxyWith({
      fetch: async () =>
        new Response(JSON.stringify({ success: true, data: { id: MEETING } }), {
          status: 200,
          headers: {
            'content-type': 'application/json',
            'set-cookie': 'upstream=1',
            server: 'cloudflare',
            'cf-ray': 'x',
          },
        }),
    });
    const response = await handle(browserRequest(`/meetings/${MEETING}`));
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('server')).toBeNull();
    expect([...response.headers.keys()].sort()).toEqual(['cache-control', 'content-type', 'x-content-type-options']);

    const errors: unknown[] = [];
    const down = proxyWith({ upstream: 'http://127.0.0.1:9', onError: (e) => errors.push(e) });
    const unreachable = await down.handle(browserRequest(`/meetings/${MEETING}`));
    expect(unreachable.status).toBe(502);
    expect(errors).toHaveLength(1);
  });

  it('reveals the API token in no answer, whatever happens', async () => {
    const { handle } = proxyWith();
    const paths = [
      '/meetings',
      `/meetings/${MEETING}`,
      '/nope',
      '/meetings/..%2F',
      `/meetings/${MEETING}/participants`,
    ];
    for (const path of paths) {
      for (const method of ['GET', 'POST', 'DELETE']) {
        const response = await handle(
          browserRequest(path, {
            method,
            body: method === 'GET' ? undefined : '{"name":3}',
            headers: { 'content-type': 'application/json' },
          }),
        );
        const text = `${[...response.headers].join()} ${await response.text()}`;
        expect(text).not.toContain(TOKEN);
      }
    }
  });
});

describe('createRealtimeKitProxy', () => {
  it('refuses a configuration without authorize, allow, a client or a proper basePath', () => {
    const client = createRealtimeKitClient({ apiToken: TOKEN, accountId: ACCOUNT, appId: APP });
    const base = { client, basePath: BASE, allow: ['get_meeting' as const], authorize: () => true };
    expect(() => createRealtimeKitProxy({ ...base, authorize: undefined as never })).toThrow(/authorize is required/);
    expect(() => createRealtimeKitProxy({ ...base, allow: [] })).toThrow(
      'nothing to serve: list operations in allow, or configure join',
    );
    expect(() => createRealtimeKitProxy({ ...base, allow: 'get_meeting' as never })).toThrow(/allow must list/);
    expect(() => createRealtimeKitProxy({ ...base, join: {} as never })).toThrow(
      'join.identify must say who is asking',
    );
    expect(() =>
      createRealtimeKitProxy({
        ...base,
        client: { request: client.request },
        join: { identify: () => null, authorize: () => true },
      }),
    ).toThrow('join needs the whole client from createRealtimeKitClient');
    expect(() => createRealtimeKitProxy({ ...base, client: {} as never })).toThrow(
      'client must be a client from @realtimekit-meetings/client',
    );
    expect(() => createRealtimeKitProxy({ ...base, client: undefined as never })).toThrow(
      'client must be a client from @realtimekit-meetings/client',
    );
    expect(() => createRealtimeKitProxy({ ...base, basePath: 'api' })).toThrow('basePath must start with "/"');
    expect(() => createRealtimeKitProxy({ ...base, maxBodyBytes: 0 })).toThrow(
      'maxBodyBytes must be a positive whole number',
    );
    expect(() => createRealtimeKitProxy({ ...base, maxBodyBytes: 1.5 })).toThrow(
      'maxBodyBytes must be a positive whole number',
    );
  });
});
