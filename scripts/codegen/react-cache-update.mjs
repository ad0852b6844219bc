// @ts-check
/** A mutation hook's cache update, from `cache` and `invalidates` in spec/sdk.yaml: which engine of cache.ts, with which keys. */
import { camel } from './surface.mjs';

/** @typedef {import('./surface.mjs').Surface} Surface @typedef {import('./surface.mjs').SurfaceOperation} SurfaceOperation */
/** @typedef {ReturnType<typeof import('./react-query-key.mjs').keyTree>['readKeys']} ReadKeys */

/**
 * The cache update of a mutation, as an expression, and what it says in the hook's doc.
 * @param {Surface} surface @param {SurfaceOperation} op @param {ReadKeys} readKeys
 */
export function cacheUpdate(surface, op, readKeys) {
  const keyCall = (/** @type {string} */ name, /** @type {string[]} */ args) =>
    `keys.${name}(${['scope', ...args].join(', ')})`;
  const parentOf = (/** @type {string} */ below) => below.replace(/\/\{[^}]+\}$/, '');
  const idsOf = (/** @type {string} */ below) =>
    [...below.matchAll(/\{([^}]+)\}/g)].map((m) => camel(/** @type {string} */ (m[1])));
  if (op.cache) {
    const collection = op.cache === 'created' ? op.below : parentOf(op.below);
    const item = surface.operations.find((o) =>
      op.cache === 'created'
        ? o.read && !o.paginated && o.below !== collection && parentOf(o.below) === collection
        : o.read && o.below === op.below,
    );
    const list = surface.operations.find((o) => o.paginated && o.below === collection);
    if (!item && !list)
      throw new Error(`${op.operationId}: cache ${op.cache}, but no read lists or gets ${collection}`);
    const parentIds = idsOf(collection);
    const itemIds = item ? idsOf(item.below) : [];
    const detailArgs = op.cache === 'created' ? [...parentIds, 'item.id'] : itemIds;
    const detail = item ? keyCall(/** @type {any} */ (readKeys.get(item.operationId)).key, detailArgs) : 'undefined';
    const lists = list ? keyCall(/** @type {any} */ (readKeys.get(list.operationId)).lists, parentIds) : 'undefined';
    const needs = op.cache === 'created' ? parentIds : itemIds;
    if (op.cache === 'deleted') {
      const id = itemIds.at(-1);
      return {
        needs,
        engines: ['removeItem'],
        usesItem: false,
        usesKeys: !!(item || list),
        body: `removeItem(queryClient, ${detail}, ${lists}, ${id})`,
        says: 'drops its detail and takes it out of the lists it was in',
      };
    }
    return {
      needs,
      engines: ['cacheItem', op.cache === 'created' ? 'insertIntoLists' : 'replaceInLists'],
      usesItem: true,
      usesKeys: !!(item || list),
      body: `cacheItem(queryClient, ${detail}, ${lists}, item, ${op.cache === 'created' ? 'insertIntoLists' : 'replaceInLists'})`,
      says:
        op.cache === 'created'
          ? 'caches the new item (never its join token) and puts it at the top of the unfiltered lists'
          : 'updates its cached detail (never its join token) and its entries in the lists',
    };
  }
  if (op.invalidates.length > 0) {
    const targets = op.invalidates.map((id) => {
      const read = /** @type {SurfaceOperation} */ (surface.byId.get(id));
      if (read.types.query || read.paginated)
        throw new Error(`${op.operationId}: invalidating ${id}, a read with a query, is not supported`);
      return { read, call: keyCall(/** @type {any} */ (readKeys.get(id)).key, idsOf(read.below)) };
    });
    return {
      needs: [...new Set(targets.flatMap((t) => idsOf(t.read.below)))],
      engines: ['invalidate'],
      usesItem: false,
      usesKeys: true,
      body: `invalidate(queryClient, [${targets.map((t) => t.call).join(', ')}])`,
      says: `refetches ${targets.map((t) => `\`${t.read.hook}\``).join(', ')}`,
    };
  }
  return undefined;
}
