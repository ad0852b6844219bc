import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { ACCOUNT, APP, MEETING, recordingFetch, TOKEN } from '../test-support/recording-fetch';
import { createRealtimeKitClient } from './create-client';
import { RealtimeKitError } from './errors';
import type { Logger } from './options';

const everything = (value: unknown) =>
  [
    inspect(value, { depth: 10, showHidden: true, getters: true }),
    JSON.stringify(value),
    String(value),
    value instanceof Error ? `${value.stack} ${inspect(value.cause, { depth: 10 })}` : '',
  ].join('\n');

describe('createRealtimeKitClient', () => {
  it('reads token, account and app from the environment by default', async () => {
    vi.stubEnv('CLOUDFLARE_API_TOKEN', TOKEN);
    vi.stubEnv('CLOUDFLARE_ACCOUNT_ID', ACCOUNT);
    vi.stubEnv('REALTIMEKIT_APP_ID', APP);
    const { fetch, requests } = recordingFetch();
    const rtk = createRealtimeKitClient({ fetch });
    await rtk.meetings.get(MEETING);
    expect(requests[0]!.url).toBe(
      `https://api.cloudflare.com/client/v4/accounts/${ACCOUNT}/realtime/kit/${APP}/meetings/${MEETING}`,
    );
    expect(requests[0]!.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(rtk.scope).toBe(`${ACCOUNT}/${APP}`);
  });

  it('takes a scope for cache keys, and refuses one that is not a string', () => {
    expect(createRealtimeKitClient({ proxyUrl: 'http://127.0.0.1:9/api', scope: `${ACCOUNT}/${APP}` }).scope).toBe(
      `${ACCOUNT}/${APP}`,
    );
    expect(createRealtimeKitClient({ proxyUrl: 'http://127.0.0.1:9/api' }).scope).toBe('proxy:http://127.0.0.1:9/api');
    expect(() => createRealtimeKitClient({ proxyUrl: 'http://127.0.0.1:9/api', scope: 7 as never })).toThrow(/scope/);
  });

  it('prefers explicit options over the environment', async () => {
    vi.stubEnv('CLOUDFLARE_API_TOKEN', 'env-token');
    const { fetch, requests } = recordingFetch();
    await createRealtimeKitClient({
      apiToken: TOKEN,
      accountId: 'a',
      appId: 'b',
      fetch,
      baseUrl: 'http://127.0.0.1:9/v4/',
    }).meetings.get(MEETING);
    expect(requests[0]!.url).toBe(`http://127.0.0.1:9/v4/accounts/a/realtime/kit/b/meetings/${MEETING}`);
    expect(requests[0]!.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
  });

  it.each([
    ['options that are not an object', () => createRealtimeKitClient('token' as never)],
    ['an empty token', () => createRealtimeKitClient({ apiToken: '' })],
    ['a token that is not a string', () => createRealtimeKitClient({ apiToken: 42 as never })],
    ['a zero timeout', () => createRealtimeKitClient({ timeoutMs: 0 })],
    ['negative retries', () => createRealtimeKitClient({ maxRetries: -1 })],
    ['proxyUrl with a token', () => createRealtimeKitClient({ proxyUrl: '/api', apiToken: TOKEN } as never)],
    ['proxyUrl with an account', () => createRealtimeKitClient({ proxyUrl: '/api', accountId: ACCOUNT } as never)],
    ['proxyUrl with a baseUrl', () => createRealtimeKitClient({ proxyUrl: '/api', baseUrl: 'https://x' } as never)],
    ['an empty proxyUrl', () => createRealtimeKitClient({ proxyUrl: '' })],
  ])('refuses %s with a typed error', (_name, create) => {
    expect(create).toThrow(RealtimeKitError);
    try {
      create();
    } catch (error) {
      expect((error as RealtimeKitError).kind).toBe('invalid_argument');
    }
  });

  describe('in a browser', () => {
    it('refuses an API token where window and document exist', () => {
      vi.stubGlobal('window', {});
      vi.stubGlobal('document', {});
      expect(() => createRealtimeKitClient({ apiToken: TOKEN, accountId: ACCOUNT, appId: APP })).toThrow(
        /readable by anyone: use proxyUrl/,
      );
      vi.stubEnv('CLOUDFLARE_API_TOKEN', TOKEN);
      expect(() => createRealtimeKitClient({})).toThrow(RealtimeKitError);
    });

    it('is not a browser with document alone (a DOM shim in Node): an API token is allowed there', () => {
      vi.stubGlobal('document', {});
      expect(createRealtimeKitClient({ apiToken: TOKEN, accountId: ACCOUNT, appId: APP }).scope).toBe(
        `${ACCOUNT}/${APP}`,
      );
    });

    it('allows it with dangerouslyAllowBrowser, and always allows proxy mode: both clients send', async () => {
      vi.stubGlobal('window', {});
      vi.stubGlobal('document', {});
      vi.stubEnv('CLOUDFLARE_API_TOKEN', TOKEN);
      const { fetch, requests } = recordingFetch();
      const dangerous = { apiToken: TOKEN, accountId: ACCOUNT, appId: APP, dangerouslyAllowBrowser: true, fetch };
      const direct = createRealtimeKitClient(dangerous);
      expect(direct.scope).toBe(`${ACCOUNT}/${APP}`);
      await direct.meetings.get('m1');
      expect(requests.map((r) => [r.url, r.headers.get('authorization')])).toEqual([
        [`https://api.cloudflare.com/client/v4/accounts/${ACCOUNT}/realtime/kit/${APP}/meetings/m1`, `Bearer ${TOKEN}`],
      ]);
      // a path is a proxy URL in a browser (fetch resolves it against the page); the token never enters it
      const proxied = createRealtimeKitClient({ proxyUrl: '/api/realtimekit' });
      expect(proxied.scope).toBe('proxy:/api/realtimekit');
      expect(inspect(proxied, { depth: 5 })).not.toContain(TOKEN);
    });
  });
});

describe('secrets', () => {
  it('the token appears nowhere in the client: not inspected, stringified or listed', () => {
    const rtk = createRealtimeKitClient({ apiToken: TOKEN, accountId: ACCOUNT, appId: APP });
    expect(everything(rtk)).not.toContain(TOKEN);
    expect(everything(rtk.raw)).not.toContain(TOKEN);
    expect(everything(rtk.meetings)).not.toContain(TOKEN);
  });

  it('the token appears in no error, whatever went wrong', async () => {
    const answers = [
      () => Response.json({ success: false, error: { code: 401, message: 'bad token' } }, { status: 401 }),
      () => new Response('<html>oops</html>', { status: 502 }),
      () => new Response('{"data":', { status: 200, headers: { 'content-type': 'application/json' } }),
      () => {
        throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
      },
    ];
    for (const answer of answers) {
      const { fetch } = recordingFetch(answer);
      const rtk = createRealtimeKitClient({ apiToken: TOKEN, accountId: ACCOUNT, appId: APP, fetch, maxRetries: 0 });
      const error = await rtk.meetings.get(MEETING).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RealtimeKitError);
      expect(everything(error)).not.toContain(TOKEN);
    }
  });

  it('logger lines show Authorization: [redacted] and never a token, API or join', async () => {
    const lines: string[] = [];
    const logger: Logger = { debug: (line) => lines.push(line) };
    const joinToken = 'join-token-SECRET-123';
    let calls = 0;
    const { fetch } = recordingFetch(() =>
      ++calls === 1
        ? Response.json(
            { success: false, error: { code: 503, message: 'busy' } },
            { status: 503, headers: { 'retry-after': '0' } },
          )
        : Response.json({ success: true, data: { id: 'p', token: joinToken } }, { status: 201 }),
    );
    const rtk = createRealtimeKitClient({ apiToken: TOKEN, accountId: ACCOUNT, appId: APP, fetch, logger });
    await rtk.participants.add(MEETING, { custom_participant_id: 'c', preset_name: 'p' }).catch(() => undefined);
    await rtk.participants.refreshToken(MEETING, 'p');
    const all = lines.join('\n');
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(joinToken);
    expect(lines[0]).toMatch(
      new RegExp(
        `^\\[realtimekit\\] POST /client/v4/accounts/${ACCOUNT}/realtime/kit/${APP}/meetings/${MEETING}/participants 503 \\(attempt 1/3, \\d+ ms\\) Authorization: \\[redacted\\]$`,
      ),
    );
    expect(lines[1]).toMatch(/ POST .*\/token 201 \(attempt 1\/3, \d+ ms\) Authorization: \[redacted\]$/);
    expect(lines).toHaveLength(2);
  });
});

describe('middleware and raw', () => {
  it('runs openapi-fetch middleware on every attempt: a replaced request is sent, a replaced response is read', async () => {
    const { fetch, requests } = recordingFetch(() => Response.json({ success: true, data: { id: 'from-server' } }));
    const seen: string[] = [];
    const rtk = createRealtimeKitClient({
      apiToken: TOKEN,
      accountId: ACCOUNT,
      appId: APP,
      fetch,
      middleware: [
        {
          onRequest({ request, schemaPath }) {
            seen.push(`${request.method} ${schemaPath}`);
            const tagged = new Request(request);
            tagged.headers.set('x-tagged', 'yes');
            return tagged;
          },
          onResponse({ response }) {
            seen.push(`answered ${response.status}`);
            return Response.json({ success: true, data: { id: 'from-middleware' } });
          },
        },
      ],
    });
    expect(await rtk.meetings.get(MEETING)).toEqual({ id: 'from-middleware' });
    expect(requests[0]!.headers.get('x-tagged')).toBe('yes');
    expect(seen).toEqual(['GET /accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}', 'answered 200']);
  });

  it('lets middleware answer instead of the network, and turn a network error into an answer', async () => {
    const { fetch, requests } = recordingFetch(() => {
      throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
    });
    const short = createRealtimeKitClient({
      apiToken: TOKEN,
      accountId: ACCOUNT,
      appId: APP,
      fetch,
      middleware: [{ onRequest: () => Response.json({ success: true, data: { id: 'cached' } }) }],
    });
    expect(await short.meetings.get(MEETING)).toEqual({ id: 'cached' });
    expect(requests).toHaveLength(0);
    const rescued = createRealtimeKitClient({
      apiToken: TOKEN,
      accountId: ACCOUNT,
      appId: APP,
      fetch,
      maxRetries: 0,
      middleware: [{ onError: () => Response.json({ success: true, data: { id: 'fallback' } }) }],
    });
    expect(await rescued.meetings.get(MEETING)).toEqual({ id: 'fallback' });
  });

  it('raw is openapi-fetch over the same base URL, token, fetch and middleware', async () => {
    const { fetch, requests } = recordingFetch(() => Response.json({ success: true, data: { id: MEETING } }));
    const rtk = createRealtimeKitClient({
      apiToken: TOKEN,
      accountId: ACCOUNT,
      appId: APP,
      baseUrl: 'https://api.example.test/v4',
      fetch,
      middleware: [
        {
          onRequest: ({ request }) =>
            new Request(request, { headers: { ...Object.fromEntries(request.headers), 'x-mw': '1' } }),
        },
      ],
    });
    expect(rtk.raw).toBe(rtk.raw);
    const { data } = await rtk.raw.GET('/accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}', {
      params: { path: { account_id: ACCOUNT, app_id: APP, meeting_id: MEETING } },
    });
    expect(data?.data?.id).toBe(MEETING);
    expect(requests[0]!.url).toBe(
      `https://api.example.test/v4/accounts/${ACCOUNT}/realtime/kit/${APP}/meetings/${MEETING}`,
    );
    expect(requests[0]!.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(requests[0]!.headers.get('x-mw')).toBe('1');
  });
});
