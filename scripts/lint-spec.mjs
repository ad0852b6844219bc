#!/usr/bin/env node
// @ts-check
/**
 * Lints the effective spec with Redocly's recommended rules. Errors fail. Warnings are all printed;
 * they fail only when they differ from spec/lint-known-warnings.yaml, so known upstream warnings stay
 * listed rather than hidden, and a new one cannot slip in.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import YAML from 'yaml';
import { paths, root } from './generate.mjs';

const knownFile = path.join(root, 'spec/lint-known-warnings.yaml');
/** @type {{ rule: string, pointer: string, why: string }[]} */
const known = YAML.parse(readFileSync(knownFile, 'utf8'));
const redocly = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');

let output;
try {
  output = execFileSync(
    process.execPath,
    [redocly, 'lint', paths.effective, '--extends=recommended', '--format=json'],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
} catch (error) {
  output = /** @type {{ stdout?: string }} */ (error).stdout ?? '';
}
/** @type {{ totals: { errors: number, warnings: number }, problems: { ruleId: string, severity: string, message: string, location: { pointer: string }[] }[] }} */
const report = JSON.parse(output);
const key = (/** @type {string} */ rule, /** @type {string | undefined} */ pointer) => `${rule} ${pointer}`;
const knownKeys = new Set(known.map((w) => key(w.rule, w.pointer)));
const seen = new Set();
let failed = 0;
for (const problem of report.problems) {
  const where = problem.location[0]?.pointer;
  const id = key(problem.ruleId, where);
  seen.add(id);
  const isKnown = problem.severity !== 'error' && knownKeys.has(id);
  if (!isKnown) failed++;
  console.log(
    `${isKnown ? 'known  ' : problem.severity === 'error' ? 'ERROR  ' : 'NEW    '} ${problem.ruleId}: ${problem.message}\n        at ${where}`,
  );
}
for (const w of known) {
  if (!seen.has(key(w.rule, w.pointer))) {
    failed++;
    console.log(`GONE    ${w.rule} at ${w.pointer}: remove it from spec/lint-known-warnings.yaml`);
  }
}
console.log(
  `lint:spec: ${report.totals.errors} errors, ${report.totals.warnings} warnings (${known.length} known upstream)`,
);
if (failed > 0) {
  console.error(`lint:spec: ${failed} problem(s) are not in spec/lint-known-warnings.yaml`);
  process.exit(1);
}
