import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ACCOUNT, APP } from '@realtimekit-meetings/test-fixtures/ids';
import { describe, expect, it } from 'vitest';
import { startMockServer } from './mock-server';

// The built CLIs, run as a user runs them: through the committed bin launchers that package.json names.
const bin = (name: string) => path.join(import.meta.dirname, '../bin', `realtimekit-${name}.cjs`);
const run = (name: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin(name), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
/** The same, without blocking this process: for a CLI that talks to a server this test runs. */
async function runAsync(name: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [bin(name), ...args], { env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const [status] = await once(child, 'close');
  return { status: status as number, stdout, stderr };
}

const meetings = `/accounts/${ACCOUNT}/realtime/kit/${APP}/meetings`;

/** Starts `realtimekit-mock` and resolves with the child and the URL it printed. */
async function startMockCli(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [bin('mock'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.setEncoding('utf8');
  for await (const chunk of child.stdout as AsyncIterable<string>) {
    out += chunk;
    const match = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
    if (match) return { child, url: match[1] as string };
  }
  throw new Error(`realtimekit-mock printed no URL: ${out}`);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('realtimekit-mock', () => {
  it('answers --help with the usage', () => {
    const result = run('mock', ['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      'Usage: realtimekit-mock [--port N] [--stateful [--seed N]] [--dynamic] [--proxy URL]',
    );
  });

  it.each([
    [['--prot', '4010'], "Unknown option '--prot'"],
    [['--port', 'abc'], '--port must be a number from 0 to 65535, not abc'],
    [['--port', '70000'], '--port must be a number from 0 to 65535, not 70000'],
    [['--port'], "Option '--port <value>' argument missing"],
    [['--proxy', 'nowhere'], '--proxy must be an absolute http(s) URL, not nowhere'],
    [['--proxy', 'file:///etc/passwd'], '--proxy must be an absolute http(s) URL, not file:///etc/passwd'],
    [['extra'], "Unexpected argument 'extra'"],
    [['--stateful', '--dynamic'], '--stateful serves the fake: it does not go with --dynamic or --proxy'],
    [['--seed', '3'], '--seed takes a whole number and goes with --stateful, not 3'],
    [['--stateful', '--seed', 'x'], '--seed takes a whole number and goes with --stateful, not x'],
  ])('refuses %j with the usage and exit 2', (args, message) => {
    const result = run('mock', args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage: realtimekit-mock');
  });

  it('with --stateful --seed remembers what is created, and repeats its IDs run to run', async () => {
    const created: string[] = [];
    for (let run = 0; run < 2; run++) {
      const { child, url } = await startMockCli(['--port', '0', '--stateful', '--seed', '5']);
      try {
        const headers = { authorization: 'Bearer x', 'content-type': 'application/json' };
        const create = await fetch(`${url}${meetings}`, { method: 'POST', headers, body: '{"title":"CLI"}' });
        expect(create.status).toBe(201);
        const { data } = await create.json();
        const got = await fetch(`${url}${meetings}/${data.id}`, { headers }).then((r) => r.json());
        expect(got.data.title).toBe('CLI');
        created.push(data.id);
      } finally {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    }
    expect(created[1]).toBe(created[0]);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)(
    'serves until %s, then stops cleanly and leaves no process',
    async (signal) => {
      const { child, url } = await startMockCli(['--port', '0']);
      const response = await fetch(`${url}${meetings}`, { headers: { authorization: 'Bearer x' } });
      expect(response.status).toBe(200);
      child.kill(signal);
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
      expect(alive(child.pid as number)).toBe(false);
      await expect(fetch(`${url}${meetings}`)).rejects.toThrow();
    },
  );

  it('fails clearly when its port is taken', async () => {
    const taken = await startMockServer();
    try {
      const result = await runAsync('mock', ['--port', String(taken.port)]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`Port ${taken.port} on 127.0.0.1 is already in use`);
    } finally {
      await taken.close();
    }
  });
});
