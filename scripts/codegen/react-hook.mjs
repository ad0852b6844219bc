// @ts-check
/** packages/react/src/generated/use-*.gen.ts: one hook per file, over the query and mutation options. */
import { Imports } from './imports.mjs';
import { cacheUpdate } from './react-cache-update.mjs';
import { mutationShape, mutationsFile, mutationsName } from './react-mutation-options.mjs';
import { CLIENT, ids, optionsName } from './react-names.mjs';
import { queriesFile, queriesName } from './react-query-options.mjs';
import { camel } from './surface.mjs';
import { jsdoc, sentence, TS_HEADER } from './text.mjs';

/** @typedef {import('./surface.mjs').Surface} Surface @typedef {import('./surface.mjs').SurfaceOperation} SurfaceOperation */
/** @typedef {ReturnType<typeof import('./react-query-key.mjs').keyTree>['readKeys']} ReadKeys */

/**
 * The hooks of one read: `useMeeting`, and for a paged list its infinite hook too, as [hook name, file content].
 * @param {SurfaceOperation} op @returns {[string, string][]}
 */
export function queryHooks(op) {
  const idNames = ids(op);
  const idArgs = idNames.map((id) => `${id}: string | undefined`);
  const waits = 'An ID passed as `undefined` (not known yet) makes the query wait rather than fetch.';
  const doc = (/** @type {(string | undefined)[]} */ lines) =>
    jsdoc([...lines, ...(idNames.length > 0 ? [waits] : []), `\`${op.operationId}\`: ${op.method} ${op.below}.`]);
  /** The imports every query hook has: the client, and the read's query options. */
  const common = () => {
    const imports = new Imports();
    imports.value('../use-realtime-kit-client', 'useRealtimeKitClient');
    imports.value(`./${queriesFile(op.resource)}`, queriesName(op.resource));
    if (op.types.query) imports.type(CLIENT, op.types.query);
    return imports;
  };
  const passed = [...idNames.map((id) => `${id} ?? ''`), ...(op.types.query ? ['query'] : [])].join(', ');
  const skip = idNames.length > 0 ? `, ${idNames.map((id) => `${id} === undefined`).join(' || ')}` : '';
  const queryArg = op.types.query ? [`query?: ${op.types.query}`] : [];
  /** @type {[string, string][]} */
  const hooks = [];
  const imports = common();
  const data = op.paginated
    ? `${imports.type(CLIENT, 'Page')}<${imports.type(CLIENT, /** @type {string} */ (op.types.item))}>`
    : imports.type(CLIENT, /** @type {string} */ (op.types.result));
  const options = `options?: ${imports.type('../use-realtime-kit-query', 'QueryHookOptions')}<${data}, TSelected>`;
  const use = imports.value('../use-realtime-kit-query', 'useRealtimeKitQuery');
  hooks.push([
    op.hook,
    `${TS_HEADER}
${imports}

${doc([sentence(op.summary), op.description])}export function ${op.hook}<TSelected = ${data}>(${[...idArgs, ...queryArg, options].join(', ')}) {
  return ${use}(${queriesName(op.resource)}(useRealtimeKitClient()).${optionsName(op.hook)}(${passed}), options${skip});
}
`,
  ]);
  if (op.paginated) {
    const infinite = op.paginated.hook;
    const more = common();
    const page = `${more.type(CLIENT, 'Page')}<${more.type(CLIENT, /** @type {string} */ (op.types.item))}>`;
    const pages = `${more.type('@tanstack/react-query', 'InfiniteData')}<${page}, number>`;
    const hookOptions = more.type('../use-realtime-kit-infinite-query', 'InfiniteHookOptions');
    const useInfinite = more.value('../use-realtime-kit-infinite-query', 'useRealtimeKitInfiniteQuery');
    hooks.push([
      infinite,
      `${TS_HEADER}
${more}

${doc([`${sentence(op.summary)} Page by page (\`page_no\`), for infinite scroll: \`fetchNextPage()\` while \`hasNextPage\`.`])}export function ${infinite}<TSelected = ${pages}>(${[...idArgs, ...queryArg, `options?: ${hookOptions}<${page}, TSelected>`].join(', ')}) {
  return ${useInfinite}(${queriesName(op.resource)}(useRealtimeKitClient()).${optionsName(infinite)}(${passed}), options${skip});
}
`,
    ]);
  }
  return hooks;
}

/**
 * @param {Surface} surface @param {SurfaceOperation} op @param {ReadKeys} readKeys
 * @param {boolean} holdsToken the result carries a join token
 */
export function mutationHook(surface, op, readKeys, holdsToken) {
  const { result, body, pathIds, variables } = mutationShape(op);
  const update = cacheUpdate(surface, op, readKeys);
  const imports = new Imports();
  imports.type(CLIENT, result);
  if (body) imports.type(CLIENT, body);
  imports.type('../use-realtime-kit-mutation', 'MutationHookOptions');
  imports.value('../use-realtime-kit-mutation', 'useRealtimeKitMutation');
  imports.value(`./${mutationsFile(op.resource)}`, mutationsName(op.resource));
  let updateExpr = 'undefined';
  if (update) {
    for (const engine of update.engines) imports.value('../cache', engine);
    if (update.usesKeys) imports.value('./keys.gen', 'realtimeKitKeys as keys');
    // the variables the update reads: path IDs, and fields of the body (`{ meeting_id: meetingId }`)
    const fromBody = update.fromBody.map((name) => `${name}: ${camel(name)}`).join(', ');
    const entries = [
      ...(pathIds.length === 0 ? [] : update.needs),
      ...(fromBody ? [pathIds.length === 0 ? fromBody : `body: { ${fromBody} }`] : []),
    ];
    const vars = entries.length === 0 ? '_variables' : `{ ${entries.join(', ')} }`;
    updateExpr = `(queryClient, scope, ${update.usesItem ? 'item' : '_data'}, ${vars}) =>\n      ${update.body}`;
  }
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
${imports}

${doc}export function ${op.hook}(options?: MutationHookOptions<${result}, ${variables}>) {
  return useRealtimeKitMutation<${result}, ${variables}>(
    (client) => ${mutationsName(op.resource)}(client).${optionsName(op.hook)}(),
    ${updateExpr},
    options,${holdsToken ? '\n    true, // the result holds a join token: out of the mutation cache once unmounted' : ''}
  );
}
`;
}
