#!/usr/bin/env node
// @ts-check
/**
 * Runs turbo with the arguments given. turbo starts each task through the `pnpm` binary, which a fresh machine
 * only has as `corepack pnpm`; this puts corepack's pinned pnpm on PATH first. `node scripts/turbo.mjs run build`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** PATH with a `pnpm` on it: the one already there, or corepack's shim (pinned by packageManager). */
export function pathWithPnpm() {
  const PATH = process.env.PATH ?? '';
  if (spawnSync('pnpm', ['--version'], { stdio: 'ignore' }).status === 0) return PATH;
  const shims = path.join(root, 'node_modules/.corepack-bin');
  mkdirSync(shims, { recursive: true });
  const made = spawnSync('corepack', ['enable', '--install-directory', shims, 'pnpm'], { stdio: 'inherit' });
  if (made.status !== 0) throw new Error('pnpm is not on PATH and corepack could not provide it');
  return `${shims}${path.delimiter}${PATH}`;
}

/** Runs turbo in the repository root; returns its exit status. */
export function turbo(/** @type {string[]} */ args) {
  const run = spawnSync(path.join(root, 'node_modules/.bin/turbo'), args, {
    cwd: root,
    stdio: 'inherit',
    env: { TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', ...process.env, PATH: pathWithPnpm() },
  });
  return run.status ?? 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(turbo(process.argv.slice(2)));
}
