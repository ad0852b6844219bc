import type { JoinTokenStore } from '@realtimekit-meetings/client';
import { describe, expect, it, vi } from 'vitest';
import { browserRequest, MEETING, proxyWith } from '../test-support/setup';
import type { ProxyJoinOptions } from './create-proxy';

/** A proxy whose only route is join: `allow` left out, no `authorize`. */
const joinOnly = (join: Omit<ProxyJoinOptions, 'authorize'> & Partial<ProxyJoinOptions>) =>
  proxyWith({ allow: undefined, authorize: undefined, join: { authorize: () => true, ...join } });
const post = (path: string, body?: unknown) =>
  browserRequest(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: 'session=ada' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('the join route', () => {
  it('answers the identified user’s token; what the browser sends changes neither identity nor preset', async () => {
    const identify = vi.fn((request: Request) =>
      request.headers.get('cookie') === 'session=ada' ? { id: 'user-ada', name: 'Ada' } : null,
    );
    const { handle, sent } = joinOnly({ identify, preset: 'group_call_participant' });
    const response = await handle(
      post(`/meetings/${MEETING}/join`, { preset_name: 'group_call_host', custom_participant_id: 'someone-else' }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body).toEqual({ token: expect.any(String), participant_id: expect.any(String) });
    // a look-up by custom_participant_id first (the mock lists nobody of that ID), then the add
    expect(sent.map((s) => s.method)).toEqual(['GET', 'POST']);
    expect(sent[1]!.url).toMatch(new RegExp(`/meetings/${MEETING}/participants$`));
    expect(JSON.parse(sent[1]!.body)).toEqual({
      custom_participant_id: 'user-ada',
      preset_name: 'group_call_participant',
      name: 'Ada',
    });
  });

  it('a second join refreshes the token instead of adding a participant', async () => {
    const { handle, sent } = joinOnly({ identify: () => ({ id: 'user-ada' }) });
    await handle(post(`/meetings/${MEETING}/join`));
    await handle(post(`/meetings/${MEETING}/join`));
    expect(sent.map((s) => `${s.method} ${new URL(s.url).pathname.split('/').slice(-2).join('/')}`)).toEqual([
      `GET ${MEETING}/participants`,
      `POST ${MEETING}/participants`,
      expect.stringMatching(/^POST [\w-]+\/token$/),
    ]);
  });

  it('401 with no identity, and nothing goes upstream', async () => {
    const { handle, sent } = joinOnly({ identify: async () => null });
    const response = await handle(post(`/meetings/${MEETING}/join`, { custom_participant_id: 'anyone' }));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      success: false,
      error: { code: 401, message: 'Sign in to join this meeting' },
    });
    expect(sent).toHaveLength(0);
  });

  it('refuses another method, a bad meeting ID, and a failing identify (reported), sending nothing', async () => {
    const onError = vi.fn();
    const { handle, sent } = proxyWith({
      allow: [],
      authorize: undefined,
      onError,
      join: {
        identify: () => {
          throw new Error('session store down');
        },
        authorize: () => true,
      },
    });
    const wrong = await handle(browserRequest(`/meetings/${MEETING}/join`));
    expect([wrong.status, wrong.headers.get('allow')]).toEqual([405, 'POST']);
    expect((await handle(post('/meetings/a.b/join'))).status).toBe(400);
    expect((await handle(post(`/meetings/${MEETING}/join`))).status).toBe(500);
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'session store down' }),
      expect.any(Request),
    );
    expect(sent).toHaveLength(0);
  });

  it('exists only when join is configured', async () => {
    const { handle } = proxyWith();
    expect((await handle(post(`/meetings/${MEETING}/join`))).status).toBe(404);
  });

  it('only POST {basePath}/meetings/{id}/join is the route: another method is 405, a bad ID 400, a longer path not it', async () => {
    const { handle, sent } = joinOnly({ identify: () => ({ id: 'user-ada' }) });
    const get = await handle(browserRequest(`/meetings/${MEETING}/join`));
    expect([get.status, get.headers.get('allow'), (await get.json()).error.message]).toEqual([
      405,
      'POST',
      'Use POST for this route',
    ]);
    const bad = await handle(post('/meetings/a.b/join'));
    expect([bad.status, (await bad.json()).error.message]).toEqual([
      400,
      'meeting_id is not a valid ID: a meeting ID is a UUID',
    ]);
    for (const path of [`/meetings/${MEETING}/join/extra`, `/xmeetings/${MEETING}/join`]) {
      expect((await handle(post(path))).status).toBe(404);
    }
    expect(sent).toHaveLength(0);
  });

  it('identify that throws: 500, told to onError when there is one, and answered without one', async () => {
    const seen: unknown[] = [];
    const failing = () => {
      throw new Error('session store down');
    };
    const withHandler = proxyWith({
      allow: [],
      authorize: undefined,
      join: { identify: failing, authorize: () => true },
      onError: (e) => seen.push(e),
    });
    const answered = await withHandler.handle(post(`/meetings/${MEETING}/join`));
    expect([answered.status, (await answered.json()).error.message]).toEqual([500, 'Identifying the user failed']);
    expect(seen).toHaveLength(1);
    const without = proxyWith({
      allow: [],
      authorize: undefined,
      join: { identify: failing, authorize: () => true },
      onError: undefined,
    });
    expect((await without.handle(post(`/meetings/${MEETING}/join`))).status).toBe(500);
  });

  it('an upstream failure of the join: 5xx told to onError, a 4xx passed on and not told', async () => {
    const seen: unknown[] = [];
    const down = proxyWith({
      allow: [],
      authorize: undefined,
      join: { identify: () => ({ id: 'user-ada' }), authorize: () => true },
      onError: (e) => seen.push(e),
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    });
    expect((await down.handle(post(`/meetings/${MEETING}/join`))).status).toBe(502);
    expect(seen).toHaveLength(1);
    const missing = proxyWith({
      allow: [],
      authorize: undefined,
      join: { identify: () => ({ id: 'user-ada' }), authorize: () => true },
      onError: (e) => seen.push(e),
      fetch: async () =>
        Response.json({ success: false, error: { code: 404, message: 'No meeting' } }, { status: 404 }),
    });
    const gone = await missing.handle(post(`/meetings/${MEETING}/join`));
    expect([gone.status, (await gone.json()).error.message]).toEqual([404, 'No meeting']);
    expect(seen).toHaveLength(1);
  });

  it('keeps who joined in the store it is given: a second server sharing it refreshes instead of adding', async () => {
    const saved = new Map<string, string>();
    const store: JoinTokenStore = {
      get: async (key) => saved.get(key),
      set: async (key, id) => void saved.set(key, id),
      delete: async (key) => void saved.delete(key),
    };
    const first = joinOnly({ identify: () => ({ id: 'user-ada' }), store });
    const second = joinOnly({ identify: () => ({ id: 'user-ada' }), store });
    await first.handle(post(`/meetings/${MEETING}/join`));
    expect(saved.size).toBe(1);
    await second.handle(post(`/meetings/${MEETING}/join`));
    expect(second.sent.map((s) => new URL(s.url).pathname.split('/').pop())).toEqual(['token']);
  });

  it('an upstream 500 is told to onError; without onError the join still answers', async () => {
    const failing = async () =>
      Response.json({ success: false, error: { code: 500, message: 'boom' } }, { status: 500 });
    const seen: unknown[] = [];
    const told = proxyWith({
      allow: undefined,
      authorize: undefined,
      join: { identify: () => ({ id: 'user-ada' }), authorize: () => true },
      onError: (e) => seen.push(e),
      fetch: failing,
    });
    expect((await told.handle(post(`/meetings/${MEETING}/join`))).status).toBe(500);
    expect(seen).toHaveLength(1);
    const untold = proxyWith({
      allow: undefined,
      authorize: undefined,
      join: { identify: () => ({ id: 'user-ada' }), authorize: () => true },
      onError: undefined,
      fetch: failing,
    });
    const answered = await untold.handle(post(`/meetings/${MEETING}/join`));
    expect([answered.status, (await answered.json()).error.message]).toEqual([500, 'boom']);
  });

  it('never reads what the browser streams to the join route: the stream is cancelled', async () => {
    let cancelled = false;
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode('{"custom_participant_id":"someone-else"'));
      },
      cancel() {
        cancelled = true;
      },
    });
    const { handle } = joinOnly({ identify: () => ({ id: 'user-ada' }) });
    const request = browserRequest(`/meetings/${MEETING}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      // @ts-expect-error undici's streaming request body option
      duplex: 'half',
    });
    expect((await handle(request)).status).toBe(200);
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(3);
  });
});
