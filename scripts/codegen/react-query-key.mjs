// @ts-check
/** packages/react/src/generated/keys.gen.ts: the query keys, hierarchical, from the read operations' paths. */
import { Imports } from './imports.mjs';
import { CLIENT, optionsName } from './react-names.mjs';
import { camel, pascal, singular } from './surface.mjs';
import { jsdoc, sentence, TS_HEADER } from './text.mjs';

/** @typedef {import('./surface.mjs').Surface} Surface @typedef {import('./surface.mjs').SurfaceOperation} SurfaceOperation */

/**
 * The query-key functions, from the read operations' paths: `/meetings/{meeting_id}/participants` gives
 * `meetings`, `meeting(meetingId)`, `participants(meetingId)`, `participantLists`, `participantList` and
 * `infiniteParticipantList`. Each read learns which function keys it.
 * @param {Surface} surface
 */
export function keyTree(surface) {
  /** @type {Map<string, { params: string[], query?: string, body: string, doc: string }>} */
  const fns = new Map([
    ['all', { params: [], body: "['realtimekit', scope]", doc: 'Everything this package caches for one scope.' }],
  ]);
  /** @type {Map<string, { key: string, lists?: string, infinite?: string, collection?: string }>} */
  const readKeys = new Map();
  const call = (/** @type {string} */ name, /** @type {string[]} */ params, query = '') =>
    `${name}(${['scope', ...params, ...(query ? [query] : [])].join(', ')})`;
  /**
   * Defines a key function and returns the name it got: `name`, or, when that already means another key (the
   * session's `participants` beside the meeting's), `name` after what it sits in (`sessionParticipants`).
   */
  const define = (
    /** @type {string} */ name,
    /** @type {{ params: string[], query?: string, body: string, doc: string }} */ fn,
    /** @type {string | undefined} */ within,
  ) => {
    for (const candidate of [name, ...(within ? [`${within}${pascal(name)}`] : [])]) {
      const earlier = fns.get(candidate);
      if (!earlier) fns.set(candidate, fn);
      if (!earlier || earlier.body === fn.body) return candidate;
    }
    throw new Error(`query key ${name} would mean two things: ${fns.get(name)?.body} and ${fn.body}`);
  };
  /** Whether another read lists or gets items below `below` (`/livestreams` beside `/livestreams/{livestream_id}`). */
  const hasItems = (/** @type {string} */ below) =>
    surface.operations.some((o) => o.read && o.below.startsWith(`${below}/{`));
  // shallower paths first, so that a name goes to the resource at the top (`sessions`), and a namesake deeper down
  // (`/livestreams/sessions/{…}`) is the one named after what it sits in, whatever the order of the paths
  const depth = (/** @type {SurfaceOperation} */ o) => o.below.split('/').length;
  const reads = surface.operations.filter((o) => o.read);
  for (const op of [...reads].sort((a, b) => depth(a) - depth(b))) {
    const segments = op.below.split('/').filter(Boolean);
    let parent = 'all';
    /** @type {string[]} */
    let params = [];
    /** @type {string[]} */
    let extra = [];
    /** @type {{ key: string, lists?: string, infinite?: string, collection?: string } | undefined} */
    let keys;
    segments.forEach((segment, i) => {
      if (segment.startsWith('{')) return;
      const next = segments[i + 1];
      const prefix = (/** @type {string} */ name) =>
        `...${call(parent, params)}, ${[...extra, name].map((s) => `'${s}'`).join(', ')}`;
      // what a key sits in, to tell it from a namesake elsewhere: the item above it, or the segment before it
      const within =
        parent !== 'all'
          ? parent
          : extra.length > 0
            ? singular(camel(/** @type {string} */ (extra.at(-1))))
            : undefined;
      if (next?.startsWith('{')) {
        const collection = define(
          camel(segment),
          { params, body: `[${prefix(segment)}]`, doc: `Every ${singular(segment)} query, lists and details.` },
          within,
        );
        const id = camel(next.slice(1, -1));
        // a segment that is not a plural (`active-recording/{meeting_id}`) names its item `…Of`
        const one = singular(collection) === collection ? `${collection}Of` : singular(collection);
        const item = define(
          one,
          {
            params: [...params, id],
            body: `[...${call(collection, params)}, 'detail', ${id}]`,
            doc: `One ${one} and everything below it.`,
          },
          within,
        );
        parent = item;
        params = [...params, id];
        extra = [];
        // the collection too: a mutation without the item's ID refetches every item of it
        if (i + 1 === segments.length - 1) keys = { key: item, collection };
      } else if (i === segments.length - 1 && op.paginated) {
        const collection = define(
          camel(segment),
          { params, body: `[${prefix(segment)}]`, doc: `Every ${singular(segment)} query, lists and details.` },
          within,
        );
        const one = singular(collection);
        const query = /** @type {string} */ (op.types.query);
        const lists = define(
          `${one}Lists`,
          {
            params,
            body: `[...${call(collection, params)}, 'list']`,
            doc: `Every list of ${collection}, plain or infinite.`,
          },
          within,
        );
        const list = define(
          `${one}List`,
          { params, query, body: `[...${call(lists, params)}, query]`, doc: `One page of ${collection}.` },
          within,
        );
        const infinite = define(
          `infinite${pascal(one)}List`,
          {
            params,
            query,
            body: `[...${call(lists, params)}, 'infinite', query]`,
            doc: `The infinite list of ${collection}.`,
          },
          within,
        );
        keys = { key: list, lists, infinite };
      } else if (i === segments.length - 1 && hasItems(op.below)) {
        // a list without paging beside its items: under the same collection key, so invalidating it reaches both
        const collection = define(
          camel(segment),
          { params, body: `[${prefix(segment)}]`, doc: `Every ${singular(segment)} query, lists and details.` },
          within,
        );
        const query = op.types.query;
        const list = define(
          `${singular(collection)}List`,
          {
            params,
            query,
            body: `[...${call(collection, params)}, 'list'${query ? ', query' : ''}]`,
            doc: sentence(op.summary),
          },
          within,
        );
        keys = { key: list };
      } else if (i === segments.length - 1) {
        const name = optionsName(op.hook);
        const body = op.types.query ? `[${prefix(segment)}, query]` : `[${prefix(segment)}]`;
        keys = { key: define(name, { params, query: op.types.query, body, doc: sentence(op.summary) }, within) };
      } else extra.push(segment);
    });
    if (!keys) throw new Error(`${op.operationId}: no query key can be derived from ${op.below}`);
    if (op.types.query && segments.at(-1)?.startsWith('{')) {
      // an item read with a query (`sessions.get(id, { include_breakout_rooms })`): the query below the item's key
      const item = keys.key;
      keys = {
        key: define(
          `${item}Details`,
          {
            params,
            query: op.types.query,
            body: `[...${call(item, params)}, query]`,
            doc: `One ${item}, read with a query.`,
          },
          undefined,
        ),
      };
    }
    readKeys.set(op.operationId, keys);
  }
  return { fns, readKeys };
}

/** @param {ReturnType<typeof keyTree>['fns']} fns @param {string[]} mutationIds */
export function keysModule(fns, mutationIds) {
  const imports = new Imports();
  for (const fn of fns.values()) if (fn.query) imports.type(CLIENT, fn.query);
  const defs = [...fns].map(([name, fn]) => {
    const args = [
      'scope: string',
      ...fn.params.map((p) => `${p}: string`),
      ...(fn.query ? [`query: ${fn.query} = {}`] : []),
    ];
    return `${jsdoc([fn.doc])}const ${name} = (${args.join(', ')}) => ${fn.body} as const;`;
  });
  const mutationKeys = `/** The operations a mutation hook calls, by operationId. */
export type RealtimeKitMutationId = ${mutationIds.map((id) => `'${id}'`).join(' | ')};
${jsdoc(['Every mutation of this package, for one scope.'])}const mutations = (scope: string) => [...all(scope), 'mutation'] as const;
${jsdoc(["One operation's mutations, the key its hook and its mutation options carry: for `useMutationState` and `setMutationDefaults`."])}const mutation = (scope: string, operationId: RealtimeKitMutationId) => [...mutations(scope), operationId] as const;`;
  return `${TS_HEADER}
${imports}

${defs.join('\n')}
${mutationKeys}

/**
 * Hierarchical query keys, scoped by where the data lives (\`client.scope\`: account and app, or the proxy), so
 * that invalidating a level reaches everything below it and nothing beside it; and the mutations' keys.
 */
export const realtimeKitKeys = { ${[...fns.keys(), 'mutations', 'mutation'].join(', ')} };
`;
}
