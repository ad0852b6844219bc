import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const demo = path.join(import.meta.dirname, 'demo.mjs');
const run = (args, env = {}) =>
  spawnSync(process.execPath, [demo, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, CLOUDFLARE_API_TOKEN: '', CLOUDFLARE_ACCOUNT_ID: '', REALTIMEKIT_APP_ID: '', ...env },
  });

describe('pnpm demo', () => {
  it('walks the whole lifecycle on the embedded mock, with every join token masked', () => {
    const result = run([]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('on the embedded mock (Prism, http://127.0.0.1:');
    const steps = [
      ['create a meeting', 201],
      ['add participant Ada (host)', 201],
      ['add participant Grace (guest)', 201],
      ["refresh Grace's join token", 200],
      ['list every meeting (listAll)', 200],
      ['list its participants (listAll)', 200],
      ['rename the meeting', 200],
      ['remove Ada', 200],
    ];
    steps.forEach(([step, status], i) => {
      expect(result.stdout).toMatch(
        new RegExp(`^ ?${i + 1}  ${step.replace(/[()]/g, '\\$&')}\\s+${status}\\s+\\d+ ms`, 'm'),
      );
    });
    expect(result.stdout.match(/\[join token, \d+ chars, masked\]/g)).toHaveLength(3);
    // the mock's join tokens are the literal "string": it must never be printed as a token
    expect(result.stdout).not.toMatch(/token[^\n]*\bstring\b/);
    expect(result.stdout).toMatch(/^Done: 8 steps in \d+ ms \(mock start included\)\.$/m);
  });

  it('refuses --live without the credentials, naming what is missing, and touches nothing', () => {
    const result = run(['--live']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--live needs CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID, REALTIMEKIT_APP_ID');
    expect(result.stdout).toBe('');
  });

  it('refuses unknown flags with the usage', () => {
    const result = run(['--lve']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Usage: pnpm demo [--live]');
  });
});
