import { createRealtimeKitClient } from '@realtimekit-meetings/client';
import { describe, expect, it, vi } from 'vitest';
import { ACCOUNT, APP, BASE, browserRequest, MEETING, proxyWith } from '../test-support/setup';
import { createRealtimeKitProxy, type ProxyJoinOptions } from './create-proxy';

/** The join route as an authorization boundary: who may join which meeting, from where, and whose fault a failure is. */
const post = (headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  browserRequest(`/meetings/${MEETING}/join`, {
    method: 'POST',
    headers: { cookie: 'session=ada', ...headers },
    body: '{}',
  });
const joinOnly = (join: Partial<ProxyJoinOptions>, extra: Parameters<typeof proxyWith>[0] = {}) =>
  proxyWith({
    allow: undefined,
    authorize: undefined,
    join: { identify: () => ({ id: 'user-ada', name: 'Ada' }), authorize: () => true, ...join },
    ...extra,
  });
const refusal = async (response: Response) => [response.status, (await response.json()).error.message];

describe('who may join which meeting', () => {
  it('join.authorize refuses this user this meeting with 403, and nothing is sent', async () => {
    const mayJoin = vi.fn((user: { id: string }, meetingId: string) => user.id === 'user-bob' && meetingId === MEETING);
    const { handle, sent } = joinOnly({ authorize: mayJoin });
    expect(await refusal(await handle(post()))).toEqual([403, 'Not authorized to join this meeting']);
    expect(mayJoin).toHaveBeenCalledWith({ id: 'user-ada', name: 'Ada' }, MEETING, expect.any(Request));
    expect(sent).toHaveLength(0);
  });

  it('the proxy’s authorize is asked too, as join_meeting with the meeting ID: what refuses a GET refuses the join', async () => {
    const privateMeeting = MEETING;
    const authorize = vi.fn(
      (_request: Request, operation: { params: Record<string, string> }) =>
        operation.params.meeting_id !== privateMeeting,
    );
    const { handle, sent } = proxyWith({
      allow: ['get_meeting'],
      authorize,
      join: { identify: () => ({ id: 'user-ada' }) },
    });
    const get = await handle(browserRequest(`/meetings/${privateMeeting}`));
    expect(get.status).toBe(403);
    expect(await refusal(await handle(post()))).toEqual([403, 'Not authorized to join this meeting']);
    expect(authorize).toHaveBeenLastCalledWith(expect.any(Request), {
      operationId: 'join_meeting',
      method: 'POST',
      path: '/meetings/{meeting_id}/join',
      params: { meeting_id: privateMeeting },
    });
    expect(sent).toHaveLength(0);
  });

  it('a join route with no decision at all is refused when the proxy is made', () => {
    const client = createRealtimeKitClient({ apiToken: 't', accountId: ACCOUNT, appId: APP });
    expect(() => createRealtimeKitProxy({ client, basePath: BASE, join: { identify: () => ({ id: 'u' }) } })).toThrow(
      'join needs join.authorize(user, meetingId) (or authorize, asked about join_meeting): who may join which meeting? Write () => true to let every signed-in user join every meeting',
    );
  });

  it('each join decides the preset anew: a demoted host’s next join edits the participant to the new preset', async () => {
    let isHost = true;
    const { handle, sent } = joinOnly({ preset: () => (isHost ? 'group_call_host' : 'group_call_participant') });
    expect((await handle(post())).status).toBe(200);
    isHost = false;
    expect((await handle(post())).status).toBe(200);
    expect(sent.map((s) => s.method)).toEqual(['POST', 'PATCH']);
    expect(JSON.parse(sent[1]!.body)).toEqual({ preset_name: 'group_call_participant', name: 'Ada' });
  });
});

describe('only a request a page cannot forge cross-site', () => {
  it('refuses Sec-Fetch-Site: cross-site, a form post and a body with no type, sending nothing', async () => {
    const { handle, sent } = joinOnly({});
    expect(
      await refusal(await handle(post({ 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }))),
    ).toEqual([403, 'Joining from another site is refused']);
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      expect(await refusal(await handle(post({ 'content-type': type })))).toEqual([
        415,
        'Send the join request as application/json',
      ]);
    }
    expect((await handle(browserRequest(`/meetings/${MEETING}/join`, { method: 'POST' }))).status).toBe(415);
    expect(sent).toHaveLength(0);
    // the same site, and a browser client's own request, go through
    expect((await handle(post({ 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }))).status).toBe(
      200,
    );
  });

  it('the browser client’s joinMeeting sends what the route accepts', async () => {
    const { handle } = joinOnly({});
    const browser = createRealtimeKitClient({
      proxyUrl: `https://app.example.test${BASE}`,
      fetch: (request) => handle(new Request(request)),
    });
    expect(await browser.joinMeeting(MEETING)).toEqual({
      token: expect.any(String),
      participantId: expect.any(String),
    });
  });
});

describe('a fault of the server is a 5xx told to onError, never the browser’s 4xx', () => {
  it('identify returning a user without a string id', async () => {
    for (const user of [{ id: 42 }, { id: '' }, 'user-ada']) {
      const onError = vi.fn();
      const { handle, sent } = joinOnly({ identify: () => user as never }, { onError });
      expect(await refusal(await handle(post()))).toEqual([500, 'Identifying the user failed']);
      expect(onError).toHaveBeenCalledTimes(1);
      expect(sent).toHaveLength(0);
    }
  });

  it('a preset function that returns nothing', async () => {
    const onError = vi.fn();
    const { handle, sent } = joinOnly({ preset: () => undefined as unknown as string }, { onError });
    expect(await refusal(await handle(post()))).toEqual([500, 'The join route is misconfigured']);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'invalid_argument' }), expect.any(Request));
    expect(sent).toHaveLength(0);
  });

  it('join.authorize that throws', async () => {
    const onError = vi.fn();
    const { handle } = joinOnly(
      {
        authorize: () => {
          throw new Error('membership service down');
        },
      },
      { onError },
    );
    expect(await refusal(await handle(post()))).toEqual([500, 'Authorization failed']);
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'membership service down' }),
      expect.any(Request),
    );
  });

  it('a revoked API token (upstream 401 or 403), on the join route and on an allowed operation', async () => {
    for (const status of [401, 403]) {
      const upstream = async () =>
        Response.json({ success: false, errors: [{ code: 10000, message: 'Authentication error' }] }, { status });
      const onError = vi.fn();
      const join = joinOnly({}, { onError, fetch: upstream });
      const answer = await join.handle(post());
      expect(answer.status).toBe(502);
      expect(await answer.text()).not.toContain('Authentication error');
      const allowed = proxyWith({ allow: ['get_meeting'], authorize: () => true, onError, fetch: upstream });
      expect(await refusal(await allowed.handle(browserRequest(`/meetings/${MEETING}`)))).toEqual([
        502,
        'RealtimeKit refused the proxy’s credentials',
      ]);
      expect(onError).toHaveBeenCalledTimes(2);
    }
  });

  it('a preset the app lacks (upstream 422 on the add) is the server’s fault: 502, told', async () => {
    const onError = vi.fn();
    const upstream = async () =>
      Response.json({ success: false, error: { code: 422, message: 'preset not found' } }, { status: 422 });
    const { handle } = joinOnly({}, { onError, fetch: upstream });
    expect(await refusal(await handle(post()))).toEqual([502, 'RealtimeKit refused the join']);
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('a body nested 5,000 deep is the browser’s 400, not a false outage (no 502, no onError)', async () => {
    const onError = vi.fn();
    const { handle, sent } = proxyWith({ allow: ['create_meeting'], authorize: () => true, onError });
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const response = await handle(
      browserRequest('/meetings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: deep }),
    );
    expect(await refusal(response)).toEqual([400, 'The body is nested deeper than 32 levels']);
    expect(onError).not.toHaveBeenCalled();
    expect(sent).toHaveLength(0);
    const fine = `${'{"a":'.repeat(31)}1${'}'.repeat(31)}`;
    const shallow = await handle(
      browserRequest('/meetings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: fine }),
    );
    expect(shallow.status).not.toBe(400);
  });
});
