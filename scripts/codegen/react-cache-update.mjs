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
        fromBody: /** @type {string[]} */ ([]),
        engines: ['removeItem'],
        usesItem: false,
        usesKeys: !!(item || list),
        body: `removeItem(queryClient, ${detail}, ${lists}, ${id})`,
        says: 'drops its detail and takes it out of the lists it was in',
      };
    }
    return {
      needs,
      fromBody: /** @type {string[]} */ ([]),
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
    // where each target's IDs come from was decided with the surface (surface.mjs, idsFrom), which refuses the rest
    const targets = op.refetches.map(({ operationId: id, from }) => {
      const read = /** @type {SurfaceOperation} */ (surface.byId.get(id));
      const keys = /** @type {any} */ (readKeys.get(id));
      const ids = idsOf(read.below);
      if (from === 'path' || from === 'body') {
        // the body's fields read (snake_case), destructured under their camelCase name
        const body =
          from === 'body' ? read.pathParams.map((p) => p.name).filter((name) => !own.includes(camel(name))) : [];
        const needs = ids.filter((name) => own.includes(name));
        if (read.paginated) return { read, kind: 'prefix', call: keyCall(keys.lists, ids), ids: needs, body };
        return { read, kind: read.types.query ? 'prefix' : 'exact', call: keyCall(keys.key, ids), ids: needs, body };
      }
      // an item of the mutation's own resource whose ID neither gives: the cached ones that are its item, or all
      const above = ids.slice(0, -1);
      const item = /** @type {string} */ (own.at(-1));
      if (from === 'holding') {
        const call = `invalidateHolding(queryClient, ${keyCall(keys.collection, above)}, ${item})`;
        return { read, kind: 'holding', call, ids: [...above, item], body: [] };
      }
      return { read, kind: 'prefix', call: keyCall(keys.collection, above), ids: above, body: [] };
    });
    const of = (/** @type {string} */ kind) => targets.filter((t) => t.kind === kind).map((t) => t.call);
    const [exactKeys, prefixes, holding] = [of('exact'), of('prefix'), of('holding')];
    const calls = [
      ...(exactKeys.length + prefixes.length > 0
        ? [
            `invalidate(queryClient, [${exactKeys.join(', ')}]${prefixes.length > 0 ? `, [${prefixes.join(', ')}]` : ''})`,
          ]
        : []),
      ...holding,
    ];
    return {
      needs: [...new Set(targets.flatMap((t) => t.ids))],
      fromBody: [...new Set(targets.flatMap((t) => t.body))],
      engines: [
        ...(exactKeys.length + prefixes.length > 0 ? ['invalidate'] : []),
        ...(holding.length > 0 ? ['invalidateHolding'] : []),
      ],
      usesItem: false,
      usesKeys: true,
      body: calls.length === 1 ? /** @type {string} */ (calls[0]) : `Promise.all([${calls.join(', ')}])`,
      says: `refetches ${targets.map((t) => `\`${t.read.hook}\``).join(', ')}`,
    };
  };
  const parts = [exact(), refetch()].filter((part) => part !== undefined);
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return parts[0];
  // both: the answer edits what it is, and the reads it also changed (a recording's meeting's active one) refetch
  return {
    needs: [...new Set(parts.flatMap((p) => p.needs))],
    fromBody: [...new Set(parts.flatMap((p) => p.fromBody))],
    engines: [...new Set(parts.flatMap((p) => p.engines))],
    usesItem: parts.some((p) => p.usesItem),
    usesKeys: true,
    body: `Promise.all([${parts.map((p) => p.body).join(', ')}])`,
    says: parts.map((p) => p.says).join(', and '),
  };
}
