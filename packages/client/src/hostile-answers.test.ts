import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { gzipSync } from 'node:zlib';
import { ACCOUNT, APP, MEETING } from '@realtimekit-meetings/test-fixtures/ids';
import { afterEach, describe, expect, it } from 'vitest';
import { rejection } from '../test-support/rejection';
import { createRealtimeKitClient } from './create-client';

/** A real server per test that answers every request with `answer`, counting the requests it got. */
let servers: Server[] = [];
afterEach(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  servers = [];
});
async function serve(
  answer: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void,
) {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    req.resume();
    req.on('end', () => answer(req, res));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}
const server = (url: string, extra: Record<string, unknown> = {}) =>
  createRealtimeKitClient({ baseUrl: url, apiToken: 'tok', accountId: ACCOUNT, appId: APP, maxRetries: 0, ...extra });
/** The same client sending with fetch (a custom fetch takes the fetch transport). */
const viaFetch = (url: string, extra: Record<string, unknown> = {}) =>
  server(url, { fetch: (request: Request) => fetch(request), ...extra });
const transports = [
  ['node:http', server],
  ['fetch', viaFetch],
] as const;

describe.each(transports)('%s: an answer too large is refused, never held or inflated whole', (_, make) => {
  it('a 100 MB answer stops at maxResponseBytes as invalid_response', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const more = () => {
        while (sent < 100 && res.write(chunk)) sent++;
        if (sent >= 100) res.end();
        else res.once('drain', more);
      };
      res.on('close', () => {
        sent = 100;
      });
      more();
    });
    const before = process.memoryUsage().arrayBuffers;
    const error = await rejection(make(url, { maxResponseBytes: 1024 * 1024 }).meetings.get(MEETING));
    expect([error.kind, error.message]).toEqual([
      'invalid_response',
      'invalid_response get_meeting: the answer is larger than 1048576 bytes (maxResponseBytes): it was not read',
    ]);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('a gzip that inflates past the limit (64 MB of zeros in 64 kB) is refused at the default 16 MiB', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(bomb);
    });
    const error = await rejection(make(url).meetings.get(MEETING));
    expect([error.kind, error.message]).toEqual([
      'invalid_response',
      'invalid_response get_meeting: the answer is larger than 16777216 bytes (maxResponseBytes): it was not read',
    ]);
  });
});

describe.each(transports)('%s: a redirect is never followed', (_, make) => {
  it('an error names the status and the location; the other host gets nothing, a POST is not sent again', async () => {
    const elsewhere = await serve((_req, res) => res.writeHead(200).end('{"success":true,"data":{"id":"theirs"}}'));
    for (const status of [301, 302, 307, 308]) {
      const { url, seen } = await serve((_req, res) =>
        res.writeHead(status, { location: `${elsewhere.url}/steal?token=x` }).end(),
      );
      const error = await rejection(make(url).meetings.create({ title: 'x' }));
      expect([error.kind, error.status, error.message]).toEqual([
        'invalid_response',
        status,
        `${status} create_meeting: the API answered ${status} to ${elsewhere.url}/steal; redirects are never followed: check baseUrl or proxyUrl`,
      ]);
      expect(seen).toHaveLength(1);
    }
    expect(elsewhere.seen).toEqual([]);
  });
});

describe('the token never reaches a message', () => {
  it.each([
    ['a line break', 'tok\r\nX-Injected: 1'],
    ['a NUL', 'tok\0'],
    ['a space', 'tok en'],
    ['a non-ASCII character', 'tök'],
  ])('a token with %s is refused when the client is made, without quoting it', (_, token) => {
    let thrown: unknown;
    try {
      createRealtimeKitClient({ apiToken: token, accountId: ACCOUNT, appId: APP });
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error).message).toBe(
      'invalid_argument: apiToken cannot be sent in a header (a space, line break, control or non-ASCII character): copy it again; a trailing newline is the usual cause',
    );
    expect(inspect(thrown)).not.toContain(token);
  });

  it('a header option that cannot be sent is refused naming the header, not its value', () => {
    expect(() =>
      createRealtimeKitClient({ apiToken: 't', accountId: ACCOUNT, appId: APP, headers: { 'x-key': 'secret\nvalue' } }),
    ).toThrow(
      'invalid_argument: headers["x-key"] must be a header name, its value a string without line breaks or control characters',
    );
  });

  it('a header name that could not be sent is refused when the client is made, not as a network error later', () => {
    expect(() =>
      createRealtimeKitClient({ apiToken: 't', accountId: ACCOUNT, appId: APP, headers: { 'x-key\r\nx-more': 'v' } }),
    ).toThrow(
      'invalid_argument: headers["x-key\\r\\nx-more"] must be a header name, its value a string without line breaks or control characters',
    );
  });

  it('a baseUrl that is no http(s) URL is quoted without what it carries before its host', () => {
    expect(() =>
      createRealtimeKitClient({
        apiToken: 't',
        accountId: ACCOUNT,
        appId: APP,
        baseUrl: 'ftp://user:s3cret@host.test/v4',
      }),
    ).toThrow(
      'invalid_argument: baseUrl must be an absolute http(s) URL such as https://api.cloudflare.com/client/v4, not "ftp://host.test/v4"',
    );
  });

  it('util.inspect of an error shows no set-cookie (its toJSON filters it too), while error.headers keeps it', async () => {
    const { url } = await serve((_req, res) =>
      res
        .writeHead(500, { 'content-type': 'application/json', 'set-cookie': 'session=SECRET-COOKIE' })
        .end('{"success":false,"error":{"code":500,"message":"down"}}'),
    );
    const error = await rejection(server(url).meetings.get(MEETING));
    expect(error.headers?.get('set-cookie')).toBe('session=SECRET-COOKIE');
    expect(inspect(error, { depth: 5 })).not.toContain('SECRET-COOKIE');
    expect(JSON.stringify(error)).not.toContain('SECRET-COOKIE');
  });
});

describe('what a newcomer gets wrong is named', () => {
  it.each([
    ['baseURL', 'baseUrl'],
    ['timeoutMS', 'timeoutMs'],
    ['api_token', 'apiToken'],
    ['accountID', 'accountId'],
    ['max_retries', 'maxRetries'],
  ])('the option %s is refused: did you mean %s?', (typo, meant) => {
    expect(() =>
      createRealtimeKitClient({ apiToken: 't', accountId: ACCOUNT, appId: APP, [typo]: 'x' } as never),
    ).toThrow(`invalid_argument: unknown option "${typo}": did you mean "${meant}"?`);
  });

  it('an option far from every known one lists them', () => {
    expect(() =>
      createRealtimeKitClient({ apiToken: 't', accountId: ACCOUNT, appId: APP, frobnicate: 1 } as never),
    ).toThrow(
      'invalid_argument: unknown option "frobnicate"; the options are apiToken, accountId, appId, baseUrl, proxyUrl, dangerouslyAllowBrowser, fetch, timeoutMs, maxRetries, maxResponseBytes, headers, middleware, logger, scope',
    );
  });

  it('a relative proxyUrl where there is no page is a setup error, not a network error later', () => {
    expect(() => createRealtimeKitClient({ proxyUrl: '/api/realtimekit' })).toThrow(
      'invalid_argument: proxyUrl must be an absolute http(s) URL such as https://app.example.com/api/realtimekit, not "/api/realtimekit" (a path works only in a browser)',
    );
  });

  it.each(transports)(
    '%s: an HTML page where JSON was expected says the proxy route is probably not mounted',
    async (_, make) => {
      const { url } = await serve((_req, res) =>
        res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><div id="root"></div>'),
      );
      const error = await rejection(make(url).meetings.get(MEETING));
      expect([error.kind, error.message]).toEqual([
        'invalid_response',
        `invalid_response get_meeting: ${new URL(url).host} answered an HTML page, not JSON: is the proxy route mounted at that path?`,
      ]);
    },
  );

  it('the logger gets a line for an attempt that ends in invalid_response', async () => {
    const { url } = await serve((_req, res) => res.writeHead(200).end('not json'));
    const lines: string[] = [];
    await rejection(server(url, { logger: { debug: (line: string) => lines.push(line) } }).meetings.get(MEETING));
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^\\[realtimekit\\] GET /accounts/${ACCOUNT}/realtime/kit/${APP}/meetings/${MEETING} invalid_response \\(attempt 1/1, \\d+ ms\\) Authorization: \\[redacted\\]$`,
        ),
      ),
    ]);
    const missing = await serve((_req, res) => res.writeHead(200).end('{"success":true}'));
    lines.length = 0;
    await rejection(
      server(missing.url, { logger: { debug: (line: string) => lines.push(line) } }).meetings.get(MEETING),
    );
    expect(lines).toEqual([expect.stringContaining(' invalid_response (attempt 1/1,')]);
  });
});

describe.each(transports)('%s: an answer that echoes the API token back never carries it out', (_, make) => {
  const TOKEN = 'echoed-secret-token-0123456789abcdef';
  /** Everything a log, a JSON log line or util.inspect shows of an error. */
  const shown = (error: Error) => [error.message, JSON.stringify(error), inspect(error, { depth: 8 }), String(error)];

  it.each([
    ['a JSON error body', 400, 'application/json'],
    ['a 500 whose body is text', 500, 'text/plain'],
    ['an HTML page from a gateway', 502, 'text/html'],
  ])('%s quoting the Authorization header', async (_what, status, type) => {
    const { url } = await serve((req, res) => {
      const echo = `header was ${req.headers.authorization}`;
      res.writeHead(status, { 'content-type': type, 'x-echo': echo });
      res.end(
        type === 'application/json'
          ? JSON.stringify({ success: false, error: { code: 1, message: echo }, debug: { [echo]: [echo] } })
          : `<p>${'x'.repeat(180)} ${echo}</p>`, // the 200-character excerpt ends inside the token
      );
    });
    const error = await rejection(make(url, { apiToken: TOKEN }).meetings.get(MEETING));
    expect(error.status).toBe(status);
    for (const text of shown(error)) expect(text).not.toContain(TOKEN.slice(0, 12));
    expect(error.headers?.get('x-echo')).toBe('header was Bearer [redacted]');
    if (type === 'application/json') {
      expect(error.message).toBe('400 get_meeting: header was Bearer [redacted]');
      expect(error.body).toEqual({
        success: false,
        error: { code: 1, message: 'header was Bearer [redacted]' },
        debug: { 'header was Bearer [redacted]': ['header was Bearer [redacted]'] },
      });
    }
  });

  it('a body quoting it 70 levels deep, a cf-ray and a header named after it', async () => {
    const { url } = await serve((req, res) => {
      const token = req.headers.authorization?.slice(7) as string;
      let deep: unknown = token;
      for (let i = 0; i < 70; i++) deep = { deeper: deep };
      res.writeHead(500, { 'content-type': 'application/json', 'cf-ray': token, [`x-${token.toLowerCase()}`]: '1' });
      res.end(JSON.stringify({ success: false, errors: [{ code: 1, message: 'deep' }], deep }));
    });
    const error = await rejection(make(url, { apiToken: TOKEN }).meetings.get(MEETING));
    expect([error.status, error.requestId]).toEqual([500, '[redacted]']);
    for (const text of [...shown(error), inspect(error, { showHidden: true, depth: 100 })]) {
      expect(text).not.toContain(TOKEN);
    }
  });

  it('a redirect whose Location quotes the token', async () => {
    const { url } = await serve((req, res) => {
      res.writeHead(302, { location: `/to/${req.headers.authorization?.slice(7)}/there` });
      res.end();
    });
    const error = await rejection(make(url, { apiToken: TOKEN }).meetings.get(MEETING));
    expect(error.message).toContain('302 to /to/[redacted]/there');
    for (const text of shown(error)) expect(text).not.toContain(TOKEN);
  });
});

describe('a failure whose error quotes the request', () => {
  const TOKEN = 'echoed-secret-token-0123456789abcdef';
  /** A client holding TOKEN whose fetch throws `thrown`, as a custom fetch or middleware may. */
  const failingWith = (thrown: unknown) =>
    createRealtimeKitClient({
      baseUrl: 'http://127.0.0.1:9',
      apiToken: TOKEN,
      accountId: ACCOUNT,
      appId: APP,
      maxRetries: 0,
      fetch: async () => {
        throw thrown;
      },
    });
  it.each([
    ['a custom fetch whose error quotes the header', () => new Error(`request failed: auth=Bearer ${TOKEN}`)],
    [
      'an error holding the Request it was handed (ky), where no search of its fields finds the header',
      () =>
        Object.assign(new Error('The request timed out'), {
          name: 'TimeoutError',
          request: new Request('https://x.test', { headers: { authorization: `Bearer ${TOKEN}` } }),
        }),
    ],
    [
      'an error whose code and name are the token',
      () => Object.assign(new Error('x'), { name: `E_${TOKEN}`, code: TOKEN }),
    ],
    [
      'an error that keeps the request options (got, axios)',
      () =>
        Object.assign(new TypeError('socket hang up'), {
          code: 'ECONNRESET',
          options: { headers: { authorization: `Bearer ${TOKEN}` } },
        }),
    ],
  ])('%s: its cause is a copy without the token', async (_what, thrown) => {
    const error = await rejection(failingWith(thrown()).meetings.get(MEETING));
    expect(error.kind).toBe('network');
    expect(inspect(error, { depth: 8 })).not.toContain(TOKEN);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
    expect((error.cause as Error).name).toBe(thrown().name.replace(TOKEN, '[redacted]'));
  });

  it("the copy keeps the cause's own causes (the reason Node's fetch gives is inside), copied the same way", async () => {
    const thrown = new TypeError('fetch failed', {
      cause: Object.assign(new Error(`other side closed (Bearer ${TOKEN})`), { code: 'UND_ERR_SOCKET' }),
    });
    const error = await rejection(failingWith(thrown).meetings.get(MEETING));
    const inner = (error.cause as Error).cause as Error & { code?: string };
    expect([error.message.startsWith('network get_meeting: the connection to'), inner.message, inner.code]).toEqual([
      true,
      'other side closed (Bearer [redacted])',
      'UND_ERR_SOCKET',
    ]);
    expect(inspect(error, { depth: 8 })).not.toContain(TOKEN);
  });

  it('an error whose fields throw when read is still a network error, its cause said to be unreadable', async () => {
    const hostile = Object.defineProperty(new Error('x'), 'message', {
      get() {
        throw new Error('no');
      },
    });
    const error = await rejection(failingWith(hostile).meetings.get(MEETING));
    expect([error.kind, (error.cause as Error).message]).toEqual(['network', 'the error thrown could not be read']);
  });

  it('a cause that quotes nothing is a copy too (name, code, message): a search could miss a token inside it', async () => {
    const thrown = Object.assign(new TypeError('fetch failed'), {
      code: 'ECONNRESET',
      request: new Request('https://x.test'),
    });
    const cause = (await rejection(failingWith(thrown).meetings.get(MEETING))).cause as Error & { code?: string };
    expect(cause).not.toBe(thrown);
    expect([cause.name, cause.message, cause.code, Object.keys(cause).sort()]).toEqual([
      'TypeError',
      'fetch failed',
      'ECONNRESET',
      ['code', 'name'],
    ]);
  });
});
