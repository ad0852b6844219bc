import { execFile } from 'node:child_process';
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
    "invalid_argument: raw is not in the browser build: call the methods, or createClient<paths>() from 'openapi-fetch'";

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
});
