// @ts-check
/**
 * `$ref` resolution, written once for every script that reads a spec (the generator, the emitters, spec-update):
 * local JSON Pointers (`#/components/schemas/Meeting`), with `~1` and `~0` decoded, chains followed and cycles caught.
 */
import { GenerateError, isObject } from './spec.mjs';

/**
 * The decoded segments of a local reference: `#/components/schemas/a~1b` -> ['components', 'schemas', 'a/b'].
 * @param {string} ref @param {string} file where the spec came from, for the message
 */
export function refPath(ref, file) {
  if (!ref.startsWith('#/')) throw new GenerateError(file, `invalid spec: external $ref not supported: ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The node a `$ref` names, itself possibly a `$ref`.
 * @param {Record<string, any>} spec @param {string} ref @param {string} file
 */
export function refTarget(spec, ref, file) {
  /** @type {any} */
  let target = spec;
  for (const part of refPath(ref, file))
    target = typeof target === 'object' && target !== null ? target[part] : undefined;
  if (target === undefined) throw new GenerateError(file, `invalid spec: unresolved $ref ${ref}`);
  return target;
}

/**
 * `node`, or when it is a `$ref` the node it leads to, following a chain of references to the end.
 * @param {Record<string, any>} spec @param {any} node @param {string} file
 */
export function deref(spec, node, file) {
  const seen = new Set();
  let current = node;
  while (isObject(current) && typeof current.$ref === 'string') {
    if (seen.has(current.$ref)) throw new GenerateError(file, `invalid spec: $ref ${current.$ref} refers to itself`);
    seen.add(current.$ref);
    current = refTarget(spec, current.$ref, file);
  }
  return current;
}

/**
 * Calls `visit(ref)` for every `$ref` inside `node`, depth first (not into the targets: `visit` decides that).
 * @param {unknown} node @param {(ref: string) => void} visit
 */
export function forEachRef(node, visit) {
  if (Array.isArray(node)) for (const item of node) forEachRef(item, visit);
  else if (isObject(node)) {
    if (typeof node.$ref === 'string') visit(node.$ref);
    for (const [key, value] of Object.entries(node)) if (key !== '$ref') forEachRef(value, visit);
  }
}

/**
 * `node` with every `$ref` inside it replaced by what it names, recursively; a reference back into itself becomes
 * `{ $circular: ref }`. `keep(key)` drops the keys it refuses (prose, extensions) on the way.
 * @param {Record<string, any>} spec @param {any} node @param {string} file
 * @param {(key: string) => boolean} [keep] @returns {any}
 */
export function resolveAll(spec, node, file, keep = () => true, seen = new Set()) {
  if (Array.isArray(node)) return node.map((n) => resolveAll(spec, n, file, keep, seen));
  if (!isObject(node)) return node;
  if (typeof node.$ref === 'string') {
    if (seen.has(node.$ref)) return { $circular: node.$ref };
    return resolveAll(spec, refTarget(spec, node.$ref, file), file, keep, new Set([...seen, node.$ref]));
  }
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => keep(key))
      .map(([key, value]) => [key, resolveAll(spec, value, file, keep, seen)]),
  );
}
