// @ts-check
/**
 * packages/react/src/generated/<resource>-mutations.gen.ts: the mutation options of one resource's changes
 * (`meetingsMutations(client)`), and mutations.gen.ts, which assembles them into `realtimeKitMutations(client)`.
 */
import { Imports } from './imports.mjs';
import { CLIENT, ids, optionsName } from './react-names.mjs';
import { jsdoc, kebab, sentence, TS_HEADER } from './text.mjs';

/** @typedef {import('./surface.mjs').Surface} Surface @typedef {import('./surface.mjs').SurfaceOperation} SurfaceOperation */

/** `meetings` -> `meetingsMutations`, and its file. */
export const mutationsName = (/** @type {string} */ resource) => `${resource}Mutations`;
export const mutationsFile = (/** @type {string} */ resource) => `${kebab(resource)}-mutations.gen`;

/**
 * The mutation options of one resource's changes, each with its key.
 * @param {string} resource @param {SurfaceOperation[]} changes
 */
export function resourceMutationsModule(resource, changes) {
  const imports = new Imports();
  const clientType = imports.type(CLIENT, 'RealtimeKitClient');
  const entries = [];
  for (const op of changes) {
    const { variables, destructured, callArgs, result, body } = mutationShape(op);
    imports.type(CLIENT, result);
    if (body) imports.type(CLIENT, body);
    imports.value('../query-options', 'mutation');
    imports.value('./keys.gen', 'realtimeKitKeys as keys');
    const fn = destructured ? `(${destructured}: ${variables})` : '()';
    entries.push(
      `${jsdoc([`${sentence(op.summary)} \`${op.operationId}\`.`], [], '    ')}    ${optionsName(op.hook)}: () =>\n      mutation<${result}, ${variables}>(keys.mutation(client.scope, '${op.operationId}'), ${fn} => client.${op.resource}.${op.name}(${callArgs})),`,
    );
  }
  return `${TS_HEADER}
${imports}

/** \`mutationOptions\` for the changes of \`rtk.${resource}\`, part of \`realtimeKitMutations(client)\`. */
export const ${mutationsName(resource)} = (client: ${clientType}) => ({
${entries.join('\n')}
});
`;
}

/**
 * mutations.gen.ts: every resource's mutation options in one object.
 * @param {string[]} resources the resources that have changes, in spec order
 */
export function mutationsIndexModule(resources) {
  const imports = new Imports();
  const clientType = imports.type(CLIENT, 'RealtimeKitClient');
  for (const r of resources) imports.value(`./${mutationsFile(r)}`, mutationsName(r));
  return `${TS_HEADER}
${imports}

/**
 * \`mutationOptions\` for every change, in the TanStack v5 idiom: each with its key
 * (\`realtimeKitKeys.mutation(scope, operationId)\`) and its function, for \`useMutation\`, \`setMutationDefaults\`
 * or \`useMutationState\`. They do not touch the cache: the hooks (\`useCreateMeeting\`...) add that.
 */
export const realtimeKitMutations = (client: ${clientType}) => ({
${resources.map((r) => `  ...${mutationsName(r)}(client),`).join('\n')}
});
`;
}

/** A mutation's variables, as its hook and its mutation options take them. @param {SurfaceOperation} op */
export function mutationShape(op) {
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
