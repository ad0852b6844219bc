import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';

/**
 * A package's built CLIs, run as a user runs them: through the committed bin launchers that package.json names
 * (`{packageDir}/bin/realtimekit-{name}.cjs`).
 */
export function cliRunner(packageDir: string) {
  const bin = (name: string) => path.join(packageDir, 'bin', `realtimekit-${name}.cjs`);
  const run = (name: string, args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [bin(name), ...args], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
      timeout: 60_000,
    });
  /** The same, without blocking this process: for a CLI that talks to a server the test runs. */
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
  return { bin, run, runAsync };
}
