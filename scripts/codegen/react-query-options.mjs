// @ts-check
/**
 * packages/react/src/generated/<resource>-queries.gen.ts: the query options of one resource's reads
 * (`meetingsQueries(client)`), and queries.gen.ts, which assembles them into `realtimeKitQueries(client)`.
 */
import { Imports } from './imports.mjs';
import { CLIENT, ids, optionsName } from './react-names.mjs';
import { jsdoc, kebab, sentence, TS_HEADER } from './text.mjs';

/** @typedef {import('./surface.mjs').Surface} Surface @typedef {import('./surface.mjs').SurfaceOperation} SurfaceOperation */
/** @typedef {ReturnType<typeof import('./react-query-key.mjs').keyTree>['readKeys']} ReadKeys */

/** `meetings` -> `meetingsQueries`, and its file. */
export const queriesName = (/** @type {string} */ resource) => `${resource}Queries`;
export const queriesFile = (/** @type {string} */ resource) => `${kebab(resource)}-queries.gen`;

/**
 * The query options of one resource's reads.
 * @param {string} resource @param {SurfaceOperation[]} reads @param {ReadKeys} readKeys
 */
export function resourceQueriesModule(resource, reads, readKeys) {
  const imports = new Imports();
  const clientType = imports.type(CLIENT, 'RealtimeKitClient');
  imports.value('./keys.gen', 'realtimeKitKeys as keys');
  const entries = [];
  imports.value('../query-options', 'query');
  for (const op of reads) {
    const keys = /** @type {{ key: string, lists?: string, infinite?: string }} */ (readKeys.get(op.operationId));
    const idArgs = ids(op);
    const q = op.types.query ? 'q' : undefined;
    const args = [...idArgs.map((id) => `${id}: string`), ...(q ? [`q?: ${op.types.query}`] : [])].join(', ');
    const keyArgs = ['client.scope', ...idArgs, ...(q ? [q] : [])].join(', ');
    const callArgs = [...idArgs, ...(q ? [q] : []), '{ signal }'].join(', ');
    const client = `client.${op.resource}.${op.name}`;
    if (op.types.query) imports.type(CLIENT, op.types.query);
    const doc = jsdoc([`${sentence(op.summary)} \`${op.operationId}\`.`], [], '    ');
    if (op.paginated) {
      const item = /** @type {string} */ (op.types.item);
      imports.type(CLIENT, item);
      imports.type(CLIENT, 'Page');
      imports.value('../query-options', 'infiniteQuery');
      entries.push(
        `${doc}    ${optionsName(op.hook)}: (${args}) =>\n      query<Page<${item}>>(keys.${keys.key}(${keyArgs}), (signal) => ${client}(${callArgs})),`,
      );
      const pageArgs = [...idArgs, '{ ...q, page_no }', '{ signal }'].join(', ');
      entries.push(
        `${jsdoc([`${sentence(op.summary)} Page by page, for infinite scroll.`], [], '    ')}    ${optionsName(/** @type {{ hook: string }} */ (op.paginated).hook)}: (${args}) =>\n      infiniteQuery<${item}>(keys.${keys.infinite}(${keyArgs}), q?.page_no, (page_no, signal) => ${client}(${pageArgs})),`,
      );
    } else {
      const result = /** @type {string} */ (op.types.result);
      imports.type(CLIENT, result);
      entries.push(
        `${doc}    ${optionsName(op.hook)}: (${args}) =>\n      query<${result}>(keys.${keys.key}(${keyArgs}), (signal) => ${client}(${callArgs})),`,
      );
    }
  }
  return `${TS_HEADER}
${imports}

/** \`queryOptions\` for the reads of \`rtk.${resource}\`, part of \`realtimeKitQueries(client)\`. */
export const ${queriesName(resource)} = (client: ${clientType}) => ({
${entries.join('\n')}
});
`;
}

/**
 * queries.gen.ts: every resource's query options in one object.
 * @param {string[]} resources the resources that have reads, in spec order
 */
export function queriesIndexModule(resources) {
  const imports = new Imports();
  const clientType = imports.type(CLIENT, 'RealtimeKitClient');
  for (const r of resources) imports.value(`./${queriesFile(r)}`, queriesName(r));
  return `${TS_HEADER}
${imports}

/**
 * \`queryOptions\` for every read, in the TanStack v5 idiom: pass them to \`useQuery\`, \`useSuspenseQuery\`,
 * \`prefetchQuery\` on a server, or your own hooks. \`realtimeKitQueries(client).meeting(id)\`.
 */
export const realtimeKitQueries = (client: ${clientType}) => ({
${resources.map((r) => `  ...${queriesName(r)}(client),`).join('\n')}
});
`;
}
