#!/usr/bin/env node
// How long `pnpm spec:update --dry-run` takes on a whole description, as a maintainer runs it: a fresh process per
// run (the tools' load included), wall time and the process's own CPU time (user + system; on a shared machine the
// wall time also counts the other processes' turns), median of N runs. Nothing is written.
//
//   node bench/spec-update.mjs cf-spec.json [runs]   (the description, extracted as spec/README.md says)
//
// The 12.5 MB description quoted in spec/README.md is the one embedded in cloudflare-typescript v7.1.0's
// scripts/mock (how to extract it is written there).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const [from, runsArg = '5'] = process.argv.slice(2);
const runs = Number(runsArg);
if (!from || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: node bench/spec-update.mjs <path of the whole openapi.json/yaml> [runs, default 5]');
  process.exit(2);
}
const cli = path.join(import.meta.dirname, '../scripts/spec-update.mjs');
// the child reports its own CPU time (all its threads) on exit, on a line of its own on stderr
const report = `process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('\\ncpu-ms ' + (u.user + u.system) / 1000 + '\\n'); });`;
const median = (/** @type {number[]} */ values) => [...values].sort((a, b) => a - b)[values.length >> 1];

const wall = [];
const cpu = [];
let bump = '';
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      `data:text/javascript,${encodeURIComponent(report)}`,
      cli,
      '--from',
      path.resolve(from),
      '--dry-run',
      '--json',
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  wall.push(performance.now() - start);
  // the last line is the main thread's, at the process's exit (a worker thread reports too, when it ends)
  const cpuLine = [...run.stderr.matchAll(/^cpu-ms ([\d.]+)$/gm)].at(-1);
  if (!cpuLine) throw new Error(`spec:update did not finish (exit ${run.status}):\n${run.stderr}`);
  cpu.push(Number(cpuLine[1]));
  const result = JSON.parse(run.stdout);
  bump = `bump ${result.bump}${result.stopped ? ', stopped' : ''}, exit ${run.status}`;
}
const s = (/** @type {number} */ ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(
  `spec:update --dry-run on ${path.basename(from)} (${bump}), ${runs} runs: median ${s(median(wall))} wall ` +
    `(${s(Math.min(...wall))}–${s(Math.max(...wall))}), median ${s(median(cpu))} CPU`,
);
