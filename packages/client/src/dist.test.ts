import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultServer, startFaultServer } from '../test-support/fault-server';

const exec = promisify(execFile);

// Runs the built output (dist/) through Node's own loaders in a fresh process, the way a consumer's code would.
let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer({
    status: 200,
    body: { success: true, data: { id: 'm1', created_at: 'c', updated_at: 'u' } },
  });
});
afterAll(() => server.close());

const script = (load: string) => `${load}
const rtk = createRealtimeKitClient({ apiToken: 't', accountId: 'a', appId: 'b', baseUrl: process.env.BASE, timeoutMs: 600000 });
rtk.meetings.get('m1').then((meeting) => {
  // Nothing may keep the process alive once the promise settles: no timer, no listener.
  const timers = process.getActiveResourcesInfo().filter((r) => r === 'Timeout');
  console.log(JSON.stringify({ id: meeting.id, timers: timers.length, error: typeof RealtimeKitError }));
});`;

async function run(type: 'commonjs' | 'module', load: string) {
  const { stdout } = await exec(process.execPath, [`--input-type=${type}`, '-e', script(load)], {
    cwd: import.meta.dirname,
    env: { ...process.env, BASE: server.url },
    timeout: 30_000,
  });
  return JSON.parse(stdout);
}

describe('built package', () => {
  it('works through require(), makes a call, and lets the process exit', async () => {
    const result = await run(
      'commonjs',
      "const { createRealtimeKitClient, RealtimeKitError } = require('@realtimekit-meetings/client');",
    );
    expect(result).toEqual({ id: 'm1', timers: 0, error: 'function' });
  });

  it('works through import, makes a call, and lets the process exit', async () => {
    const result = await run(
      'module',
      "import { createRealtimeKitClient, RealtimeKitError } from '@realtimekit-meetings/client';",
    );
    expect(result).toEqual({ id: 'm1', timers: 0, error: 'function' });
  });

  /**
   * The errors the subpaths throw (planPresets and ensureWebhook refuse bad input with a RealtimeKitError) and the
   * ones the client throws, checked with the RealtimeKitError of the main entry and of each other entry: one class.
   */
  const sameClass = (classes: string) => `
const thrown = [];
await planPresets().catch((error) => thrown.push(error));
await ensureWebhook(undefined, {}).catch((error) => thrown.push(error));
const rtk = createRealtimeKitClient({ apiToken: 't', accountId: 'a', appId: 'b', baseUrl: process.env.BASE });
await rtk.meetings.get('').catch((error) => thrown.push(error));
const classes = [${classes}];
console.log(JSON.stringify({
  kinds: thrown.map((error) => error.kind),
  instances: thrown.map((error) => classes.map((C) => error instanceof C)),
  same: classes.every((C) => C === classes[0]),
}));`;
  const oneClass = {
    kinds: ['invalid_argument', 'invalid_argument', 'invalid_argument'],
    instances: [
      [true, true, true],
      [true, true, true],
      [true, true, true],
    ],
    same: true,
  };

  it('require(): the main entry, ./webhooks and ./presets share one RealtimeKitError', async () => {
    const load = `(async () => {
const { createRealtimeKitClient, RealtimeKitError } = require('@realtimekit-meetings/client');
const { ensureWebhook } = require('@realtimekit-meetings/client/webhooks');
const { planPresets } = require('@realtimekit-meetings/client/presets');
const errors = require('../dist/errors.js');
${sameClass('RealtimeKitError, errors.RealtimeKitError, require("../dist/index.js").RealtimeKitError')}
})();`;
    const { stdout } = await exec(process.execPath, ['--input-type=commonjs', '-e', load], {
      cwd: import.meta.dirname,
      env: { ...process.env, BASE: server.url },
      timeout: 30_000,
    });
    expect(JSON.parse(stdout)).toEqual(oneClass);
  });

  it("the JavaScript carries each generated method's verb and path, its doc only the declarations", () => {
    const dist = new URL('../dist/', import.meta.url);
    const js = readdirSync(dist).filter((file) => /\.m?js$/.test(file));
    const text = (file: string) => readFileSync(new URL(file, dist), 'utf8');
    const doc = '* Returns data of the given session ID including recording details.';
    const call = /"GetSessionDetails",\s*"GET",\s*"\/sessions\/\{session_id\}"/;
    // the Node ESM, CommonJS, browser and worker builds each have the method, none its doc
    const withMethod = js.filter((file) => call.test(text(file)));
    expect(withMethod.length).toBe(4);
    for (const file of withMethod) expect(text(file)).not.toContain(doc);
    // the hand-written modules keep theirs
    expect(text('index.js')).toContain("/** @param send the client's request pipeline");
    const declarations = readdirSync(dist).filter((file) => file.endsWith('.d.ts'));
    expect(declarations.filter((file) => text(file).includes(doc))).toHaveLength(1);
  });

  it.each(['index.mjs', 'index.worker.mjs', 'index.browser.mjs'])(
    'import: %s, ./webhooks and ./presets share one RealtimeKitError',
    async (file) => {
      const load = `const main = await import(new URL('../dist/${file}', 'file://${import.meta.dirname}/').href);
const { createRealtimeKitClient, RealtimeKitError } = main;
const { ensureWebhook } = await import('@realtimekit-meetings/client/webhooks');
const { planPresets } = await import('@realtimekit-meetings/client/presets');
const { RealtimeKitError: Imported } = await import('@realtimekit-meetings/client');
${sameClass('RealtimeKitError, Imported, (await import(new URL("../dist/errors.mjs", import.meta.url).href)).RealtimeKitError')}`;
      const { stdout } = await exec(process.execPath, ['--input-type=module', '-e', load], {
        cwd: import.meta.dirname,
        env: { ...process.env, BASE: server.url },
        timeout: 30_000,
      });
      expect(JSON.parse(stdout)).toEqual(oneClass);
    },
  );

  /** Runs a call through the fetch-only build `file` (browser or worker): a method, request() by ID, raw. */
  async function fetchOnly(file: string) {
    const code = `const file = new URL('../dist/${file}', 'file://${import.meta.dirname}/');
const { createRealtimeKitClient, createMeetingsClient } = await import(file.href);
const options = { apiToken: 't', accountId: 'a', appId: 'b', baseUrl: process.env.BASE };
const rtk = createRealtimeKitClient(options);
const meeting = await rtk.meetings.get('m1');
const alone = await createMeetingsClient(options).get('m1');
const byId = await rtk.request('get_meeting', { params: { meeting_id: 'm1' } }).then((b) => b.data.id, (e) => e.message);
let raw;
try { rtk.raw; } catch (error) { raw = error.message; }
console.log(JSON.stringify({ id: meeting.id, alone: alone.id, byId, raw }));`;
    const { stdout } = await exec(process.execPath, ['--input-type=module', '-e', code], {
      cwd: import.meta.dirname,
      env: { ...process.env, BASE: server.url },
      timeout: 30_000,
    });
    return JSON.parse(stdout);
  }
  const raw =
    "invalid_argument: raw is not in the browser or worker build: call the methods, or createClient<paths>() from 'openapi-fetch'";

  it('the browser build makes the same call, and says what to do instead of request() by ID and raw', async () => {
    expect(await fetchOnly('index.browser.mjs')).toEqual({
      id: 'm1',
      alone: 'm1',
      byId: "invalid_argument get_meeting: request(operationId) is not in the browser build, which carries no table of every operation: call the operation's method (rtk.meetings.get(id))",
      raw,
    });
  });

  it('the worker build (Workers, edge runtimes) makes the same call, and request() by ID too', async () => {
    expect(await fetchOnly('index.worker.mjs')).toEqual({ id: 'm1', alone: 'm1', byId: 'm1', raw });
  });

  it('the worker and browser builds export what the Node build does, and check options as it does', async () => {
    const code = `const load = (file) => import(new URL('../dist/' + file, 'file://${import.meta.dirname}/').href);
const builds = await Promise.all(['index.mjs', 'index.worker.mjs', 'index.browser.mjs'].map(load));
const refused = builds.map((b) => { try { b.createRealtimeKitClient({ timeoutMS: 5 }); } catch (e) { return e.message; } });
console.log(JSON.stringify({ exports: builds.map((b) => Object.keys(b).sort().join()), refused }));`;
    const { stdout } = await exec(process.execPath, ['--input-type=module', '-e', code], {
      cwd: import.meta.dirname,
      timeout: 30_000,
    });
    const { exports, refused } = JSON.parse(stdout);
    expect(new Set(exports).size).toBe(1);
    expect(refused).toEqual(Array(3).fill('invalid_argument: unknown option "timeoutMS": did you mean "timeoutMs"?'));
  });

  it.each(['index.mjs', 'index.worker.mjs'])(
    '%s, a server build, keeps the rate budget and cuts the token out of an answer that echoes it',
    async (file) => {
      const echo = await startFaultServer((req) => ({
        status: 400,
        body: { success: false, error: { code: 400, message: `got ${req.headers.authorization}` } },
      }));
      try {
        const code = `const { createRealtimeKitClient } = await import(new URL('../dist/${file}', 'file://${import.meta.dirname}/').href);
const token = 'worker-secret-token-0123456789';
const rtk = createRealtimeKitClient({ apiToken: token, accountId: 'a', appId: 'b', baseUrl: process.env.ECHO, maxRetries: 0,
  rateBudget: { requests: 1, windowSeconds: 60, maxWaitSeconds: 0 } });
const seen = [];
for (let i = 0; i < 2; i++) await rtk.meetings.get('m1').catch((e) => seen.push([e.kind, e.message.includes(token) || JSON.stringify(e).includes(token)]));
console.log(JSON.stringify(seen));`;
        const { stdout } = await exec(process.execPath, ['--input-type=module', '-e', code], {
          cwd: import.meta.dirname,
          env: { ...process.env, ECHO: echo.url },
          timeout: 30_000,
        });
        // the first call is answered and its error holds no token; the second is refused before it is sent
        expect(JSON.parse(stdout)).toEqual([
          ['http', false],
          ['rate_limited', false],
        ]);
        expect(echo.requests).toHaveLength(1);
      } finally {
        await echo.close();
      }
    },
  );
});
