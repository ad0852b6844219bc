import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ACCOUNT,
  APP,
  MEETING,
  neverAnswers,
  PARTICIPANT,
  PREFIX,
  recordingFetch,
  TOKEN,
} from '../test-support/recording-fetch';
import { rejection } from '../test-support/rejection';
import { createRealtimeKitClient } from './create-client';
import { RealtimeKitError } from './errors';

const client = (fetch: (r: Request) => Promise<Response>, extra = {}) =>
  createRealtimeKitClient({ apiToken: TOKEN, accountId: ACCOUNT, appId: APP, fetch, ...extra });

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('bad input is refused before anything is sent', () => {
  // each case with its own client and its own record: a stray send fails that case, and only that one
  const fresh = () => {
    const { fetch, requests } = recordingFetch();
    return { rtk: client(fetch), requests };
  };

  it.each([
    ['an empty meeting ID', (rtk: ReturnType<typeof client>) => rtk.meetings.get('')],
    ['a numeric meeting ID', (rtk: ReturnType<typeof client>) => rtk.meetings.get(42 as never)],
    ['a missing participant ID', (rtk: ReturnType<typeof client>) => rtk.participants.get(MEETING, undefined as never)],
    ['"." as an ID', (rtk: ReturnType<typeof client>) => rtk.participants.delete(MEETING, '.')],
    ['".." as an ID', (rtk: ReturnType<typeof client>) => rtk.meetings.get('..')],
    ['a body that is an array', (rtk: ReturnType<typeof client>) => rtk.meetings.create([] as never)],
    ['a body that is a string', (rtk: ReturnType<typeof client>) => rtk.participants.add(MEETING, 'x' as never)],
    [
      'a body that is a class instance',
      (rtk: ReturnType<typeof client>) => rtk.meetings.update(MEETING, new Date() as never),
    ],
    ['a missing body', (rtk: ReturnType<typeof client>) => rtk.participants.add(MEETING, undefined as never)],
    ['a query that is not an object', (rtk: ReturnType<typeof client>) => rtk.meetings.list('page=2' as never)],
    ['options that are not an object', (rtk: ReturnType<typeof client>) => rtk.meetings.get(MEETING, 5 as never)],
    ['a negative timeout', (rtk: ReturnType<typeof client>) => rtk.meetings.get(MEETING, { timeoutMs: -1 })],
    ['fractional retries', (rtk: ReturnType<typeof client>) => rtk.meetings.get(MEETING, { maxRetries: 1.5 })],
    ['an empty per-call account', (rtk: ReturnType<typeof client>) => rtk.meetings.get(MEETING, { accountId: '' })],
    ['a lone surrogate in an ID', (rtk: ReturnType<typeof client>) => rtk.meetings.get('\uD800abc')],
    [
      'an unknown operation',
      (rtk: ReturnType<typeof client>) => rtk.request('drop_all_meetings' as never, {} as never),
    ],
    // a property every object has is no operation (it was read from the table's prototype, and crashed as a TypeError)
    ['"toString" as an operation', (rtk: ReturnType<typeof client>) => rtk.request('toString' as never, {} as never)],
  ])('%s', async (_name, call) => {
    const { rtk, requests } = fresh();
    const error = await rejection(call(rtk));
    expect(error.kind).toBe('invalid_argument');
    expect(requests).toHaveLength(0);
  });

  it('names the operation and the parameter', async () => {
    const { rtk } = fresh();
    const error = await rejection(rtk.participants.get(MEETING, ''));
    expect(error).toMatchObject({ operationId: 'get_meeting_participant', method: 'GET' });
    expect(error.message).toContain('participant_id');
  });

  it('takes token, account, app and base URL from the environment when the options leave them out', async () => {
    vi.stubEnv('CLOUDFLARE_API_TOKEN', TOKEN);
    vi.stubEnv('CLOUDFLARE_ACCOUNT_ID', 'env-account');
    vi.stubEnv('REALTIMEKIT_APP_ID', 'env-app');
    vi.stubEnv('CLOUDFLARE_BASE_URL', 'https://mock.example.test/v4');
    const fromEnv = recordingFetch();
    await createRealtimeKitClient({ fetch: fromEnv.fetch }).meetings.get(MEETING);
    const sent = fromEnv.requests[0]!;
    expect(sent.url).toBe(`https://mock.example.test/v4/accounts/env-account/realtime/kit/env-app/meetings/${MEETING}`);
    expect(sent.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
  });

  it('throws for a non-object listAll query at the call, and for bad IDs before the first page', async () => {
    const { rtk, requests } = fresh();
    expect(() => rtk.meetings.listAll(3 as never)).toThrow(RealtimeKitError);
    const error = await rejection(rtk.participants.listAll('')[Symbol.asyncIterator]().next());
    expect(error.kind).toBe('invalid_argument');
    expect(requests).toHaveLength(0);
  });
});

describe('path parameters', () => {
  it('percent-encodes every ID, so no ID can reach another path (property)', async () => {
    const { fetch, requests } = recordingFetch(() =>
      Response.json({ success: true, data: { id: 'p', custom_participant_id: 'c', preset_name: 'x' } }),
    );
    const rtk = client(fetch, { baseUrl: 'https://api.example.test/client/v4' });
    const id = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom('../../apps', 'a/b?c#d', '..', '.', '%2e%2e', '..%2F', 'a\\b', '?x=1', '#frag', ' ', '%', '..;'),
      fc
        .array(fc.constantFrom('..', '/', '.', '%2F', '\\', '?', '#', '%', 'a'), { maxLength: 8 })
        .map((a) => a.join('')),
    );
    await fc.assert(
      fc.asyncProperty(id, id, async (meetingId, participantId) => {
        requests.length = 0;
        const result = await rtk.participants.get(meetingId, participantId).then(
          () => 'sent',
          (e: RealtimeKitError) => e.kind,
        );
        // refused exactly when an ID is empty, a dot segment, or not well-formed Unicode (a lone surrogate)
        const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
        const bad = (value: string) => ['', '.', '..'].includes(value) || loneSurrogate.test(value);
        expect(result).toBe(bad(meetingId) || bad(participantId) ? 'invalid_argument' : 'sent');
        if (result === 'invalid_argument') {
          expect(requests).toHaveLength(0);
          return;
        }
        expect(requests).toHaveLength(1);
        const url = new URL(requests[0]!.url);
        expect(url.origin).toBe('https://api.example.test');
        expect(url.search).toBe('');
        expect(url.hash).toBe('');
        const segments = url.pathname.split('/');
        const prefix = PREFIX.split('/');
        expect(segments.slice(0, prefix.length)).toEqual(prefix);
        expect(segments).toHaveLength(prefix.length + 4);
        const [meetings, encodedMeeting, participants, encodedParticipant] = segments.slice(prefix.length);
        expect([meetings, participants]).toEqual(['meetings', 'participants']);
        expect(decodeURIComponent(encodedMeeting!)).toBe(meetingId);
        expect(decodeURIComponent(encodedParticipant!)).toBe(participantId);
      }),
      { numRuns: 400 },
    );
  });

  it('uses the per-call account and app over the client defaults', async () => {
    const { fetch, requests } = recordingFetch(() => Response.json({ success: true, data: [], paging: {} }));
    await client(fetch).meetings.list(undefined, { accountId: 'acct-2', appId: 'app-2' });
    expect(new URL(requests[0]!.url).pathname).toBe('/client/v4/accounts/acct-2/realtime/kit/app-2/meetings');
  });
});

describe('requests', () => {
  it('sends the token as a Bearer header, the body as JSON and the query as form parameters', async () => {
    const { fetch, requests } = recordingFetch(() =>
      Response.json({ success: true, data: [], paging: { start_offset: 0, end_offset: 0, total_count: 0 } }),
    );
    const rtk = client(fetch, { headers: { 'x-team': 'blue' } });
    await rtk.meetings.list({ page_no: 2, per_page: 10, search: 'daily standup' }, { headers: { 'x-trace': 't1' } });
    const request = requests[0]!;
    expect(request.method).toBe('GET');
    expect(request.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(request.headers.get('x-team')).toBe('blue');
    expect(request.headers.get('x-trace')).toBe('t1');
    expect(new URL(request.url).search).toBe('?page_no=2&per_page=10&search=daily%20standup');

    await rtk.participants.add(MEETING, { custom_participant_id: 'u1', preset_name: 'host', name: 'Ada' });
    const post = requests[1]!;
    expect(post.method).toBe('POST');
    expect(post.headers.get('content-type')).toBe('application/json');
    expect(await post.json()).toEqual({ custom_participant_id: 'u1', preset_name: 'host', name: 'Ada' });
  });

  it('treats a 2xx with success: false as an http error', async () => {
    const { fetch } = recordingFetch(() =>
      Response.json({ success: false, error: { code: 409, message: 'Meeting is inactive' } }),
    );
    const error = await rejection(client(fetch).meetings.get(MEETING));
    expect(error).toMatchObject({
      kind: 'http',
      status: 200,
      code: 409,
      message: '200 get_meeting: Meeting is inactive',
    });
  });

  it('reports invalid JSON in a 2xx as invalid_response, and a non-object body too', async () => {
    const { fetch } = recordingFetch(
      () => new Response('{"success": true, "data": {', { headers: { 'content-type': 'application/json' } }),
    );
    expect((await rejection(client(fetch).meetings.get(MEETING))).kind).toBe('invalid_response');
    const array = recordingFetch(() => Response.json([1, 2]));
    expect((await rejection(client(array.fetch).meetings.get(MEETING))).kind).toBe('invalid_response');
    const empty = recordingFetch(() => new Response(null, { status: 204 }));
    expect((await rejection(client(empty.fetch).meetings.get(MEETING))).kind).toBe('invalid_response');
  });

  it('reports a 2xx without data (or a list without paging) as invalid_response', async () => {
    const { fetch } = recordingFetch(() => Response.json({ success: true }));
    expect((await rejection(client(fetch).meetings.get(MEETING))).message).toContain('without data');
    const list = recordingFetch(() => Response.json({ success: true, data: [] }));
    expect((await rejection(client(list.fetch).meetings.list())).message).toContain('without paging');
  });

  it('keeps status, code, message, cf-ray and body of an error answer', async () => {
    const body = { success: false, error: { code: 404, message: 'No meeting with that ID' } };
    const { fetch } = recordingFetch(() => Response.json(body, { status: 404, headers: { 'cf-ray': '8f0e-SJC' } }));
    const error = await rejection(client(fetch).meetings.get(MEETING));
    expect(error).toMatchObject({
      kind: 'http',
      status: 404,
      code: 404,
      message: '404 get_meeting: No meeting with that ID',
      requestId: '8f0e-SJC',
      operationId: 'get_meeting',
      method: 'GET',
      body,
    });
  });

  it('request() calls any operation by operationId and returns the whole body', async () => {
    const body = { success: true, data: { token: 'join-token' } };
    const { fetch, requests } = recordingFetch(() => Response.json(body));
    const result = await client(fetch).request('regenerate_token', {
      params: { meeting_id: MEETING, participant_id: PARTICIPANT },
    });
    expect(result).toEqual(body);
    expect(requests[0]!.method).toBe('POST');
    expect(new URL(requests[0]!.url).pathname).toBe(`${PREFIX}/meetings/${MEETING}/participants/${PARTICIPANT}/token`);
  });

  it('leaves no timer behind once a call settles', async () => {
    vi.useFakeTimers();
    const { fetch } = recordingFetch();
    await client(fetch).activeSession.kickAll(MEETING);
    expect(vi.getTimerCount()).toBe(0);
    const failing = recordingFetch(() =>
      Response.json({ success: false, error: { code: 1, message: 'x' } }, { status: 400 }),
    );
    await rejection(client(failing.fetch).activeSession.kickAll(MEETING));
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('proxy mode', () => {
  it('sends every operation to {proxyUrl}/meetings/... with no token, account or app', async () => {
    vi.stubEnv('CLOUDFLARE_API_TOKEN', TOKEN);
    vi.stubEnv('CLOUDFLARE_ACCOUNT_ID', ACCOUNT);
    const { fetch, requests } = recordingFetch();
    const rtk = createRealtimeKitClient({ proxyUrl: 'https://app.example.test/api/realtimekit', fetch });
    await rtk.participants.refreshToken(MEETING, PARTICIPANT);
    const request = requests[0]!;
    expect(request.url).toBe(
      `https://app.example.test/api/realtimekit/meetings/${MEETING}/participants/${PARTICIPANT}/token`,
    );
    expect(request.headers.has('authorization')).toBe(false);
    expect(rtk.scope).toBe('proxy:https://app.example.test/api/realtimekit');
  });

  it('refuses per-call account or app: the proxy fixes them', async () => {
    const { fetch, requests } = recordingFetch();
    const rtk = createRealtimeKitClient({ proxyUrl: 'https://app.example.test/api', fetch });
    const error = await rejection(rtk.meetings.get(MEETING, { accountId: 'other' }));
    expect(error.message).toContain('proxy');
    expect(requests).toHaveLength(0);
  });
});

describe('waiting: the backoff between retries and the timeout of an attempt, on a clock the test moves', () => {
  it('waits up to 0.5 s before the first retry and up to 1 s before the second (full jitter, Math.random near 1)', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    const { fetch, requests } = recordingFetch(() => new Response('{}', { status: 503 }));
    const pending = rejection(client(fetch, { maxRetries: 2 }).meetings.get(MEETING));
    await vi.advanceTimersByTimeAsync(0);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(480);
    expect(requests).toHaveLength(1); // not retried at once
    await vi.advanceTimersByTimeAsync(40);
    expect(requests).toHaveLength(2); // nor later than 0.5 s
    await vi.advanceTimersByTimeAsync(960);
    expect(requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(60);
    expect(requests).toHaveLength(3);
    expect((await pending).attempts).toBe(3);
  });

  it('gives an attempt timeoutMs, not less and not more', async () => {
    vi.useFakeTimers();
    let settled = false;
    const pending = rejection(client(neverAnswers, { timeoutMs: 1000, maxRetries: 0 }).meetings.get(MEETING)).finally(
      () => {
        settled = true;
      },
    );
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).kind).toBe('timeout');
  });

  it("a caller's abort of a POST in flight is 'aborted', never a timeout, and it is not retried", async () => {
    const { fetch, requests } = recordingFetch(neverAnswers);
    const controller = new AbortController();
    const pending = rejection(client(fetch).meetings.create({ title: 'x' }, { signal: controller.signal }));
    await Promise.resolve();
    const reason = new Error('the user closed the page');
    controller.abort(reason);
    const error = await pending;
    expect([error.kind, error.attempts ?? 1, error.cause]).toEqual(['aborted', 1, reason]);
    expect(requests).toHaveLength(1);
  });

  it('an answer that arrived is returned even when the caller aborts just after it: the write did happen', async () => {
    const controller = new AbortController();
    const answering = async () => {
      const answer = Response.json({ success: true, data: { id: MEETING } }, { status: 201 });
      controller.abort();
      return answer;
    };
    expect(await client(answering).meetings.create({ title: 'x' }, { signal: controller.signal })).toEqual({
      id: MEETING,
    });
  });
});
