// @ts-check
/**
 * packages/react/src/generated: the query keys (hierarchical, from the paths), the query options of every read,
 * the mutation options of every change, one hook per file with its cache update, and the index.
 */

import { byResource } from './client-resource.mjs';
import { dataSchema } from './core-types.mjs';
import { mutationHook, queryHooks } from './react-hook.mjs';
import { mutationsFile, mutationsIndexModule, resourceMutationsModule } from './react-mutation-options.mjs';
import { keysModule, keyTree } from './react-query-key.mjs';
import { queriesFile, queriesIndexModule, resourceQueriesModule } from './react-query-options.mjs';
import { flatten } from './schema.mjs';
import { kebab, TS_HEADER } from './text.mjs';

/** @typedef {import('./surface.mjs').Surface} Surface @typedef {import('./surface.mjs').SurfaceOperation} SurfaceOperation */

/**
 * Every file of packages/react/src/generated, by file name.
 * @param {Record<string, any>} spec @param {Surface} surface
 */
export function reactModules(spec, surface) {
  const { fns, readKeys } = keyTree(surface);
  /** @type {Map<string, string>} */
  const files = new Map([
    [
      'keys.gen.ts',
      keysModule(
        fns,
        surface.operations.filter((o) => !o.read).map((o) => o.operationId),
      ),
    ],
  ]);
  const reads = byResource(surface.operations.filter((o) => o.read));
  const changes = byResource(surface.operations.filter((o) => !o.read));
  for (const [resource, ops] of reads)
    files.set(`${queriesFile(resource)}.ts`, resourceQueriesModule(resource, ops, readKeys));
  for (const [resource, ops] of changes)
    files.set(`${mutationsFile(resource)}.ts`, resourceMutationsModule(resource, ops));
  files.set('queries.gen.ts', queriesIndexModule([...reads.keys()]));
  files.set('mutations.gen.ts', mutationsIndexModule([...changes.keys()]));
  const hooks = [];
  for (const op of surface.operations) {
    const holdsToken = !!flatten(spec, dataSchema(spec, op))?.properties?.token;
    const made = op.read ? queryHooks(op) : [[op.hook, mutationHook(surface, op, readKeys, holdsToken)]];
    for (const [hook, content] of made) {
      files.set(`${kebab(/** @type {string} */ (hook))}.gen.ts`, /** @type {string} */ (content));
      hooks.push(/** @type {string} */ (hook));
    }
  }
  files.set(
    'index.gen.ts',
    `${TS_HEADER}
export { type RealtimeKitMutationId, realtimeKitKeys } from './keys.gen';
export { realtimeKitMutations } from './mutations.gen';
export { realtimeKitQueries } from './queries.gen';
${hooks
  .sort()
  .map((hook) => `export { ${hook} } from './${kebab(hook)}.gen';`)
  .join('\n')}
`,
  );
  return files;
}
