// @ts-check
/**
 * packages/react/src/generated: the query keys (hierarchical, from the paths), the query options of every read,
 * one hook per file, and each mutation's cache update, from `cache` and `invalidates` in spec/sdk.yaml.
 */
import { dataSchema } from './emit-core.mjs';
import { flatten } from './schema.mjs';
import { camel, pascal, singular } from './surface.mjs';
import { jsdoc, sentence, TS_HEADER } from './text.mjs';

/** @typedef {import('./surface.mjs').Surface} Surface @typedef {import('./surface.mjs').SurfaceOperation} SurfaceOperation */

const kebab = (/** @type {string} */ name) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
/** useMeetings -> meetings: a read's query options and, for a leaf read, its query key. */
const optionsName = (/** @type {string} */ hook) => hook.slice(3, 4).toLowerCase() + hook.slice(4);
const ids = (/** @type {SurfaceOperation} */ op) => op.pathParams.map((p) => camel(p.name));

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
function keysModule(fns, mutationIds) {
  const queries = new Set([...fns.values()].map((f) => f.query).filter(Boolean));
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
${queries.size ? `import type { ${[...queries].sort().join(', ')} } from '@realtimekit-meetings/client';\n` : ''}
${defs.join('\n')}
${mutationKeys}

/**
 * Hierarchical query keys, scoped by where the data lives (\`client.scope\`: account and app, or the proxy), so
 * that invalidating a level reaches everything below it and nothing beside it; and the mutations' keys.
 */
export const realtimeKitKeys = { ${[...fns.keys(), 'mutations', 'mutation'].join(', ')} };
`;
}

/** @param {Surface} surface @param {ReturnType<typeof keyTree>['readKeys']} readKeys */
function queriesModule(surface, readKeys) {
  const types = new Set(['RealtimeKitClient']);
  const entries = [];
  for (const op of surface.operations.filter((o) => o.read)) {
    const keys = /** @type {{ key: string, lists?: string, infinite?: string }} */ (readKeys.get(op.operationId));
    const idArgs = ids(op);
    const q = op.types.query ? 'q' : undefined;
    const args = [...idArgs.map((id) => `${id}: string`), ...(q ? [`q?: ${op.types.query}`] : [])].join(', ');
    const keyArgs = ['scope', ...idArgs, ...(q ? [q] : [])].join(', ');
    const callArgs = [...idArgs, ...(q ? [q] : []), '{ signal }'].join(', ');
    const client = `client.${op.resource}.${op.name}`;
    if (op.types.query) types.add(op.types.query);
    const doc = jsdoc([`${sentence(op.summary)} \`${op.operationId}\`.`], [], '    ');
    if (op.paginated) {
      const item = /** @type {string} */ (op.types.item);
      types.add(item);
      types.add('Page');
      entries.push(
        `${doc}    ${optionsName(op.hook)}: (${args}) =>\n      query<Page<${item}>>(keys.${keys.key}(${keyArgs}), (signal) => ${client}(${callArgs})),`,
      );
      const pageArgs = [...idArgs, '{ ...q, page_no }', '{ signal }'].join(', ');
      entries.push(
        `${jsdoc([`${sentence(op.summary)} Page by page, for infinite scroll.`], [], '    ')}    ${optionsName(/** @type {{ hook: string }} */ (op.paginated).hook)}: (${args}) =>\n      infiniteQuery<${item}>(keys.${keys.infinite}(${keyArgs}), q?.page_no, (page_no, signal) => ${client}(${pageArgs})),`,
      );
    } else {
      const result = /** @type {string} */ (op.types.result);
      types.add(result);
      entries.push(
        `${doc}    ${optionsName(op.hook)}: (${args}) =>\n      query<${result}>(keys.${keys.key}(${keyArgs}), (signal) => ${client}(${callArgs})),`,
      );
    }
  }
  return `${TS_HEADER}
import type { ${[...types].sort().join(', ')} } from '@realtimekit-meetings/client';
import { infiniteQuery, query } from '../query-options';
import { realtimeKitKeys as keys } from './keys.gen';

/**
 * \`queryOptions\` for every read, in the TanStack v5 idiom: pass them to \`useQuery\`, \`useSuspenseQuery\`,
 * \`prefetchQuery\` on a server, or your own hooks. \`realtimeKitQueries(client).meeting(id)\`.
 */
export function realtimeKitQueries(client: RealtimeKitClient) {
  const { scope } = client;
  return {
${entries.join('\n')}
  };
}
`;
}

/** @param {SurfaceOperation} op */
function queryHooks(op) {
  const idNames = ids(op);
  const idArgs = idNames.map((id) => `${id}: string | undefined`);
  const waits = 'An ID passed as `undefined` (not known yet) makes the query wait rather than fetch.';
  const doc = (/** @type {string[]} */ lines) =>
    jsdoc([...lines, ...(idNames.length > 0 ? [waits] : []), `\`${op.operationId}\`: ${op.method} ${op.below}.`]);
  const imports = (/** @type {string[]} */ types, /** @type {string} */ tanstack, /** @type {string} */ base) =>
    `${TS_HEADER}\nimport type { ${types.sort().join(', ')} } from '@realtimekit-meetings/client';\n${tanstack}import { useRealtimeKitClient } from '../use-realtime-kit-client';\n${base}import { realtimeKitQueries } from './queries.gen';\n\n`;
  const passed = [...idNames.map((id) => `${id} ?? ''`), ...(op.types.query ? ['query'] : [])].join(', ');
  const skip = idNames.length > 0 ? `, ${idNames.map((id) => `${id} === undefined`).join(' || ')}` : '';
  const hooks = [];
  const single = (
    /** @type {string} */ hook,
    /** @type {string} */ data,
    /** @type {string[]} */ types,
    /** @type {string[]} */ lines,
  ) => [
    hook,
    `${imports(types, '', "import { type QueryHookOptions, useRealtimeKitQuery } from '../use-realtime-kit-query';\n")}${doc(lines)}export function ${hook}<TSelected = ${data}>(${[
      ...idArgs,
      ...(op.types.query ? [`query?: ${op.types.query}`] : []),
      `options?: QueryHookOptions<${data}, TSelected>`,
    ].join(', ')}) {
  return useRealtimeKitQuery(realtimeKitQueries(useRealtimeKitClient()).${optionsName(hook)}(${passed}), options${skip});
}
`,
  ];
  if (op.paginated) {
    const item = /** @type {string} */ (op.types.item);
    const query = /** @type {string} */ (op.types.query);
    hooks.push(single(op.hook, `Page<${item}>`, [item, 'Page', query], [sentence(op.summary), op.description]));
    const infinite = /** @type {{ hook: string }} */ (op.paginated).hook;
    hooks.push([
      infinite,
      `${imports([item, 'Page', query], "import type { InfiniteData } from '@tanstack/react-query';\n", "import { type InfiniteHookOptions, useRealtimeKitInfiniteQuery } from '../use-realtime-kit-infinite-query';\n")}${doc([`${sentence(op.summary)} Page by page (\`page_no\`), for infinite scroll: \`fetchNextPage()\` while \`hasNextPage\`.`])}export function ${infinite}<TSelected = InfiniteData<Page<${item}>, number>>(${[
        ...idArgs,
        `query?: ${query}`,
        `options?: InfiniteHookOptions<Page<${item}>, TSelected>`,
      ].join(', ')}) {
  return useRealtimeKitInfiniteQuery(realtimeKitQueries(useRealtimeKitClient()).${optionsName(infinite)}(${passed}), options${skip});
}
`,
    ]);
  } else {
    const result = /** @type {string} */ (op.types.result);
    hooks.push(
      single(
        op.hook,
        result,
        [result, ...(op.types.query ? [op.types.query] : [])],
        [sentence(op.summary), op.description],
      ),
    );
  }
  return hooks;
}

/**
 * packages/react/src/generated/mutations.gen.ts: the mutation options of every change, in the TanStack v5 idiom,
 * each with its key. The hooks build on them; an app can too (`useMutation`, `setMutationDefaults`).
 * @param {Surface} surface
 */
function mutationsModule(surface) {
  const types = new Set(['RealtimeKitClient']);
  const entries = [];
  for (const op of surface.operations.filter((o) => !o.read)) {
    const { variables, destructured, callArgs, result, body } = mutationShape(op);
    types.add(result);
    if (body) types.add(body);
    const fn = destructured ? `(${destructured}: ${variables})` : '()';
    entries.push(
      `${jsdoc([`${sentence(op.summary)} \`${op.operationId}\`.`], [], '    ')}    ${optionsName(op.hook)}: () =>\n      mutation<${result}, ${variables}>(keys.mutation(scope, '${op.operationId}'), ${fn} => client.${op.resource}.${op.name}(${callArgs})),`,
    );
  }
  return `${TS_HEADER}
import type { ${[...types].sort().join(', ')} } from '@realtimekit-meetings/client';
import { mutation } from '../query-options';
import { realtimeKitKeys as keys } from './keys.gen';

/**
 * \`mutationOptions\` for every change, in the TanStack v5 idiom: each with its key
 * (\`realtimeKitKeys.mutation(scope, operationId)\`) and its function, for \`useMutation\`, \`setMutationDefaults\`
 * or \`useMutationState\`. They do not touch the cache: the hooks (\`useCreateMeeting\`...) add that.
 */
export function realtimeKitMutations(client: RealtimeKitClient) {
  const { scope } = client;
  return {
${entries.join('\n')}
  };
}
`;
}

/** A mutation's variables, as its hook and its mutation options take them. @param {SurfaceOperation} op */
function mutationShape(op) {
  const result = /** @type {string} */ (op.types.result);
  const body = op.hasBody ? /** @type {string} */ (op.types.body) : undefined;
  const pathIds = ids(op);
  const variables =
    pathIds.length === 0
      ? (body ?? 'void')
      : `{ ${[...pathIds.map((id) => `${id}: string`), ...(body ? [`body: ${body}`] : [])].join('; ')} }`;
  const destructured =
    pathIds.length === 0 ? (body ? 'body' : '') : `{ ${[...pathIds, ...(body ? ['body'] : [])].join(', ')} }`;
  const callArgs = [...pathIds, ...(body ? ['body'] : [])].join(', ');
  return { result, body, pathIds, variables, destructured, callArgs };
}

/**
 * The cache update of a mutation, as an expression, and what it says in the hook's doc.
 * @param {Surface} surface @param {SurfaceOperation} op @param {ReturnType<typeof keyTree>['readKeys']} readKeys
 */
function cacheUpdate(surface, op, readKeys) {
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
        engine: 'removeItem',
        body: `removeItem(queryClient, ${detail}, ${lists}, ${id})`,
        says: 'drops its detail and takes it out of the lists it was in',
      };
    }
    return {
      needs,
      engine: `cacheItem, ${op.cache === 'created' ? 'insertIntoLists' : 'replaceInLists'}`,
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
      engine: 'invalidate',
      body: `invalidate(queryClient, [${targets.map((t) => t.call).join(', ')}])`,
      says: `refetches ${targets.map((t) => `\`${t.read.hook}\``).join(', ')}`,
    };
  }
  return undefined;
}

/**
 * @param {Surface} surface @param {SurfaceOperation} op @param {ReturnType<typeof keyTree>['readKeys']} readKeys
 * @param {boolean} holdsToken the result carries a join token
 */
function mutationHook(surface, op, readKeys, holdsToken) {
  const { result, body, pathIds, variables } = mutationShape(op);
  const update = cacheUpdate(surface, op, readKeys);
  let updateExpr = 'undefined';
  if (update) {
    const vars = pathIds.length === 0 || update.needs.length === 0 ? '_variables' : `{ ${update.needs.join(', ')} }`;
    const item = update.body.includes('item') ? 'item' : '_data';
    updateExpr = `(queryClient, scope, ${item}, ${vars}) =>\n      ${update.body}`;
  }
  const types = [result, ...(body ? [body] : [])];
  const doc = jsdoc([
    sentence(op.summary),
    op.description,
    update
      ? `On success it ${update.says} (\`cacheUpdate: false\` leaves the cache to you).`
      : 'No cached query holds what it changes, so none is touched.',
    `Its mutation key is \`realtimeKitKeys.mutation(scope, '${op.operationId}')\`.`,
    `\`${op.operationId}\`: ${op.method} ${op.below}.`,
  ]);
  return `${TS_HEADER}
import type { ${types.sort().join(', ')} } from '@realtimekit-meetings/client';
${update ? `import { ${update.engine} } from '../cache';\n` : ''}import { type MutationHookOptions, useRealtimeKitMutation } from '../use-realtime-kit-mutation';
${update?.body.includes('keys.') ? "import { realtimeKitKeys as keys } from './keys.gen';\n" : ''}import { realtimeKitMutations } from './mutations.gen';

${doc}export function ${op.hook}(options?: MutationHookOptions<${result}, ${variables}>) {
  return useRealtimeKitMutation<${result}, ${variables}>(
    (client) => realtimeKitMutations(client).${optionsName(op.hook)}(),
    ${updateExpr},
    options,${holdsToken ? '\n    true, // the result holds a join token: out of the mutation cache once unmounted' : ''}
  );
}
`;
}

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
    ['queries.gen.ts', queriesModule(surface, readKeys)],
    ['mutations.gen.ts', mutationsModule(surface)],
  ]);
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
