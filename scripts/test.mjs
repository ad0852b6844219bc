#!/usr/bin/env node
// @ts-check
/**
 * `pnpm test`: the whole check, as CI runs it. Generated-file drift, spec lint, repo lint, typecheck, build,
 * package lint (publint, attw), bundle size limits, API docs, the release dry run and every workspace's tests, through turbo; then one plain line with the
 * real totals from each workspace's vitest JSON report: `N passed, N failed`.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { root } from './generate.mjs';
import { turbo } from './turbo.mjs';

const REPORT = '.vitest-report.json';

/** Workspace folders that have a `test` script. */
function testedWorkspaces() {
  const dirs = ['scripts'];
  for (const group of ['packages', 'examples', 'bench', 'consumers']) {
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

const tasks = [
  'generate:check',
  'lint:spec',
  'lint:repo',
  'typecheck',
  'lint',
  'size',
  'docs',
  'release:dry-run',
  'test',
];
const status = turbo(['run', ...tasks, '--continue', ...process.argv.slice(2)]);

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

if (status !== 0 && failed === 0)
  console.log(`turbo exited with ${status}: a check other than the tests failed (see above)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(status !== 0 ? status : failed > 0 ? 1 : 0);
