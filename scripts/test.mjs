#!/usr/bin/env node
// @ts-check
/**
 * `pnpm test`: the whole check, as CI runs it. Generated-file drift, spec lint, repo lint, typecheck, build,
 * package lint (publint, attw) and every workspace's tests, through turbo; then one plain line with the
 * real totals from each workspace's vitest JSON report: `N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { root } from './generate.mjs';

const REPORT = '.vitest-report.json';

/** Workspace folders that have a `test` script. */
function testedWorkspaces() {
  const dirs = ['scripts'];
  for (const group of ['packages', 'examples', 'bench']) {
    const base = path.join(root, group);
    if (!existsSync(base)) continue;
    if (existsSync(path.join(base, 'package.json'))) dirs.push(group);
    else for (const name of readdirSync(base)) dirs.push(path.join(group, name));
  }
  return dirs.filter((dir) => {
    const manifest = path.join(root, dir, 'package.json');
    return existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).scripts?.test;
  });
}

const workspaces = testedWorkspaces();
for (const dir of workspaces) rmSync(path.join(root, dir, REPORT), { force: true });

/**
 * turbo runs each task through the `pnpm` binary. On a fresh machine pnpm is only reachable as
 * `corepack pnpm`, so put corepack's pnpm shim (pinned by packageManager) on PATH for this run.
 */
function pathWithPnpm() {
  const PATH = process.env.PATH ?? '';
  if (spawnSync('pnpm', ['--version'], { stdio: 'ignore' }).status === 0) return PATH;
  const shims = path.join(root, 'node_modules/.corepack-bin');
  mkdirSync(shims, { recursive: true });
  const made = spawnSync('corepack', ['enable', '--install-directory', shims, 'pnpm'], { stdio: 'inherit' });
  if (made.status !== 0) throw new Error('pnpm is not on PATH and corepack could not provide it');
  return `${shims}${path.delimiter}${PATH}`;
}

const turbo = path.join(root, 'node_modules/.bin/turbo');
const tasks = ['generate:check', 'lint:spec', 'lint:repo', 'typecheck', 'lint', 'test'];
const run = spawnSync(turbo, ['run', ...tasks, '--continue', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', ...process.env, PATH: pathWithPnpm() },
});

let passed = 0;
let failed = 0;
const missing = [];
for (const dir of workspaces) {
  const file = path.join(root, dir, REPORT);
  if (!existsSync(file)) {
    missing.push(dir);
    continue;
  }
  /** @type {{ numPassedTests: number, numFailedTests: number }} */
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
}
for (const dir of missing)
  console.log(`no test report from ${dir}: its tests did not run (see above); counted as 1 failed`);
failed += missing.length;

const status = run.status ?? 1;
if (status !== 0 && failed === 0)
  console.log(`turbo exited with ${status}: a check other than the tests failed (see above)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(status !== 0 ? status : failed > 0 ? 1 : 0);
