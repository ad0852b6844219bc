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
  /** The exact update of the collection and item the answer is (`cache`). */
  const exact = () => {
    if (!op.cache) return undefined;
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
  };
  /**
   * The reads refetched (`invalidates`): a read without a query by its exact key; a read with a query (a list, any
   * filter or page) by the prefix every such query starts with: a paged list's `…Lists` key, another read's key with
   * no query, `{}`, which TanStack Query matches against every query object.
   */
  const refetch = () => {
    if (op.invalidates.length === 0) return undefined;
    const own = idsOf(op.below);
    const targets = op.invalidates.map((id) => {
      const read = /** @type {SurfaceOperation} */ (surface.byId.get(id));
      const keys = /** @type {any} */ (readKeys.get(id));
      const ids = idsOf(read.below);
      if (ids.some((name) => !own.includes(name))) {
        // the mutation's path does not name the item (a recording started by a body's meeting_id): every item of it
        const above = ids.slice(0, -1);
        if (!keys.collection || above.some((name) => !own.includes(name)))
          throw new Error(`${op.operationId}: invalidates ${id}, whose path IDs (${ids.join(', ')}) its path lacks`);
        return { read, prefix: true, call: keyCall(keys.collection, above), ids: above };
      }
      if (read.paginated) return { read, prefix: true, call: keyCall(keys.lists, ids), ids };
      return { read, prefix: !!read.types.query, call: keyCall(keys.key, ids), ids };
    });
    const exactKeys = targets.filter((t) => !t.prefix).map((t) => t.call);
    const prefixes = targets.filter((t) => t.prefix).map((t) => t.call);
    return {
      needs: [...new Set(targets.flatMap((t) => t.ids))],
      engines: ['invalidate'],
      usesItem: false,
      usesKeys: true,
      body: `invalidate(queryClient, [${exactKeys.join(', ')}]${prefixes.length > 0 ? `, [${prefixes.join(', ')}]` : ''})`,
      says: `refetches ${targets.map((t) => `\`${t.read.hook}\``).join(', ')}`,
    };
  };
  const parts = [exact(), refetch()].filter((part) => part !== undefined);
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return parts[0];
  // both: the answer edits what it is, and the reads it also changed (a recording's meeting's active one) refetch
  return {
    needs: [...new Set(parts.flatMap((p) => p.needs))],
    engines: [...new Set(parts.flatMap((p) => p.engines))],
    usesItem: parts.some((p) => p.usesItem),
    usesKeys: true,
    body: `Promise.all([${parts.map((p) => p.body).join(', ')}])`,
    says: parts.map((p) => p.says).join(', and '),
  };
}
