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

  it('the browser build makes the same call, and says so when raw (openapi-fetch) is asked for', async () => {
    const browser = `const file = new URL('../dist/index.browser.mjs', 'file://${import.meta.dirname}/');
const { createRealtimeKitClient } = await import(file.href);
const rtk = createRealtimeKitClient({ apiToken: 't', accountId: 'a', appId: 'b', baseUrl: process.env.BASE });
const meeting = await rtk.meetings.get('m1');
let raw;
try { rtk.raw; } catch (error) { raw = error.message; }
console.log(JSON.stringify({ id: meeting.id, raw }));`;
    const { stdout } = await exec(process.execPath, ['--input-type=module', '-e', browser], {
      cwd: import.meta.dirname,
      env: { ...process.env, BASE: server.url },
      timeout: 30_000,
    });
    expect(JSON.parse(stdout)).toEqual({
      id: 'm1',
      raw: "invalid_argument: raw is not in the browser build: call the methods or request(), or createClient<paths>() from 'openapi-fetch'",
    });
  });
});
