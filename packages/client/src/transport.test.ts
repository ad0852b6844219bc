import type { Middleware } from 'openapi-fetch';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startFaultServer } from '../test-support/fault-server';
import { ACCOUNT, APP, MEETING, recordingFetch, TOKEN } from '../test-support/recording-fetch';
import { rejection } from '../test-support/rejection';
import { createRealtimeKitClient } from './create-client';

// openapi-fetch middleware through the client's own transport: the order openapi-fetch runs them in, and what each
// hook may replace.
const client = (middleware: Middleware[], fetch = recordingFetch().fetch) =>
  createRealtimeKitClient({ apiToken: TOKEN, accountId: ACCOUNT, appId: APP, maxRetries: 0, middleware, fetch });
const meetingPath = `/accounts/${ACCOUNT}/realtime/kit/${APP}/meetings/${MEETING}`;

describe('middleware', () => {
  it('runs onRequest in order and onResponse in reverse, with the schema path and the base URL', async () => {
    const seen: string[] = [];
    const named = (name: string): Middleware => ({
      onRequest({ request, schemaPath, options }) {
        seen.push(`${name} request ${schemaPath} ${options.baseUrl}`);
        return new Request(request, { headers: { ...Object.fromEntries(request.headers), [`x-${name}`]: '1' } });
      },
      onResponse() {
        seen.push(`${name} response`);
        return undefined;
      },
    });
    const { fetch, requests } = recordingFetch(() => Response.json({ success: true, data: { id: MEETING } }));
    expect(await client([named('a'), named('b')], fetch).meetings.get(MEETING)).toEqual({ id: MEETING });
    expect(seen).toEqual([
      'a request /accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id} https://api.cloudflare.com/client/v4',
      'b request /accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id} https://api.cloudflare.com/client/v4',
      'b response',
      'a response',
    ]);
    expect([requests[0]?.headers.get('x-a'), requests[0]?.headers.get('x-b')]).toEqual(['1', '1']);
    expect(new URL(requests[0]?.url as string).pathname).toBe(`/client/v4${meetingPath}`);
  });

  it('a Response from onRequest answers without sending; one from onResponse replaces the answer', async () => {
    const { fetch, requests } = recordingFetch();
    const cached: Middleware = { onRequest: () => Response.json({ success: true, data: { id: 'from-cache' } }) };
    expect(await client([cached], fetch).meetings.get(MEETING)).toEqual({ id: 'from-cache' });
    expect(requests).toHaveLength(0);
    const rewrite: Middleware = { onResponse: () => Response.json({ success: true, data: { id: 'rewritten' } }) };
    expect(await client([rewrite], fetch).meetings.get(MEETING)).toEqual({ id: 'rewritten' });
  });

  it('onError may answer for a failed fetch, or replace the error; without it the failure stands', async () => {
    const down = () => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } }));
    const fallback: Middleware = { onError: () => Response.json({ success: true, data: { id: 'fallback' } }) };
    expect(await client([fallback], down).meetings.get(MEETING)).toEqual({ id: 'fallback' });
    const seen: string[] = [];
    const first: Middleware = { onError: ({ error }) => void seen.push(`first saw ${(error as Error).message}`) };
    const second: Middleware = { onError: () => new Error('replaced by the second') };
    const error = await rejection(client([first, second], down).meetings.get(MEETING));
    // reverse order: the second runs first and replaces the error the first then sees; the first's undefined keeps it
    expect(seen).toEqual(['first saw replaced by the second']);
    expect(error.message).toBe('network get_meeting: Error (see cause) talking to api.cloudflare.com');
    expect((error.cause as Error).message).toBe('replaced by the second');
    // a middleware without onError is passed over
    const observer: Middleware = { onRequest: () => undefined };
    expect((await rejection(client([observer], down).meetings.get(MEETING))).message).toBe(
      'network get_meeting: the connection to api.cloudflare.com was reset',
    );
    expect((await rejection(client([], down).meetings.get(MEETING))).message).toBe(
      'network get_meeting: the connection to api.cloudflare.com was reset',
    );
  });

  it('a middleware that only looks (returns nothing) changes nothing', async () => {
    const seen: string[] = [];
    const observer: Middleware = {
      onRequest: ({ request }) => void seen.push(`${request.method} ${new URL(request.url).pathname}`),
      onResponse: ({ response }) => void seen.push(String(response.status)),
    };
    const { fetch, requests } = recordingFetch(() => Response.json({ success: true, data: { id: MEETING } }));
    expect(await client([observer], fetch).meetings.get(MEETING)).toEqual({ id: MEETING });
    expect(seen).toEqual([`GET /client/v4${meetingPath}`, '200']);
    expect(requests.map((r) => r.url)).toEqual([`https://api.cloudflare.com/client/v4${meetingPath}`]);
  });

  it('with middleware and no fetch of its own, sends on the global fetch through the middleware', async () => {
    const server = await startFaultServer({ status: 200, body: { success: true, data: { id: MEETING } } });
    onTestFinished(() => server.close());
    const tagging: Middleware = {
      onRequest: ({ request }) =>
        new Request(request, { headers: { ...Object.fromEntries(request.headers), 'x-tag': 'on' } }),
    };
    const rtk = createRealtimeKitClient({
      apiToken: TOKEN,
      accountId: ACCOUNT,
      appId: APP,
      baseUrl: server.url,
      middleware: [tagging],
    });
    expect(await rtk.meetings.get(MEETING)).toEqual({ id: MEETING });
    expect(server.requests[0]?.headers['x-tag']).toBe('on');
  });

  it('a JSON content type only on a request with a body; trailing slashes of baseUrl dropped', async () => {
    const { fetch, requests } = recordingFetch(() =>
      Response.json({ success: true, data: { id: MEETING } }, { status: 201 }),
    );
    const rtk = createRealtimeKitClient({
      apiToken: TOKEN,
      accountId: ACCOUNT,
      appId: APP,
      baseUrl: 'https://mock.test/v4//',
      fetch,
    });
    await rtk.meetings.get(MEETING);
    await rtk.meetings.create({ title: 'x' });
    expect(requests.map((r) => [r.url, r.headers.get('content-type')])).toEqual([
      [`https://mock.test/v4${meetingPath}`, null],
      [`https://mock.test/v4/accounts/${ACCOUNT}/realtime/kit/${APP}/meetings`, 'application/json'],
    ]);
  });

  it('an error body that is not JSON is kept as text', async () => {
    const html = recordingFetch(() => new Response('<h1>Bad gateway</h1>', { status: 502 }));
    const error = await rejection(client([], html.fetch).meetings.get(MEETING));
    expect([error.status, error.body]).toEqual([502, '<h1>Bad gateway</h1>']);
  });

  it('query values: arrays repeat the name, undefined and null are left out, everything is encoded', async () => {
    const { fetch, requests } = recordingFetch(() =>
      Response.json({ success: true, data: [], paging: { total_count: 0, start_offset: 0, end_offset: 0 } }),
    );
    await client([], fetch).request('get_all_meetings', {
      query: { search: 'a&b=c', status: undefined, page_no: null as never, per_page: [1, 2] as never },
    });
    expect(new URL(requests[0]?.url as string).search).toBe('?search=a%26b%3Dc&per_page=1&per_page=2');
  });

  it('query names are encoded too: untyped code cannot smuggle a parameter or a fragment in one', async () => {
    const { fetch, requests } = recordingFetch(() =>
      Response.json({ success: true, data: [], paging: { total_count: 0, start_offset: 0, end_offset: 0 } }),
    );
    await client([], fetch).meetings.list({ 'search=x&per_page': '5', 'x#': 'v' } as never);
    expect(new URL(requests[0]?.url as string).search).toBe('?search%3Dx%26per_page=5&x%23=v');
  });
});

describe('through the proxy, every write says JSON, body or not (the proxy refuses a write without it)', () => {
  const answer = { status: 200, body: { success: true, data: { token: 'T' } } };

  it('on a caller fetch: a body-less POST carries the content type, a GET none', async () => {
    const { fetch, requests } = recordingFetch(() => Response.json(answer.body));
    const rtk = createRealtimeKitClient({ proxyUrl: 'https://app.test/api/realtimekit', fetch });
    await rtk.participants.refreshToken(MEETING, 'participant-1');
    await rtk.meetings.get(MEETING);
    expect(requests.map((r) => [r.method, r.headers.get('content-type')])).toEqual([
      ['POST', 'application/json'],
      ['GET', null],
    ]);
  });

  it('on node:http too; a server client sends Cloudflare the content type only with a body', async () => {
    const server = await startFaultServer(answer);
    onTestFinished(() => server.close());
    await createRealtimeKitClient({ proxyUrl: server.url }).participants.refreshToken(MEETING, 'participant-1');
    await createRealtimeKitClient({
      baseUrl: server.url,
      apiToken: TOKEN,
      accountId: ACCOUNT,
      appId: APP,
    }).participants.refreshToken(MEETING, 'participant-1');
    expect(server.requests.map((r) => [r.method, r.headers['content-type']])).toEqual([
      ['POST', 'application/json'],
      ['POST', undefined],
    ]);
  });
});

describe('array query parameters, as the spec declares each (style form, explode true or false)', () => {
  const emptyPage = { success: true, data: [], paging: { total_count: 0, start_offset: 0, end_offset: 0 } };
  const recordings = `/accounts/${ACCOUNT}/realtime/kit/${APP}/recordings`;

  it("sends recordings' status comma-separated (explode: false), on node:http, by method, listAll and request()", async () => {
    const server = await startFaultServer({ status: 200, body: emptyPage });
    onTestFinished(() => server.close());
    const rtk = createRealtimeKitClient({ apiToken: TOKEN, accountId: ACCOUNT, appId: APP, baseUrl: server.url });
    await rtk.recordings.list({ status: ['INVOKED', 'RECORDING'], per_page: 5 });
    for await (const _ of rtk.recordings.listAll({ status: ['UPLOADED', 'ERRORED'] })) break;
    await rtk.request('get_all_recordings', { query: { status: ['PAUSED'] } });
    // an empty list filters nothing: no `status=` (an empty value the API would refuse)
    await rtk.recordings.list({ status: [] });
    // the raw request line the server read: the comma between values is not encoded
    expect(server.requests.map((r) => r.url)).toEqual([
      `${recordings}?status=INVOKED,RECORDING&per_page=5`,
      `${recordings}?status=UPLOADED,ERRORED&page_no=1&per_page=100`,
      `${recordings}?status=PAUSED`,
      recordings,
    ]);
  });

  it('through a caller fetch too; a comma inside a value is encoded, so it cannot split it', async () => {
    const { fetch, requests } = recordingFetch(() => Response.json(emptyPage));
    await client([], fetch).recordings.list({ status: ['A,B' as never, 'UPLOADED'], search: 'x,y' });
    expect(new URL(requests[0]?.url as string).search).toBe('?status=A%2CB,UPLOADED&search=x%2Cy');
  });

  it('an array of an operation without explode: false still repeats its name (the default, explode: true)', async () => {
    const { fetch, requests } = recordingFetch(() => Response.json(emptyPage));
    await client([], fetch).meetings.list({ per_page: [1, 2] as never });
    expect(new URL(requests[0]?.url as string).search).toBe('?per_page=1&per_page=2');
  });
});
