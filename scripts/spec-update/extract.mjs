// @ts-check
/**
 * Cloudflare's whole API description -> spec/upstream/: every path under the RealtimeKit prefix (`/accounts/{account_id}/realtime/kit/`) and exactly the
 * components they reference (transitively), as upstream has them: nothing renamed, reordered or added. What this
 * SDK adds lives in spec/overlays/.
 */
import YAML from 'yaml';
import { GenerateError, isObject } from '../codegen/spec.mjs';
import { componentsReached } from './components-reached.mjs';
import { REALTIMEKIT_PREFIX, underRealtimeKit } from './read-fragment.mjs';

export { REALTIMEKIT_PREFIX };

/** How spec/upstream/ is written, so that extracting the same description twice gives the same bytes. */
export const toYaml = (/** @type {unknown} */ value) =>
  YAML.stringify(value, { lineWidth: 0, aliasDuplicateObjects: false, singleQuote: true });

/**
 * @param {Record<string, any>} whole the whole description (`openapi.json` or `openapi.yaml`, parsed)
 * @param {string} [source] where it came from, for messages
 * @returns {Record<string, any>}
 */
export function extractFragment(whole, source = 'the description') {
  if (!isObject(whole) || typeof whole.openapi !== 'string' || !isObject(whole.paths)) {
    throw new GenerateError(source, 'not an OpenAPI document (no `openapi` version or no `paths`)');
  }
  const paths = Object.fromEntries(Object.entries(whole.paths).filter(([p]) => underRealtimeKit(p)));
  if (Object.keys(paths).length === 0) throw new GenerateError(source, `has no path under ${REALTIMEKIT_PREFIX}/`);
  for (const [template, item] of Object.entries(paths)) checkPathTemplate(source, template, item);

  /** @type {Map<string, Set<string>>} components section -> the names the fragment needs */
  const needed = new Map();
  const need = (/** @type {string} */ section, /** @type {string} */ name) => {
    if (!needed.has(section)) needed.set(section, new Set());
    const names = /** @type {Set<string>} */ (needed.get(section));
    if (names.has(name)) return false;
    names.add(name);
    return true;
  };
  const reached = componentsReached(whole.components, paths, (ref, why) => {
    throw new GenerateError(
      source,
      why === 'unsupported' ? `unsupported $ref ${ref} (only #/components/... are followed)` : `unresolved $ref ${ref}`,
    );
  });
  for (const [section, name] of reached.values()) need(section, name);
  // the security schemes the operations and the document's own list name
  const operations = Object.values(paths).flatMap((item) => Object.values(item).filter(isObject));
  for (const requirement of [...(whole.security ?? []), ...operations.flatMap((op) => op.security ?? [])]) {
    for (const scheme of Object.keys(requirement)) need('securitySchemes', scheme);
  }

  /** @type {Record<string, any>} */
  const components = {};
  for (const [section, entries] of Object.entries(whole.components ?? {})) {
    const names = needed.get(section);
    if (!names) continue;
    components[section] = Object.fromEntries(Object.entries(entries).filter(([name]) => names.has(name)));
  }
  /** @type {Record<string, any>} */
  const fragment = {};
  // the document's own fields, in its order; what belongs to other products (externalDocs, x-*) stays behind
  for (const [key, value] of Object.entries(whole)) {
    if (key === 'paths') fragment.paths = paths;
    else if (key === 'components') fragment.components = components;
    else if (['openapi', 'info', 'servers', 'security'].includes(key)) fragment[key] = value;
    else if (key === 'tags' && Array.isArray(value)) {
      const used = new Set(operations.flatMap((op) => op.tags ?? []));
      const tags = value.filter((tag) => used.has(tag?.name));
      if (tags.length > 0) fragment.tags = tags;
    }
  }
  return structuredClone(fragment);
}

/**
 * Refuses a path template a request could escape from: an empty, `.` or `..` segment, or a percent-encoded one
 * (`%2e%2e`), would send the operation (and the API token) to another endpoint than the one it names.
 * @param {string} source @param {string} template @param {unknown} item
 */
function checkPathTemplate(source, template, item) {
  const bad = template
    .slice(1)
    .split('/')
    .find((segment) => segment === '' || segment === '.' || segment === '..' || segment.includes('%'));
  if (bad === undefined) return;
  const ids = isObject(item)
    ? Object.values(item)
        .filter(isObject)
        .map((op) => op.operationId)
        .filter((id) => typeof id === 'string')
    : [];
  throw new GenerateError(
    source,
    `refused: path ${JSON.stringify(template)} of ${ids.length > 0 ? ids.join(', ') : 'an operation'} has a segment ${JSON.stringify(bad)} (empty, ".", ".." or percent-encoded segments could send a request elsewhere); fix the description`,
  );
}
