import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { operationTable } from '@realtimekit-meetings/core';
import { ACCOUNT, APP } from '@realtimekit-meetings/test-fixtures/ids';
import { describe, expect, inject, it } from 'vitest';
import { contractCases, invalidCases } from './cases';
import { startMockServer } from './mock-server';

const ALL = Object.keys(operationTable).length;

// The built CLIs, run as a user runs them: through the committed bin launchers that package.json names.
const bin = (name: string) => path.join(import.meta.dirname, '../bin', `realtimekit-${name}.cjs`);
const run = (name: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin(name), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
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
    expect(result.stdout).toContain('Usage: realtimekit-mock [--port N] [--dynamic] [--proxy URL]');
  });

  it.each([
    [['--prot', '4010'], "Unknown option '--prot'"],
    [['--port', 'abc'], '--port must be a number from 0 to 65535, not abc'],
    [['--port', '70000'], '--port must be a number from 0 to 65535, not 70000'],
    [['--port'], "Option '--port <value>' argument missing"],
    [['--proxy', 'nowhere'], '--proxy must be an absolute URL, not nowhere'],
    [['extra'], "Unexpected argument 'extra'"],
  ])('refuses %j with the usage and exit 2', (args, message) => {
    const result = run('mock', args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage: realtimekit-mock');
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
      const result = run('mock', ['--port', String(taken.port)]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`Port ${taken.port} on 127.0.0.1 is already in use`);
    } finally {
      await taken.close();
    }
  });
});

describe('realtimekit-contract', () => {
  const env = { CLOUDFLARE_API_TOKEN: 'contract-token', CLOUDFLARE_ACCOUNT_ID: ACCOUNT, REALTIMEKIT_APP_ID: APP };

  it('answers --help, and refuses a missing --base-url or an unknown flag', () => {
    expect(run('contract', ['--help']).stdout).toContain('Usage: realtimekit-contract --base-url URL');
    const missing = run('contract', []);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--base-url is required');
    const unknown = run('contract', ['--base-url', 'http://127.0.0.1:1', '--write']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--write'");
  });

  it('runs read-only by default and passes against the mock', () => {
    const result = run('contract', ['--base-url', inject('realtimekitMockUrl')], env);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('(read-only)');
    expect(result.stdout).toMatch(/^✓ get_meeting: a conforming call/m);
    expect(result.stdout).not.toContain('create_meeting: a conforming call');
    const reads = contractCases.filter((c) => !c.writes).length + invalidCases.filter((c) => !c.writes).length;
    expect(result.stdout).toMatch(new RegExp(`^${reads + ALL} passed, 0 failed, 0 skipped$`, 'm'));
  });

  it('runs writes too with --allow-writes', () => {
    const result = run('contract', ['--base-url', inject('realtimekitMockUrl'), '--allow-writes'], env);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^✓ create_meeting: a conforming call/m);
    expect(result.stdout).toMatch(
      new RegExp(`^${contractCases.length + invalidCases.length + ALL} passed, 0 failed, 0 skipped$`, 'm'),
    );
  });

  it('exits 1 when the deployment breaks the contract', () => {
    const result = run('contract', ['--base-url', inject('realtimekitMockUrl')], { ...env, CLOUDFLARE_API_TOKEN: '' });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^✗ get_all_meetings: a conforming call/m);
  });
});
