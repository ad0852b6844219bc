import { createRealtimeKitClient } from '@realtimekit-meetings/client';
import { describe, expect, it, vi } from 'vitest';
import { BASE, browserRequest, MEETING, proxyWith } from '../test-support/setup';
import type { ProxyJoinOptions } from './create-proxy';

const refused =
  (status: number, message = 'no') =>
  async () =>
    Response.json({ success: false, error: { code: status, message } }, { status });
/** A join-only proxy; `join.authorize` lets everyone in unless the test says otherwise. */
const joinProxy = (join: Partial<ProxyJoinOptions> = {}, more: Parameters<typeof proxyWith>[0] = {}) => {
  const onError = vi.fn();
  const proxy = proxyWith({
    allow: undefined,
    authorize: undefined,
    onError,
    join: { identify: () => ({ id: 'user-ada', name: 'Ada' }), authorize: () => true, ...join },
    ...more,
  });
  return { ...proxy, onError };
};
const post = (headers: Record<string, string> = {}, body = '{}') =>
  browserRequest(`/meetings/${MEETING}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: 'session=ada', ...headers },
    body,
  });

describe('the join goes through the app’s authorization for that meeting', () => {
  it('join.authorize false: 403 and nothing sent; it is asked with the user, the meeting and the request', async () => {
    const authorize = vi.fn(() => false);
    const { handle, sent, onError } = joinProxy({ authorize });
    const response = await handle(post());
    expect([response.status, (await response.json()).error.message]).toEqual([
      403,
      'Not authorized to join this meeting',
    ]);
    expect(authorize).toHaveBeenCalledWith({ id: 'user-ada', name: 'Ada' }, MEETING, expect.any(Request));
    expect(sent).toHaveLength(0);
    expect(onError).not.toHaveBeenCalled();
  });

  it('its own Response is sent as it is; a throw is a 500, told to onError; true lets the join go on', async () => {
    const own = joinProxy({ authorize: () => new Response('ask the host', { status: 451 }) });
    expect((await own.handle(post())).status).toBe(451);
    const failing = joinProxy({
      authorize: () => {
        throw new Error('invitations table down');
      },
    });
    expect((await failing.handle(post())).status).toBe(500);
    expect(failing.onError).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'invitations table down' }),
      expect.any(Request),
    );
    expect(failing.sent).toHaveLength(0);
    expect((await joinProxy().handle(post())).status).toBe(200);
  });

  it('is required: a join without it is refused when the proxy is created', () => {
    expect(() =>
      proxyWith({ allow: undefined, authorize: undefined, join: { identify: () => null } as never }),
    ).toThrow(
      'join.authorize is required: decide who may join which meeting (() => true lets every signed-in user join every meeting)',
    );
  });
});

describe('each join brings the participant up to date', () => {
  it('a remembered participant whose preset changed is edited, then refreshed; an unchanged one only refreshed', async () => {
    const remembered = new Map<string, string>();
    let role = 'group_call_host';
    const demoted = joinProxy({
      identify: () => ({ id: 'user-ada' }),
      preset: () => role,
      store: {
        get: async (k) => remembered.get(k),
        set: async (k, v) => void remembered.set(k, v),
        delete: async (k) => void remembered.delete(k),
      },
    });
    expect((await demoted.handle(post())).status).toBe(200);
    role = 'group_call_participant';
    demoted.sent.length = 0;
    expect((await demoted.handle(post())).status).toBe(200);
    expect(demoted.sent.map((s) => s.method)).toEqual(['PATCH', 'POST']);
    expect(JSON.parse(demoted.sent[0]!.body)).toMatchObject({ preset_name: 'group_call_participant' });
    expect(demoted.sent[1]!.url).toMatch(/\/token$/);
    demoted.sent.length = 0;
    await demoted.handle(post());
    expect(demoted.sent.map((s) => s.method)).toEqual(['POST']); // unchanged: one call, the refresh
  });
});

describe('the join refuses what a page on another site can send', () => {
  it('a form-encoded or text/plain POST: 415, and identify is never asked', async () => {
    const identify = vi.fn(() => ({ id: 'user-ada' }));
    const { handle, sent } = joinProxy({ identify });
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const response = await handle(post({ 'content-type': type }, 'a=b'));
      expect([response.status, (await response.json()).error.message]).toEqual([
        415,
        'Send the join as application/json (a cross-site form cannot)',
      ]);
    }
    const none = await handle(
      browserRequest(`/meetings/${MEETING}/join`, { method: 'POST', headers: { cookie: 'session=ada' } }),
    );
    expect(none.status).toBe(415);
    expect(identify).not.toHaveBeenCalled();
    expect(sent).toHaveLength(0);
  });

  it('the browser client’s joinMeeting is accepted as it is', async () => {
    const { handle } = joinProxy();
    const browser = createRealtimeKitClient({
      proxyUrl: `https://app.example.test${BASE}`,
      fetch: handle,
      maxRetries: 0,
    });
    expect(await browser.joinMeeting(MEETING)).toEqual({
      token: expect.any(String),
      participantId: expect.any(String),
    });
  });

  it('Sec-Fetch-Site: cross-site is refused (403) even as JSON; same-origin and same-site go through', async () => {
    const { handle, sent } = joinProxy();
    const cross = await handle(post({ 'sec-fetch-site': 'cross-site' }));
    expect([cross.status, (await cross.json()).error.message]).toEqual([
      403,
      'Cross-site requests may not join meetings',
    ]);
    expect(sent).toHaveLength(0);
    for (const site of ['same-origin', 'same-site', 'none']) {
      expect((await handle(post({ 'sec-fetch-site': site }))).status).toBe(200);
    }
  });

  it('an allowed route that changes something refuses cross-site too; a GET does not', async () => {
    const { handle, sent } = proxyWith({ allow: ['regenerate_token', 'get_meeting'] });
    const kick = await handle(
      browserRequest(`/meetings/${MEETING}/participants/p-1/token`, {
        method: 'POST',
        headers: { 'sec-fetch-site': 'cross-site' },
      }),
    );
    expect(kick.status).toBe(403);
    expect(sent).toHaveLength(0);
    const get = await handle(browserRequest(`/meetings/${MEETING}`, { headers: { 'sec-fetch-site': 'cross-site' } }));
    expect(get.status).toBe(200);
  });
});

describe('a fault of the server is a 5xx told to onError; only the browser’s own error is a 4xx', () => {
  it('a revoked API token (upstream 401, 403): 502, told to onError, on the join and on an allowed route', async () => {
    for (const status of [401, 403]) {
      const join = joinProxy({}, { fetch: refused(status, 'Invalid API token') });
      const answer = await join.handle(post());
      expect([answer.status, (await answer.json()).error.message]).toEqual([
        502,
        "RealtimeKit refused the server's API token: the proxy's configuration needs fixing",
      ]);
      expect(join.onError).toHaveBeenCalledTimes(1);
      const onError = vi.fn();
      const allowed = proxyWith({ allow: ['get_meeting'], onError, fetch: refused(status) });
      expect((await allowed.handle(browserRequest(`/meetings/${MEETING}`))).status).toBe(502);
      expect(onError).toHaveBeenCalledTimes(1);
    }
  });

  it('upstream refusing what the server sent on a join (400): 502 told; a meeting not found (404): passed on', async () => {
    const bad = joinProxy({}, { fetch: refused(400, 'preset not found') });
    const answer = await bad.handle(post());
    expect([answer.status, (await answer.json()).error.message]).toEqual([
      502,
      "RealtimeKit refused the server's join request (400)",
    ]);
    expect(bad.onError).toHaveBeenCalledTimes(1);
    const missing = joinProxy({}, { fetch: refused(404, 'No meeting') });
    expect((await missing.handle(post())).status).toBe(404);
    expect(missing.onError).not.toHaveBeenCalled();
  });

  it('a preset() returning nothing: 500, told to onError, nothing sent', async () => {
    const { handle, sent, onError } = joinProxy({ preset: (() => undefined) as never });
    const answer = await handle(post());
    expect(answer.status).toBe(500);
    expect(onError).toHaveBeenCalledWith(expect.any(TypeError), expect.any(Request));
    expect(sent).toHaveLength(0);
  });

  it('identify returning a numeric ID, or no object: 500 told to onError, not the browser’s 400', async () => {
    for (const user of [{ id: 42 }, { id: 'u', name: 7 }, 'user-ada', { id: '' }]) {
      const { handle, sent, onError } = joinProxy({ identify: () => user as never });
      const answer = await handle(post());
      expect([answer.status, (await answer.json()).error.message]).toEqual([500, 'Identifying the user failed']);
      expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(TypeError);
      expect(String(onError.mock.calls[0]?.[0].message)).toMatch(/^identify returned /);
      expect(sent).toHaveLength(0);
    }
  });

  it('a body nested 5,000 deep is the browser’s 400, never a 502 or an onError call', async () => {
    const onError = vi.fn();
    const { handle, sent } = proxyWith({ onError, allow: ['create_meeting'] });
    const deep = `{"title":"x","ai_config":${'['.repeat(5_000)}${']'.repeat(5_000)}}`;
    const response = await handle(
      browserRequest('/meetings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: deep }),
    );
    expect([response.status, (await response.json()).error.message]).toEqual([
      400,
      'The body nests deeper than 64 levels',
    ]);
    expect(onError).not.toHaveBeenCalled();
    expect(sent).toHaveLength(0);
  });
});
