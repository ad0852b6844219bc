import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type FaultServer, refusedUrl, startFaultServer } from '../test-support/fault-server';
import { ACCOUNT, APP, MEETING, TOKEN } from '../test-support/recording-fetch';
import { rejection } from '../test-support/rejection';
import { createRealtimeKitClient } from './create-client';
import type { RealtimeKitError } from './errors';
import { createRawClient as createBrowserRawClient } from './raw-client.browser';
import { createRequest as createBrowserRequest } from './request-by-id.browser';

// The catalogue: every mistake a user is known to make, and the exact message it now produces, so that messages stay
// good. A message says what happened, where, and what to do; it never holds the token.

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.reset();
  vi.restoreAllMocks();
});

const setupError = (create: () => unknown) => {
  try {
    create();
  } catch (error) {
    expect((error as RealtimeKitError).kind).toBe('invalid_argument');
    return (error as Error).message;
  }
  throw new Error('the client was created');
};
const noEnvironment = () => {
  for (const name of ['CLOUDFLARE_API_TOKEN', 'CLOUDFLARE_ACCOUNT_ID', 'REALTIMEKIT_APP_ID', 'CLOUDFLARE_BASE_URL']) {
    vi.stubEnv(name, '');
  }
};
const client = (extra = {}) =>
  createRealtimeKitClient({ apiToken: TOKEN, accountId: ACCOUNT, appId: APP, baseUrl: server.url, ...extra });
const host = () => new URL(server.url).host;

describe('setup mistakes fail when the client is created, with the fix in the message', () => {
  it.each([
    [
      'a server client with no token anywhere',
      () => createRealtimeKitClient({ accountId: ACCOUNT, appId: APP }),
      'invalid_argument: apiToken is missing: pass apiToken or set CLOUDFLARE_API_TOKEN (in a browser, use proxyUrl)',
    ],
    [
      'nothing set at all',
      () => createRealtimeKitClient(),
      'invalid_argument: apiToken is missing: pass apiToken or set CLOUDFLARE_API_TOKEN (in a browser, use proxyUrl)',
    ],
    [
      'no account',
      () => createRealtimeKitClient({ apiToken: TOKEN, appId: APP }),
      'invalid_argument: accountId is missing: pass accountId or set CLOUDFLARE_ACCOUNT_ID (a call may still override it)',
    ],
    [
      'no app',
      () => createRealtimeKitClient({ apiToken: TOKEN, accountId: ACCOUNT }),
      'invalid_argument: appId is missing: pass appId or set REALTIMEKIT_APP_ID (a call may still override it)',
    ],
    [
      'accountId: 123',
      () => createRealtimeKitClient({ apiToken: TOKEN, accountId: 123 as never, appId: APP }),
      'invalid_argument: accountId must be a string, not number',
    ],
    [
      'an apiToken that is an object',
      () => createRealtimeKitClient({ apiToken: { value: TOKEN } as never, accountId: ACCOUNT, appId: APP }),
      'invalid_argument: apiToken must be a string, not object',
    ],
    [
      "baseUrl: '127.0.0.1:4010'",
      () => createRealtimeKitClient({ apiToken: TOKEN, accountId: ACCOUNT, appId: APP, baseUrl: '127.0.0.1:4010' }),
      'invalid_argument: baseUrl must be an absolute http(s) URL such as https://api.cloudflare.com/client/v4, not "127.0.0.1:4010"',
    ],
    [
      "baseUrl: 'not a url'",
      () => createRealtimeKitClient({ apiToken: TOKEN, accountId: ACCOUNT, appId: APP, baseUrl: 'not a url' }),
      'invalid_argument: baseUrl must be an absolute http(s) URL such as https://api.cloudflare.com/client/v4, not "not a url"',
    ],
    [
      'a baseUrl on another protocol',
      () => createRealtimeKitClient({ apiToken: TOKEN, accountId: ACCOUNT, appId: APP, baseUrl: 'ftp://x.test/' }),
      'invalid_argument: baseUrl must be an absolute http(s) URL such as https://api.cloudflare.com/client/v4, not "ftp://x.test/"',
    ],
    [
      'a relative proxyUrl in Node',
      () => createRealtimeKitClient({ proxyUrl: '/api/realtimekit' }),
      'invalid_argument: proxyUrl must be an absolute http(s) URL such as https://app.example.com/api/realtimekit, not "/api/realtimekit" (a path works only in a browser)',
    ],
    [
      '{ proxyUrl, apiToken } (a type error too)',
      () => createRealtimeKitClient({ proxyUrl: 'https://app.test/api', apiToken: TOKEN } as never),
      'invalid_argument: proxyUrl excludes apiToken, accountId, appId and baseUrl: the proxy holds them',
    ],
    [
      'a timeout of Infinity',
      () => client({ timeoutMs: Number.POSITIVE_INFINITY }),
      'invalid_argument: timeoutMs must be a positive number of milliseconds',
    ],
    [
      'a fetch that is not a function',
      () => client({ fetch: 'fetch' as never }),
      'invalid_argument: fetch must be a function',
    ],
    [
      'a baseUrl whose scheme only ends in http',
      () => createRealtimeKitClient({ apiToken: TOKEN, accountId: ACCOUNT, appId: APP, baseUrl: 'xhttps://x.test/' }),
      'invalid_argument: baseUrl must be an absolute http(s) URL such as https://api.cloudflare.com/client/v4, not "xhttps://x.test/"',
    ],
    [
      'a null logger',
      () => client({ logger: null as never }),
      'invalid_argument: logger must have a debug(line) method',
    ],
    [
      'a logger without debug()',
      () => client({ logger: { log: () => {} } as never }),
      'invalid_argument: logger must have a debug(line) method',
    ],
    [
      'options that are not an object',
      () => createRealtimeKitClient('https://api.cloudflare.com' as never),
      'invalid_argument: options must be a plain object',
    ],
    [
      'headers as a Headers instance',
      () => client({ headers: new Headers({ 'x-team': 'a' }) as never }),
      'invalid_argument: headers must be a plain object of strings',
    ],
    [
      'one middleware not in an array',
      () => client({ middleware: { onRequest: () => undefined } as never }),
      'invalid_argument: middleware must be an array of openapi-fetch middleware',
    ],
    [
      'a proxyUrl that is a URL object',
      () => createRealtimeKitClient({ proxyUrl: new URL('https://app.example.test/api') as never }),
      'invalid_argument: proxyUrl must be a string, not object',
    ],
    [
      'an appId that is a number',
      () => client({ appId: 42 as never }),
      'invalid_argument: appId must be a string, not number',
    ],
    [
      'a baseUrl that is a URL object',
      () => client({ baseUrl: new URL('https://api.cloudflare.com/client/v4') as never }),
      'invalid_argument: baseUrl must be a string, not object',
    ],
  ])('%s', (_name, create, message) => {
    noEnvironment();
    expect(setupError(create)).toBe(message);
  });

  it('an API token where window and document exist', () => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('document', {});
    expect(setupError(() => client())).toBe(
      'invalid_argument: An apiToken in a browser is readable by anyone: use proxyUrl and @realtimekit-meetings/proxy (or dangerouslyAllowBrowser: true)',
    );
  });

  it('in a browser, a path is a proxy URL, but a protocol-relative one (another host) is not', () => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('document', {});
    expect(createRealtimeKitClient({ proxyUrl: '/api/realtimekit' }).scope).toBe('proxy:/api/realtimekit');
    expect(setupError(() => createRealtimeKitClient({ proxyUrl: '//evil.example/api' }))).toBe(
      'invalid_argument: proxyUrl must be an absolute http(s) URL such as https://app.example.com/api/realtimekit, not "//evil.example/api"',
    );
  });

  it('a window alone (a test shim, a worker polyfill) is not a browser: a token is allowed there', () => {
    vi.stubGlobal('window', {});
    expect(client().scope).toBe(`${ACCOUNT}/${APP}`);
  });

  it('CLOUDFLARE_BASE_URL, the variable Cloudflare’s SDK reads, points the client at a mock', async () => {
    vi.stubEnv('CLOUDFLARE_BASE_URL', server.url);
    server.reply({ status: 200, body: { success: true, data: { id: MEETING } } });
    const rtk = createRealtimeKitClient({ apiToken: TOKEN, accountId: ACCOUNT, appId: APP });
    expect(await rtk.meetings.get(MEETING)).toEqual({ id: MEETING });
    expect(server.requests).toHaveLength(1);
  });
});

describe('what goes wrong after that says what happened, where, and keeps the facts as fields', () => {
  it('a refused request: status, operation and the API’s own reason; headers, requestId and body as fields', async () => {
    const body = { success: false, error: { code: 422, message: "body must have required property 'preset_name'" } };
    const violations = '[{"location":["request","body"],"severity":"Error","code":"required","message":"x"}]';
    server.reply({ status: 422, headers: { 'cf-ray': 'ray-1', 'sl-violations': violations }, body });
    const error = await rejection(
      client().participants.add(MEETING, { custom_participant_id: 'u' } as never, { maxRetries: 0 }),
    );
    expect(String(error)).toBe("RealtimeKitError: 422 add_participant: body must have required property 'preset_name'");
    expect(error).toMatchObject({ status: 422, operationId: 'add_participant', requestId: 'ray-1', attempts: 1, body });
    expect(error.headers?.get('sl-violations')).toBe(violations);
  });

  it('a token refused (401) or out of scope (403) says what to check; a proxy’s own 401 is left as it said it', async () => {
    const refused = { success: false, errors: [{ code: 10000, message: 'Authentication error' }] };
    server.reply({ status: 401, body: refused });
    expect((await rejection(client().meetings.get(MEETING, { maxRetries: 0 }))).message).toBe(
      '401 get_meeting: Authentication error: the token was refused or is missing: set apiToken (or CLOUDFLARE_API_TOKEN) to a Cloudflare API token with Realtime permissions',
    );
    server.reply({ status: 403, body: refused });
    expect((await rejection(client().meetings.get(MEETING, { maxRetries: 0 }))).message).toBe(
      "403 get_meeting: Authentication error: the token may not act on this account or app: check accountId, appId and the token's Realtime permissions",
    );
    server.reply({ status: 401, body: { success: false, error: { code: 401, message: 'Sign in first' } } });
    const proxied = createRealtimeKitClient({ proxyUrl: `${server.url}/api/realtimekit`, maxRetries: 0 });
    expect((await rejection(proxied.meetings.get(MEETING))).message).toBe('401 get_meeting: Sign in first');
  });

  it('a 2xx with success: false and no message', async () => {
    server.reply({ status: 200, body: { success: false } });
    expect((await rejection(client().meetings.get(MEETING))).message).toBe(
      '200 get_meeting: the answer says success: false, with no error message',
    );
  });

  it('JSON.stringify(error) has the message and the fields, and never the token', async () => {
    server.reply({ status: 404, headers: { 'set-cookie': 'session=secret' }, body: { success: false } });
    const error = await rejection(client({ maxRetries: 0 }).meetings.get(MEETING));
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toMatchObject({
      name: 'RealtimeKitError',
      kind: 'http',
      message: '404 get_meeting: the answer has no error message',
      status: 404,
      operationId: 'get_meeting',
      method: 'GET',
      attempts: 1,
      body: { success: false },
    });
    expect(json.headers['content-type']).toMatch(/json/);
    expect(json.headers).not.toHaveProperty('set-cookie');
    for (const shown of [JSON.stringify(error), String(error), inspect(error, { depth: 5 }), error.stack ?? '']) {
      expect(shown).not.toContain(TOKEN);
    }
  });

  it('nothing listening on the port: the host and port, and the attempts', async () => {
    const url = await refusedUrl();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const error = await rejection(client({ baseUrl: url }).meetings.get(MEETING));
    expect(error.message).toMatch(
      new RegExp(`^network get_meeting: connection refused by ${new URL(url).host} \\(3 attempts, \\d+ ms in all\\)$`),
    );
    expect(error.attempts).toBe(3);
  });

  it('timeoutMs: 1: the limit, the host, and every attempt it took', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    server.reply({ status: 200, delayMs: 200, body: {} }, { status: 200, delayMs: 200, body: {} });
    server.reply({ status: 200, delayMs: 200, body: {} });
    const error = await rejection(client({ timeoutMs: 1, maxRetries: 1 }).meetings.get(MEETING));
    expect(error.message).toMatch(
      new RegExp(`^timeout get_meeting: no answer within 1 ms from ${host()} \\(2 attempts, \\d+ ms in all\\)$`),
    );
  });

  it('a bad ID names the operation and the parameter', async () => {
    expect((await rejection(client().participants.get(MEETING, ''))).message).toBe(
      'invalid_argument get_meeting_participant: participant_id must be a non-empty string other than "." or ".."',
    );
  });

  it.each([
    [
      'an unknown operation',
      (c) => c.request('drop_all_meetings' as never, {} as never),
      "invalid_argument drop_all_meetings: unknown operationId: the operation IDs are the spec's (rtk.request('get_meeting', ...)); the typed methods (rtk.meetings.get) need none",
    ],
    [
      'an operation ID in the wrong case or separators, the spec names one so',
      (c) => c.request('getMeeting' as never, {} as never),
      'invalid_argument getMeeting: unknown operationId: did you mean "get_meeting"?',
    ],
    [
      'a meeting object where its ID goes (the arguments swapped)',
      (c) => c.participants.add({ name: 'Ada' } as never, MEETING as never),
      'invalid_argument add_participant: meeting_id must be a non-empty string other than "." or "..", not object: pass the item\'s id, and check the order of the arguments',
    ],
    [
      'a header given to one call that holds a line break',
      (c) => c.meetings.get(MEETING, { headers: { 'x-trace': 'a\r\nb' } }),
      'invalid_argument get_meeting: options.headers["x-trace"] must be a header name, its value a string without line breaks or control characters',
    ],
    [
      'a header name that is no header name',
      (c) => c.meetings.get(MEETING, { headers: { 'x trace': 'a' } }),
      'invalid_argument get_meeting: options.headers["x trace"] must be a header name, its value a string without line breaks or control characters',
    ],
    [
      'options that are not an object',
      (c) => c.meetings.get(MEETING, 5 as never),
      'invalid_argument get_meeting: options must be a plain object',
    ],
    [
      'a query that is not an object',
      (c) => c.meetings.list('page=2' as never),
      'invalid_argument get_all_meetings: query must be a plain object',
    ],
    [
      'a body that is not an object',
      (c) => c.meetings.create([] as never),
      'invalid_argument create_meeting: body must be a plain object',
    ],
    [
      'a body for an operation that takes none',
      (c) => c.request('get_meeting', { params: { meeting_id: MEETING }, body: {} } as never),
      'invalid_argument get_meeting: this operation takes no body',
    ],
    [
      'an ID that is not well-formed Unicode',
      (c) => c.meetings.get('\uD800x'),
      'invalid_argument get_meeting: IDs and query values must be well-formed Unicode',
    ],
    [
      'a timeout of 0',
      (c) => c.meetings.get(MEETING, { timeoutMs: 0 }),
      'invalid_argument: timeoutMs must be a positive number of milliseconds',
    ],
    [
      'a timeout past what setTimeout holds (2^31 ms)',
      (c) => c.meetings.get(MEETING, { timeoutMs: 2 ** 31 }),
      'invalid_argument: timeoutMs must be a positive number of milliseconds',
    ],
    [
      'a negative retry count',
      (c) => c.meetings.get(MEETING, { maxRetries: -1 }),
      'invalid_argument: maxRetries must be a whole number, 0 or more',
    ],
    [
      'a signal aborted before the call',
      (c) => c.meetings.get(MEETING, { signal: AbortSignal.abort() }),
      "aborted get_meeting: the caller's signal aborted it",
    ],
  ] as [string, (c: ReturnType<typeof client>) => Promise<unknown>, string][])('%s', async (_name, call, message) => {
    expect((await rejection(call(client()))).message).toBe(message);
    expect(server.requests).toHaveLength(0);
  });

  it('the longest timeout setTimeout holds is accepted, and so is a null-prototype body', async () => {
    // the server's default answer: a queued one could be taken by a late request of an earlier, timed-out test
    const body = Object.assign(Object.create(null), { title: 'longest' });
    await expect(client().meetings.create(body, { timeoutMs: 2 ** 31 - 1 })).resolves.toEqual({});
    expect(server.requests.map((r) => r.body)).toContain('{"title":"longest"}');
  });

  it('a proxy client refuses a per-call account or app: the proxy fixes them', async () => {
    const proxy = createRealtimeKitClient({ proxyUrl: server.url });
    for (const override of [{ accountId: 'a' }, { appId: 'b' }]) {
      expect((await rejection(proxy.meetings.get(MEETING, override))).message).toBe(
        'invalid_argument get_meeting: accountId and appId are fixed by the proxy',
      );
    }
    expect(server.requests).toHaveLength(0);
  });

  it("the account's own operations (apps) are refused through a proxy, which serves one app", async () => {
    const proxy = createRealtimeKitClient({ proxyUrl: server.url });
    expect((await rejection(proxy.apps.list())).message).toBe(
      "invalid_argument get_apps: the proxy serves one app: call the account's apps from a server client",
    );
    expect((await rejection(proxy.apps.get('14a396e7-ca44-4937-bf1f-050a69118543'))).message).toContain(
      "the proxy serves one app: call the account's apps from a server client",
    );
    expect(server.requests).toHaveLength(0);
  });

  it('a 2xx without data says what it lacks, and never shows the token', async () => {
    server.reply({ status: 200, body: { success: true } }, { status: 200, body: { success: true, data: [] } });
    const noData = await rejection(client().meetings.get(MEETING));
    expect(noData.message).toBe('invalid_response get_meeting: the API answered without data');
    const noPaging = await rejection(client().meetings.list());
    expect(noPaging.message).toBe('invalid_response get_all_meetings: the API answered without paging');
    for (const error of [noData, noPaging]) {
      for (const shown of [JSON.stringify(error), String(error), inspect(error, { depth: 5 })]) {
        expect(shown).not.toContain(TOKEN);
      }
    }
  });

  it("a call's own account or app override that is empty", async () => {
    expect((await rejection(client().meetings.get(MEETING, { accountId: '' }))).message).toBe(
      'invalid_argument get_meeting: options.accountId must be a non-empty string',
    );
    expect((await rejection(client().meetings.get(MEETING, { appId: '' }))).message).toBe(
      'invalid_argument get_meeting: options.appId must be a non-empty string',
    );
    expect(server.requests).toHaveLength(0);
  });

  it('rtk.raw in the browser build, which carries no openapi-fetch', () => {
    expect(setupError(() => createBrowserRawClient({}))).toBe(
      "invalid_argument: raw is not in the browser or worker build: call the methods, or createClient<paths>() from 'openapi-fetch'",
    );
  });

  it('rtk.request(operationId) in the browser build, which carries no table of every operation', async () => {
    const request = createBrowserRequest(() => Promise.reject(new Error('sent')));
    expect((await rejection(request('get_meeting', { params: { meeting_id: MEETING } }))).message).toBe(
      "invalid_argument get_meeting: request(operationId) is not in the browser build, which carries no table of every operation: call the operation's method (rtk.meetings.get(id))",
    );
  });

  it('a listAll query that is not an object', () => {
    expect(setupError(() => client().meetings.listAll('standup' as never))).toBe(
      'invalid_argument: query must be a plain object',
    );
  });
});
