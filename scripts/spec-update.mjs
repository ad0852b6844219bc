#!/usr/bin/env node
// @ts-check
/**
 * pnpm spec:update --from <file or URL> [--dry-run] [--json]
 *
 * Cloudflare's whole API description (openapi.json or openapi.yaml of cloudflare/api-schemas) to a released change:
 *   1. extracts the meetings paths and the components they use into spec/upstream/;
 *   2. re-applies the overlays, reporting each action as needed, redundant (upstream fixed it: removed from its
 *      file), absent (its target is gone and what it fixed holds without it: removed too) or broken (stop: nothing
 *      is written);
 *   3. regenerates every package's generated files (as pnpm generate does);
 *   4. prints what changes for users, operation by operation and field by field, breaking or not, with the
 *      TypeScript surface compared by the compiler;
 *   5. writes a changeset whose bump follows the report (major, minor, patch) and whose text is the report.
 * --dry-run prints the report and writes nothing; --json prints it as one object: { bump, changes, overlays }.
 * A run that stops (an overlay action broken, the SDK not generated) compared nothing: bump `unknown`, no changeset.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadMeetingsDescription } from './spec-update/read-fragment.mjs';

const USAGE = 'usage: pnpm spec:update --from <path or URL of the whole openapi.json/yaml> [--dry-run] [--json]';

/**
 * Runs the update against the repository at `base`; resolves with the exit status.
 * @param {string[]} argv @param {string} [base] @param {(text: string) => void} [print]
 */
export async function main(argv, base = undefined, print = (text) => process.stdout.write(`${text}\n`)) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { from: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`spec:update: ${/** @type {Error} */ (error).message}\n${USAGE}\n`);
    return 2;
  }
  if (!values.from) {
    process.stderr.write(`spec:update: --from is required\n${USAGE}\n`);
    return 2;
  }
  // the description is read on a worker thread while this one loads the generator and the compiler
  const reading = loadMeetingsDescription(values.from);
  reading.catch(() => {}); // awaited below, once the tools are loaded
  const [{ computeUpdate, describeReport }, { GenerateError, rel, root }] = await Promise.all([
    import('./spec-update/update.mjs'),
    import('./codegen/spec.mjs'),
  ]);
  const repo = base ?? root;
  const loaded = await reading;
  if (loaded.problem !== undefined) throw new GenerateError(values.from, loaded.problem);
  const whole = /** @type {Record<string, any>} */ (loaded.whole);
  const update = await computeUpdate({ whole, source: values.from, root: repo });
  const { report, stopped } = update;
  if (values.json) print(JSON.stringify({ ...report, ...(stopped ? { stopped } : {}) }, null, 2));
  else {
    const verdict =
      report.bump === 'unknown' ? 'not compared' : report.bump === 'none' ? 'no release' : `a ${report.bump} release`;
    print(`spec:update from ${values.from}: ${verdict}\n`);
    print(describeReport(report));
    if (stopped) print(`\nStopped: ${stopped}`);
  }
  if (stopped) return 1;
  if (values['dry-run']) return 0;

  for (const [file, content] of update.writes) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  for (const file of update.removes) rmSync(file);
  if (report.bump !== 'none') {
    const config = JSON.parse(readFileSync(path.join(repo, '.changeset/config.json'), 'utf8'));
    const packages = /** @type {string[]} */ (config.fixed?.[0] ?? []);
    const upstream = update.writes.get(path.join(repo, 'spec/upstream/realtimekit-meetings.openapi.yaml')) ?? '';
    const id = createHash('sha256').update(upstream).digest('hex').slice(0, 8);
    const file = path.join(repo, '.changeset', `upstream-spec-${id}.md`);
    const front = packages.map((name) => `"${name}": ${report.bump}`).join('\n');
    writeFileSync(
      file,
      `---\n${front}\n---\n\nCloudflare's RealtimeKit meetings description updated (${path.basename(values.from)}).\n\n${describeReport(report)}\n`,
    );
    if (!values.json) print(`\nwrote ${rel(file)}, spec/upstream/ and ${update.writes.size - 1} other files`);
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  register('./spec-update/typescript-hook.mjs', import.meta.url); // before main loads the tools
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(
        `spec:update: ${error?.name === 'GenerateError' ? error.message : (error?.stack ?? error)}\n`,
      );
      process.exit(1);
    },
  );
}
