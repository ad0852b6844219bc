// @ts-check
/**
 * Which components a part of a description reaches by `$ref`, transitively: written once for the worker that cuts
 * Cloudflare's description to the RealtimeKit paths (read-fragment.mjs), the extraction that refuses what it cannot
 * follow (extract.mjs) and the classifier's corpus (corpus.mjs). It loads nothing, so the worker still starts at once.
 */

/** @returns {value is Record<string, unknown>} */
const isMapping = (/** @type {unknown} */ value) =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Every component `node` reaches, by its reference: `'#/components/schemas/Meeting'` -> `['schemas', 'Meeting']`,
 * each followed once. Only `#/components/<section>/<name>` references are followed (`~1` and `~0` decoded), and by own
 * properties only: `__proto__` or `constructor` never reach Object.prototype or Object. `unfollowed(ref, why)` hears
 * of each other reference, for the callers that refuse them. Iterative, so a deep document cannot overflow the stack.
 * @param {unknown} components the description's `components`
 * @param {unknown} node where to start (its paths, an operation's request...)
 * @param {(ref: string, why: 'unsupported' | 'unresolved') => void} [unfollowed]
 * @returns {Map<string, [section: string, name: string]>}
 */
export function componentsReached(components, node, unfollowed = () => {}) {
  /** @type {Map<string, [string, string]>} */
  const reached = new Map();
  const sections = isMapping(components) ? /** @type {Record<string, unknown>} */ (components) : {};
  /** @type {unknown[]} */
  const stack = [node];
  while (stack.length > 0) {
    const current = stack.pop();
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push(current[i]);
      continue;
    }
    if (!isMapping(current)) continue;
    const ref = current.$ref;
    // the node's other values (a `$ref` that is not a string is a value like any other), then the target on top: the
    // target is followed first, depth first, as written
    const keys = Object.keys(current);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = /** @type {string} */ (keys[i]);
      if (key !== '$ref' || typeof ref !== 'string') stack.push(current[key]);
    }
    if (typeof ref === 'string' && !reached.has(ref)) {
      const match = /^#\/components\/([^/]+)\/(.+)$/.exec(ref);
      const [, section = '', raw = ''] = match ?? [];
      const name = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      const entries = Object.hasOwn(sections, section) ? sections[section] : undefined;
      const target = isMapping(entries) && Object.hasOwn(entries, name) ? entries[name] : undefined;
      if (!match) unfollowed(ref, 'unsupported');
      else if (!isMapping(target)) unfollowed(ref, 'unresolved');
      else {
        reached.set(ref, [section, name]);
        stack.push(target);
      }
    }
  }
  return reached;
}
