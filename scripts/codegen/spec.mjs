// @ts-check
/** Reading the spec: YAML files, overlays applied one action at a time, structural validation. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import jsonpath from 'jsonpath';
import { applyOverlay } from 'openapi-overlays-js/src/overlay.js';
import YAML from 'yaml';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const rel = (/** @type {string} */ file) => {
  const relative = path.relative(root, file);
  return relative.startsWith('..') ? file : relative;
};

export class GenerateError extends Error {
  /** @param {string} file @param {string} problem */
  constructor(file, problem) {
    super(`${rel(file)}: ${problem}`);
    this.name = 'GenerateError';
  }
}

/** @param {string} file */
export function readYaml(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new GenerateError(file, `cannot be read (${/** @type {Error} */ (error).message})`);
  }
  const doc = YAML.parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new GenerateError(file, `invalid YAML: ${doc.errors[0]?.message}`);
  }
  const value = doc.toJS({ maxAliasCount: -1 });
  if (!isObject(value)) throw new GenerateError(file, 'invalid YAML: the document is not a mapping');
  return value;
}

/** @param {unknown} value @returns {value is Record<string, any>} */
export function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** @param {string} file @param {Record<string, any>} overlay */
export function checkOverlay(file, overlay) {
  if (typeof overlay.overlay !== 'string' || !overlay.overlay.startsWith('1.0')) {
    throw new GenerateError(file, 'not an OpenAPI Overlay 1.0 document (missing `overlay: 1.0.0`)');
  }
  if (!isObject(overlay.info) || !overlay.info.title || !overlay.info.version) {
    throw new GenerateError(file, 'overlay `info` needs a title and a version');
  }
  if (!Array.isArray(overlay.actions) || overlay.actions.length === 0) {
    throw new GenerateError(file, 'overlay has no `actions`');
  }
  overlay.actions.forEach((action, i) => {
    const where = `action ${i + 1}`;
    if (!isObject(action) || typeof action.target !== 'string' || !action.target.startsWith('$')) {
      throw new GenerateError(file, `${where} needs a JSONPath \`target\` starting with $`);
    }
    if (typeof action.description !== 'string' || action.description.trim() === '') {
      throw new GenerateError(file, `${where} (${action.target}) needs a description of the defect it corrects`);
    }
    const isRemove = action.remove === true;
    const isUpdate = isObject(action.update);
    if (isRemove === isUpdate) {
      throw new GenerateError(
        file,
        `${where} (${action.target}) needs exactly one of \`update\` (a mapping) or \`remove: true\``,
      );
    }
  });
}

/**
 * Applies one action at a time, so that an action which changes nothing is caught: openapi-overlays-js treats a
 * target that matches nothing as a silent no-op. Targets are resolved first with the same JSONPath library it uses,
 * so a target that matches nothing, or a node an update cannot merge into, is reported here, by name.
 * @param {Record<string, any>} spec @param {string} file @param {Record<string, any>} overlay
 */
export function applyOverlayFile(spec, file, overlay) {
  let current = spec;
  overlay.actions.forEach((/** @type {Record<string, any>} */ action, /** @type {number} */ i) => {
    const outcome = applyAction(current, action);
    if (outcome.status !== 'needed') throw new GenerateError(file, `action ${i + 1} (${action.target})${outcome.why}`);
    current = outcome.spec;
  });
  return current;
}

/**
 * One overlay action on `spec`: `needed` (it changes the spec: the result), `redundant` (its target is there but
 * already says this: upstream fixed the defect) or `broken` (its target matches nothing, is not a JSONPath, or is
 * not a mapping an update can merge into), with why.
 * @param {Record<string, any>} spec @param {Record<string, any>} action
 * @returns {{ status: 'needed', spec: Record<string, any>, why?: undefined } | { status: 'redundant' | 'broken', why: string }}
 */
export function applyAction(spec, action) {
  let nodes;
  try {
    nodes = jsonpath.query(spec, action.target);
  } catch (error) {
    return { status: 'broken', why: `: the target is not a valid JSONPath (${/** @type {Error} */ (error).message})` };
  }
  if (nodes.length === 0) return { status: 'broken', why: ' changed nothing: its target matches nothing in the spec' };
  if (action.update !== undefined && nodes.some((node) => !isObject(node))) {
    return { status: 'broken', why: ': update can only merge into a mapping, and the target is not one' };
  }
  const before = JSON.stringify(spec);
  const after = applyOverlay(spec, { actions: [action] });
  if (JSON.stringify(after) === before) {
    return {
      status: 'redundant',
      why: ' changed nothing: the spec already says this (drop the action if upstream fixed the defect)',
    };
  }
  return { status: 'needed', spec: after };
}

/**
 * Structural validation of an OpenAPI document (Redocly's `struct` and `no-unresolved-refs` rules).
 * @param {Record<string, any>} spec @param {string} file @param {string} [when]
 */
export async function validateSpec(spec, file, when = '') {
  const config = await createConfig({ rules: { struct: 'error', 'no-unresolved-refs': 'error' } });
  let problems;
  try {
    problems = await lintFromString({ source: JSON.stringify(spec), absoluteRef: file, config });
  } catch (error) {
    throw new GenerateError(file, `invalid spec${when}: ${/** @type {Error} */ (error).message}`);
  }
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    const list = errors.slice(0, 5).map((p) => `${p.message} (at ${p.location[0]?.pointer ?? '#'})`);
    const more = errors.length > 5 ? `\n  ... and ${errors.length - 5} more` : '';
    throw new GenerateError(file, `invalid spec${when}:\n  ${list.join('\n  ')}${more}`);
  }
}

// $ref resolution lives in ref.mjs; `deref` stays importable from here for the scripts that already do.
export { deref } from './ref.mjs';
