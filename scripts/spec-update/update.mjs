// @ts-check
/**
 * One update from Cloudflare's whole description, computed in memory: the new spec/upstream/ extraction, each
 * overlay action's status, the generated files, and the report for users. Nothing is written here.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import jsonpath from 'jsonpath';
import { applyOverlay } from 'openapi-overlays-js/src/overlay.js';
import YAML from 'yaml';
import { applyAction, checkOverlay, GenerateError, readYaml } from '../codegen/spec.mjs';
import { generate } from '../generate.mjs';
import { bumpFor, classify } from './classify.mjs';
import { extractFragment, toYaml } from './extract.mjs';
import { loadDescription } from './read-fragment.mjs';
import { coreFiles, surfaceBreaks } from './surface-check.mjs';

/**
 * @typedef {import('./classify.mjs').Change} Change
 * @typedef {{ action: string, status: 'needed' | 'redundant' | 'absent' | 'broken', why?: string }} OverlayStatus
 * @typedef {{ bump: 'major' | 'minor' | 'patch' | 'none' | 'unknown', changes: Change[], overlays: OverlayStatus[] }} Report
 * @typedef {{
 *   report: Report,
 *   stopped?: string,
 *   writes: Map<string, string>,
 *   removes: string[],
 * }} Update
 */

export { MAX_ALIASES } from './read-fragment.mjs';

/** Reads the whole description from a file or an http(s) URL; JSON or YAML. */
export async function readDescription(/** @type {string} */ from) {
  const loaded = await loadDescription(from);
  if (loaded.problem !== undefined) throw new GenerateError(from, loaded.problem);
  return /** @type {Record<string, any>} */ (loaded.whole);
}

/**
 * @param {{ whole: Record<string, any>, source: string, root: string }} options `root` is the repository
 * @returns {Promise<Update>}
 */
export async function computeUpdate({ whole, source, root }) {
  const specDir = path.join(root, 'spec');
  const upstreamFile = path.join(specDir, 'upstream/realtimekit-meetings.openapi.yaml');
  const overlaysDir = path.join(specDir, 'overlays');
  const fragment = extractFragment(whole, source);
  /** @type {Map<string, string>} */
  const writes = new Map([[upstreamFile, toYaml(fragment)]]);

  // each overlay action against the new extraction: still needed, now redundant, or broken
  /** @type {OverlayStatus[]} */
  const overlays = [];
  let spec = fragment;
  const overlayFiles = readdirSync(overlaysDir)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort();
  /** @type {{ name: string, overlay: Record<string, any> }[]} */
  const overlayDocs = [];
  /** @type {{ status: OverlayStatus, file: string, index: number, action: Record<string, any> }[]} */
  const absent = [];
  /** @type {Map<string, number[]>} overlay file -> the indexes of the actions to drop from it */
  const drop = new Map();
  for (const name of overlayFiles) {
    const file = path.join(overlaysDir, name);
    const overlay = readYaml(file);
    checkOverlay(file, overlay);
    overlayDocs.push({ name, overlay });
    /** @type {number[]} */
    const redundant = [];
    overlay.actions.forEach((/** @type {Record<string, any>} */ action, /** @type {number} */ i) => {
      const label = `${name} action ${i + 1} (${action.target})`;
      if (matchesNothing(spec, action.target)) {
        /** @type {OverlayStatus} */
        const status = { action: label, status: 'absent' };
        overlays.push(status);
        absent.push({ status, file, index: i, action });
        return;
      }
      const outcome = applyAction(spec, action);
      if (outcome.status === 'needed') spec = outcome.spec;
      else if (outcome.status === 'redundant') redundant.push(i);
      overlays.push({
        action: label,
        status: outcome.status,
        ...(outcome.status === 'broken' ? { why: withoutMachinePaths(outcome.why.replace(/^:?\s*/, ''), root) } : {}),
      });
    });
    drop.set(file, redundant);
  }
  const before = effectiveSpecOf(
    existsSync(documentFile(root)) ? readFileSync(documentFile(root), 'utf8') : undefined,
    () => readYaml(path.join(specDir, 'realtimekit-meetings.openapi.yaml')),
  );
  if (absent.length > 0) {
    // an action whose target the new description lacks is not fatal when what it fixed holds without it
    const upToAbsent = snapshotsBefore(
      readYaml(upstreamFile),
      overlayDocs.flatMap(({ overlay }) => overlay.actions),
      new Set(absent.map((entry) => entry.action)),
    );
    const changesNow = classify(before, spec);
    for (const entry of absent) {
      const lapsed = lapsedFix(upToAbsent, before, entry.action, changesNow, spec);
      if (lapsed) {
        entry.status.status = 'broken';
        entry.status.why = `its target matches nothing in the new description, and what it fixed ${lapsed}`;
      } else drop.set(entry.file, [...(drop.get(entry.file) ?? []), entry.index]);
    }
  }
  for (const [file, indexes] of drop) if (indexes.length > 0) writes.set(file, withoutActions(file, indexes));
  const broken = overlays.filter((o) => o.status === 'broken');
  if (broken.length > 0) {
    return {
      report: { bump: 'unknown', changes: [], overlays },
      stopped: `overlay actions no longer apply to the new upstream, so nothing was changed: ${broken.map((b) => `${b.action}: ${b.why}`).join('; ')}. Fix or remove each, then run spec:update again.`,
      writes: new Map(),
      removes: [],
    };
  }

  // regenerate from the new upstream and the overlays as they will be (a temporary copy of spec/)
  const scratch = mkdtempSync(path.join(tmpdir(), 'rtk-spec-update-'));
  let files;
  try {
    const tmpUpstream = path.join(scratch, 'upstream/realtimekit-meetings.openapi.yaml');
    mkdirSync(path.dirname(tmpUpstream));
    const tmpOverlays = path.join(scratch, 'overlays');
    writeFileSync(tmpUpstream, /** @type {string} */ (writes.get(upstreamFile)));
    mkdirSync(tmpOverlays);
    for (const name of overlayFiles) {
      const file = path.join(overlaysDir, name);
      writeFileSync(path.join(tmpOverlays, name), writes.get(file) ?? readFileSync(file, 'utf8'));
    }
    try {
      files = await generate(
        { upstream: tmpUpstream, overlays: tmpOverlays, naming: path.join(specDir, 'sdk.yaml') },
        root,
      );
    } catch (error) {
      // the schemas were compared, the compiler could not be: what changed is listed, the release is unknown
      const changes = classify(before, spec);
      const problem = withoutMachinePaths(/** @type {Error} */ (error).message.replaceAll(scratch, 'spec'), root);
      return {
        report: { bump: 'unknown', changes, overlays },
        stopped: `the SDK cannot be generated from the new description yet, so nothing was changed: ${problem}`,
        writes: new Map(),
        removes: [],
      };
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  const effectiveFile = path.join(specDir, 'realtimekit-meetings.openapi.yaml');
  const after = effectiveSpecOf(files.get(documentFile(root)), () =>
    YAML.parse(/** @type {string} */ (files.get(effectiveFile))),
  );
  const core = path.join(root, 'packages/core/src');
  const newCore = (/** @type {string} */ file) =>
    files?.get(path.join(core, file)) ?? readFileSync(path.join(core, file), 'utf8');
  const changes = [...classify(before, after), ...surfaceBreaks(coreFiles(root), newCore)].map((c) => ({
    ...c,
    change: withoutMachinePaths(c.change, root),
  }));
  const report = { bump: bumpFor(changes, !isDeepStrictEqual(before, after)), changes, overlays };
  for (const [file, content] of files) writes.set(file, content);
  const removes = [];
  for (const dir of ['core', 'client', 'react', 'contract', 'mock'].map((p) =>
    path.join(root, 'packages', p, 'src/generated'),
  )) {
    for (const name of existsSync(dir) ? readdirSync(dir) : []) {
      if (!files.has(path.join(dir, name))) removes.push(path.join(dir, name));
    }
  }
  return { report, writes, removes };
}

/** The mock's generated document: the effective spec as JSON, read ten times faster than its YAML copy. */
const documentFile = (/** @type {string} */ root) => path.join(root, 'packages/mock/src/generated/document.gen.ts');

/**
 * The effective spec from document.gen.ts's text (`JSON.parse("…")`, written by the same generate run as the YAML
 * copy, and checked with it by generate --check), or from `fallback` when there is none in that form.
 * @param {string | undefined} documentText @param {() => Record<string, any>} fallback
 * @returns {Record<string, any>}
 */
export function effectiveSpecOf(documentText, fallback) {
  const literal = documentText && /= JSON\.parse\(("(?:[^"\\]|\\.)*")\);$/m.exec(documentText)?.[1];
  return literal ? JSON.parse(JSON.parse(literal)) : fallback();
}

/** Whether a (valid) JSONPath target matches nothing in `spec`; an invalid one is applyAction's to report. */
function matchesNothing(/** @type {Record<string, any>} */ spec, /** @type {string} */ target) {
  try {
    return jsonpath.query(spec, target).length === 0;
  } catch {
    return false;
  }
}

/**
 * Whether the fix of an overlay action that the new description gives no target for has lapsed, and how (undefined
 * when it holds). What the action does is measured on the current upstream: the schema changes, operation by
 * operation, between it with every overlay action but this one applied and the effective spec users have (`effect`).
 *   - When it has an effect, the fix holds when the new comparison shows no change at any of those places (another
 *     action, or upstream itself, gives the same: the Stainless-prepared copy inlines the shared success schemas,
 *     and the inline action sets `success: true` there).
 *   - When it has none (an example, a description), the fix holds when the node it corrected is nowhere in the
 *     new description (the Stainless-prepared copy strips the examples): a node that only moved is still wrong.
 * @param {Map<Record<string, any>, { rest: Record<string, any>[], spec: Record<string, any> }>} upToAbsent
 * @param {Record<string, any>} before the effective spec users have @param {Record<string, any>} action
 * @param {Change[]} changesNow @param {Record<string, any>} newSpec
 * @returns {string | undefined}
 */
function lapsedFix(upToAbsent, before, action, changesNow, newSpec) {
  const { rest, spec } = /** @type {{ rest: Record<string, any>[], spec: Record<string, any> }} */ (
    upToAbsent.get(action)
  );
  // today's upstream with the actions before this one (the nodes it corrected), then the ones after it
  const corrected = safeQuery(spec, action.target);
  const without = applyEach(structuredClone(spec), rest);
  const effect = classify(without, before);
  if (effect.length > 0) {
    const at = new Set(effect.map((c) => `${c.operationId}\u0000${c.where}\u0000${c.path}`));
    const undone = changesNow.filter((c) => at.has(`${c.operationId}\u0000${c.where}\u0000${c.path}`));
    if (undone.length === 0) return undefined;
    const place = (/** @type {Change} */ c) =>
      `\`${c.operationId}\` ${c.where}${c.path ? ` \`${c.path}\`` : ''}: ${c.change}`;
    const more = undone.length > 3 ? ` and ${undone.length - 3} more` : '';
    return `no longer holds there: ${undone.slice(0, 3).map(place).join(', ')}${more}`;
  }
  const nodes = corrected.filter((node) => node !== undefined);
  if (nodes.length === 0) return undefined;
  let found = false;
  const walk = (/** @type {unknown} */ node) => {
    if (found || typeof node !== 'object' || node === null) return;
    if (nodes.some((n) => isDeepStrictEqual(n, node))) found = true;
    else for (const value of Object.values(node)) walk(value);
  };
  walk(newSpec);
  return found ? 'is still wrong in it: the node it corrected is there at another place' : undefined;
}

/** `actions` applied in turn, as generate applies them; one that is not a JSONPath is the main pass's to report. */
function applyEach(/** @type {Record<string, any>} */ spec, /** @type {Record<string, any>[]} */ actions) {
  let current = spec;
  for (const action of actions) {
    try {
      current = applyOverlay(current, { actions: [action] });
    } catch {
      // reported as broken by the main pass
    }
  }
  return current;
}

/**
 * One pass of every overlay action over today's upstream: for each of `marked`, the spec just before it (a copy)
 * and the actions after it.
 * @param {Record<string, any>} upstream @param {Record<string, any>[]} actions @param {Set<Record<string, any>>} marked
 */
function snapshotsBefore(upstream, actions, marked) {
  /** @type {Map<Record<string, any>, { rest: Record<string, any>[], spec: Record<string, any> }>} */
  const snapshots = new Map();
  let spec = upstream;
  actions.forEach((action, i) => {
    if (marked.has(action)) snapshots.set(action, { rest: actions.slice(i + 1), spec: structuredClone(spec) });
    spec = applyEach(spec, [action]);
  });
  return snapshots;
}

const safeQuery = (/** @type {Record<string, any>} */ spec, /** @type {string} */ target) => {
  try {
    return jsonpath.query(spec, target);
  } catch {
    return [];
  }
};

/** A message without this machine's folders: reports end up in changesets, and those in the public CHANGELOG. */
export function withoutMachinePaths(/** @type {string} */ text, /** @type {string} */ root) {
  return text.replaceAll(`${root}${path.sep}`, '').replaceAll(root, '.').replaceAll(tmpdir(), '<tmp>');
}

/** The overlay file's text without the actions at `indexes`, its comments and the other actions as they were. */
function withoutActions(/** @type {string} */ file, /** @type {number[]} */ indexes) {
  const doc = YAML.parseDocument(readFileSync(file, 'utf8'));
  for (const i of [...indexes].sort((a, b) => b - a)) doc.deleteIn(['actions', i]);
  return doc.toString({ lineWidth: 118 });
}

/** The report in plain words, for a person and for the changeset: what changed for users, then the overlays. */
export function describeReport(/** @type {Report} */ report) {
  const line = (/** @type {Change} */ c) => {
    const subject =
      c.where === 'TypeScript'
        ? `type \`${c.path}\``
        : `\`${c.operationId}\` ${c.where}${c.path ? ` \`${c.path}\`` : ''}`;
    return `- ${subject}: ${c.change}`;
  };
  const breaking = report.changes.filter((c) => c.breaking);
  const other = report.changes.filter((c) => !c.breaking);
  const out = [];
  if (breaking.length > 0) out.push('Breaking:', ...breaking.map(line), '');
  if (other.length > 0) out.push('Not breaking:', ...other.map(line), '');
  if (report.bump === 'unknown') {
    out.push(
      report.changes.length === 0
        ? 'Not compared: the update stopped before the new description was compared.'
        : 'Not compared by the compiler: the update stopped before the SDK was generated, so the release is unknown.',
      '',
    );
  } else if (report.changes.length === 0) {
    out.push(
      report.bump === 'none' ? 'Nothing changes for users.' : 'Only descriptions changed (the generated docs).',
      '',
    );
  }
  const dropped = report.overlays.filter((o) => o.status !== 'needed');
  if (dropped.length > 0) {
    out.push(
      'Overlays:',
      ...dropped.map(
        (o) =>
          `- ${o.action}: ${
            o.status === 'redundant'
              ? 'redundant, upstream fixed it: removed'
              : o.status === 'absent'
                ? 'absent, its target is not in the new description and what it fixed holds without it: removed'
                : `broken: ${o.why}`
          }`,
      ),
      '',
    );
  }
  return out.join('\n').trim();
}
