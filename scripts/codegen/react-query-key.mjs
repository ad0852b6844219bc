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
  /** @type {Map<string, { key: string, lists?: string, infinite?: string }>} */
  const readKeys = new Map();
  const call = (/** @type {string} */ name, /** @type {string[]} */ params, query = '') =>
    `${name}(${['scope', ...params, ...(query ? [query] : [])].join(', ')})`;
  const define = (
    /** @type {string} */ name,
    /** @type {{ params: string[], query?: string, body: string, doc: string }} */ fn,
  ) => {
    const earlier = fns.get(name);
    if (earlier && earlier.body !== fn.body)
      throw new Error(`query key ${name} would mean two things: ${earlier.body} and ${fn.body}`);
    if (!earlier) fns.set(name, fn);
  };
  for (const op of surface.operations.filter((o) => o.read)) {
    const segments = op.below.split('/').filter(Boolean);
    let parent = 'all';
    /** @type {string[]} */
    let params = [];
    /** @type {string[]} */
    let extra = [];
    /** @type {{ key: string, lists?: string, infinite?: string } | undefined} */
    let keys;
    segments.forEach((segment, i) => {
      if (segment.startsWith('{')) return;
      const next = segments[i + 1];
      const prefix = (/** @type {string} */ name) =>
        `...${call(parent, params)}, ${[...extra, name].map((s) => `'${s}'`).join(', ')}`;
      if (next?.startsWith('{')) {
        const collection = camel(segment);
        const item = singular(collection);
        const id = camel(next.slice(1, -1));
        define(collection, {
          params,
          body: `[${prefix(segment)}]`,
          doc: `Every ${singular(segment)} query, lists and details.`,
        });
        define(item, {
          params: [...params, id],
          body: `[...${call(collection, params)}, 'detail', ${id}]`,
          doc: `One ${item} and everything below it.`,
        });
        parent = item;
        params = [...params, id];
        extra = [];
        if (i + 1 === segments.length - 1) keys = { key: item };
      } else if (i === segments.length - 1 && op.paginated) {
        const collection = camel(segment);
        const one = singular(collection);
        const query = /** @type {string} */ (op.types.query);
        define(collection, { params, body: `[${prefix(segment)}]`, doc: `Every ${one} query, lists and details.` });
        define(`${one}Lists`, {
          params,
          body: `[...${call(collection, params)}, 'list']`,
          doc: `Every list of ${collection}, plain or infinite.`,
        });
        define(`${one}List`, {
          params,
          query,
          body: `[...${call(`${one}Lists`, params)}, query]`,
          doc: `One page of ${collection}.`,
        });
        define(`infinite${pascal(one)}List`, {
          params,
          query,
          body: `[...${call(`${one}Lists`, params)}, 'infinite', query]`,
          doc: `The infinite list of ${collection}.`,
        });
        keys = { key: `${one}List`, lists: `${one}Lists`, infinite: `infinite${pascal(one)}List` };
      } else if (i === segments.length - 1) {
        const name = optionsName(op.hook);
        const body = op.types.query ? `[${prefix(segment)}, query]` : `[${prefix(segment)}]`;
        define(name, { params, query: op.types.query, body, doc: sentence(op.summary) });
        keys = { key: name };
      } else extra.push(segment);
    });
    if (!keys) throw new Error(`${op.operationId}: no query key can be derived from ${op.below}`);
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
