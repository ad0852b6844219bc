#!/usr/bin/env node
// @ts-check
/**
 * `pnpm test`: the whole check, as CI runs it. Generated-file drift, spec lint, repo lint, typecheck, build,
 * package lint (publint, attw), bundle size limits, API docs, the release dry run and every workspace's tests,
 * through turbo; then one plain line with the real totals: `N passed, N failed`.
 *
 * The totals come from each workspace's vitest JSON report and from turbo's run summary, so that nothing that
 * failed can hide behind `0 failed`: a suite that never started (it threw at import, a hook or globalSetup failed),
 * a workspace with no report, and any turbo task that exited non-zero each count as failed.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { root } from './generate.mjs';
import { turbo } from './turbo.mjs';

export const REPORT = '.vitest-report.json';

/**
 * @typedef {{ numPassedTests: number, numFailedTests: number, numFailedTestSuites: number, success: boolean }} Report
 * @typedef {{ taskId: string, task: string, package: string, exitCode: number | null | undefined }} TaskOutcome
 */

/** Workspace folders that have a `test` script, relative to `base`. */
export function testedWorkspaces(base = root) {
  /** @type {{ packages: string[] }} */
  const workspace = YAML.parse(readFileSync(path.join(base, 'pnpm-workspace.yaml'), 'utf8'));
  const dirs = workspace.packages.flatMap((entry) => {
    if (!entry.endsWith('/*')) return [entry];
    const parent = entry.slice(0, -2);
    return existsSync(path.join(base, parent))
      ? readdirSync(path.join(base, parent)).map((name) => path.join(parent, name))
      : [];
  });
  return dirs.filter((dir) => {
    const manifest = path.join(base, dir, 'package.json');
    return existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).scripts?.test;
  });
}

/**
 * Adds up the reports and the task outcomes into one `passed`/`failed` pair, with a line for every failure that
 * is not a failing test (those are shown by vitest above).
 * @param {Map<string, Report | undefined>} reports per workspace folder; undefined when it wrote no report
 * @param {TaskOutcome[]} tasks what turbo ran, with exit codes
 * @param {Map<string, string>} [folderOf] package name -> workspace folder, to tie a test task to its report
 */
export function tally(reports, tasks, folderOf = new Map()) {
  let passed = 0;
  let failed = 0;
  /** @type {string[]} */
  const lines = [];
  /** @type {Map<string, number>} workspace folder -> failures counted from its report */
  const counted = new Map();
  for (const [dir, report] of reports) {
    if (!report) {
      lines.push(`${dir}: no test report, so its tests did not run (see above); counted as 1 failed`);
      failed += 1;
      counted.set(dir, 1);
      continue;
    }
    passed += report.numPassedTests;
    let own = report.numFailedTests;
    if (!report.success && own === 0) {
      own = Math.max(1, report.numFailedTestSuites);
      lines.push(
        `${dir}: ${own} test file(s) failed before any test could (an import, a hook or a globalSetup threw); counted as ${own} failed`,
      );
    }
    failed += own;
    counted.set(dir, own);
  }
  for (const task of tasks) {
    if (task.exitCode === 0 || task.exitCode === null || task.exitCode === undefined) continue;
    const dir = folderOf.get(task.package);
    if (task.task === 'test' && dir !== undefined && (counted.get(dir) ?? 0) > 0) continue;
    lines.push(`${task.taskId} exited with ${task.exitCode}; counted as 1 failed`);
    failed += 1;
  }
  return { passed, failed, lines };
}

/** The newest turbo run summary written since `since` (ms), or undefined. @param {number} since */
function latestSummary(since) {
  const dir = path.join(root, '.turbo/runs');
  if (!existsSync(dir)) return undefined;
  const newest = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).mtimeMs >= since)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  return newest ? JSON.parse(readFileSync(newest, 'utf8')) : undefined;
}

function main() {
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
  const started = Date.now();
  const status = turbo(['run', ...tasks, '--continue', '--summarize', ...process.argv.slice(2)]);

  /** @type {Map<string, Report | undefined>} */
  const reports = new Map();
  /** @type {Map<string, string>} */
  const folderOf = new Map();
  for (const dir of workspaces) {
    const file = path.join(root, dir, REPORT);
    reports.set(dir, existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
    folderOf.set(JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8')).name, dir);
  }
  const summary = latestSummary(started);
  /** @type {TaskOutcome[]} */
  const outcomes = (summary?.tasks ?? []).map((/** @type {any} */ t) => ({
    taskId: t.taskId,
    task: t.task,
    package: t.package,
    exitCode: t.execution?.exitCode,
  }));
  const result = tally(reports, outcomes, folderOf);
  if (status !== 0 && result.failed === 0) {
    result.lines.push(`turbo exited with ${status} before any task could report; counted as 1 failed`);
    result.failed = 1;
  }
  for (const line of result.lines) console.log(line);
  console.log(`${result.passed} passed, ${result.failed} failed`);
  process.exit(result.failed > 0 ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
