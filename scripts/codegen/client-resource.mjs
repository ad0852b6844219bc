// @ts-check
/**
 * packages/client/src/generated/<resource>.gen.ts: one class per resource, one typed method per operation. Each
 * method shows its operation, verb and path at the call, `this.client.call('get_meeting', 'GET',
 * '/meetings/{meeting_id}', { params })`, over ApiClient (packages/client/src/internal/api-client.ts), which types
 * the input and answer by the operationId and refuses a verb or path that is not the operation's. Since the call
 * carries all of it, the pipeline needs no table of operations at run time: a bundle carries only the routes of the
 * resources it uses.
 */
import { resourceClientsModule } from './client-resource-clients.mjs';
import { Imports } from './imports.mjs';
import { camel, pascal } from './surface.mjs';
import { jsdoc, kebab, sentence, TS_HEADER } from './text.mjs';

/** @typedef {import('./surface.mjs').Surface} Surface @typedef {import('./surface.mjs').SurfaceOperation} SurfaceOperation */

const CORE = '@realtimekit-meetings/core';

/** The operations grouped by client resource, in the order the spec first names each resource. */
export function byResource(/** @type {SurfaceOperation[]} */ operations) {
  /** @type {Map<string, SurfaceOperation[]>} */
  const groups = new Map();
  for (const op of operations) groups.set(op.resource, [...(groups.get(op.resource) ?? []), op]);
  return groups;
}

/** `activeSession` -> `active-session.gen.ts`, the file of a resource. */
export const resourceFile = (/** @type {string} */ resource) => `${kebab(resource)}.gen.ts`;
/** `activeSession` -> `ActiveSessionResource`, the class of a resource. */
export const resourceClass = (/** @type {string} */ resource) => `${pascal(resource)}Resource`;

/**
 * A method's arguments, in order: path IDs, then the body, then the query, then options.
 * @param {SurfaceOperation} op
 * @returns {{ name: string, type: string, optional: boolean, doc: string }[]}
 */
export function methodArguments(op) {
  const args = op.pathParams.map((p) => ({
    name: camel(p.name),
    type: 'string',
    optional: false,
    doc: p.description || `The ${p.name.replace(/_/g, ' ')}.`,
  }));
  if (op.hasBody) {
    args.push({ name: 'body', type: /** @type {string} */ (op.types.body), optional: false, doc: 'The request body.' });
  }
  if (op.types.query) {
    const fields = op.queryParams.map((p) => {
      const comma = op.commaQuery.includes(p.name) ? ` Sent comma-separated (\`${p.name}=A,B\`).` : '';
      return `\`${p.name}\`${p.description ? `: ${sentence(p.description)}` : ''}${comma}`;
    });
    args.push({ name: 'query', type: op.types.query, optional: true, doc: fields.join(' ') });
  }
  return args;
}

/**
 * `{ params: { meeting_id: meetingId }, body, query }`: what the seam takes besides the operation, verb and path. `body`
 * is there exactly when the operation has one: ApiClient reads whether it has one from it.
 */
export function callExpression(/** @type {SurfaceOperation} */ op) {
  const parts = [];
  if (op.pathParams.length > 0) {
    // a name that is no identifier (`livestream-session-id`) is quoted
    const key = (/** @type {string} */ name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));
    const params = op.pathParams.map((p) => (camel(p.name) === p.name ? p.name : `${key(p.name)}: ${camel(p.name)}`));
    parts.push(`params: { ${params.join(', ')} }`);
  }
  if (op.hasBody) parts.push('body');
  if (op.types.query) parts.push('query');
  return parts.length > 0 ? `{ ${parts.join(', ')} }` : '{}';
}

const OPTIONS_DOC =
  '@param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.';

/** One operation's method (and, for a paged list, its `*All`), its types asked of `imports`. */
function methods(/** @type {SurfaceOperation} */ op, /** @type {Imports} */ imports) {
  const args = methodArguments(op);
  for (const a of args) if (a.type !== 'string') imports.type(CORE, a.type);
  const options = `options?: ${imports.type('../options', 'RequestOptions')}`;
  const signature = [...args.map((a) => `${a.name}${a.optional ? '?' : ''}: ${a.type}`), options].join(', ');
  const tags = [...args.map((a) => `@param ${a.name} - ${a.doc}`), OPTIONS_DOC];
  const what = `\`${op.operationId}\`: ${op.method} ${op.route}.`;
  const route = [op.operationId, op.method, op.route].map((s) => JSON.stringify(s)).join(', ');
  // the array query parameters sent comma-separated (`status=A,B`, the spec's `explode: false`), shown at the call
  const comma = op.commaQuery.length > 0 ? `, ${JSON.stringify(op.commaQuery)}` : '';
  // a list whose items sit under `data` (`data.sessions`) names them after its route
  const under = op.paginated ? op.paginated.items : undefined;
  const send = under
    ? `${imports.value('../internal/api-client', 'pageIn')}(this.client, ${route}, ${JSON.stringify(under)}, ${callExpression(op)}, options${comma})`
    : `this.client.${op.paginated ? 'page' : 'call'}(${route}, ${callExpression(op)}, options${comma})`;
  if (op.paginated) {
    const item = imports.type(CORE, /** @type {string} */ (op.types.item));
    const ids = args.filter((a) => a.name !== 'query').map((a) => a.name);
    const paginate = imports.value('../pagination', 'paginate');
    return `${jsdoc([sentence(op.summary), op.description, `One page: \`{ data, paging }\`. ${what}`], tags, '  ')}  ${op.name}(${signature}): Promise<${imports.type(CORE, 'Page')}<${item}>> {
    return ${send};
  }

${jsdoc([`Every item of \`${op.name}\`, following \`page_no\` from the query's (default 1) to the last page, one page in memory at a time.`, what], tags, '  ')}  ${op.name}All(${signature}): AsyncIterable<${item}> {
    return ${paginate}((page) => this.${op.name}(${[...ids, 'page', 'options'].join(', ')}), query);
  }`;
  }
  const result = imports.type(CORE, /** @type {string} */ (op.types.result));
  return `${jsdoc([sentence(op.summary), op.description, what], tags, '  ')}  ${op.name}(${signature}): Promise<${result}> {
    return ${send};
  }`;
}

/**
 * The module of one resource.
 * @param {string} resource @param {SurfaceOperation[]} ops
 */
export function clientResourceModule(resource, ops) {
  const imports = new Imports();
  const list = ops.map((op) => `\`${op.name}\``).join(', ');
  const body = ops.map((op) => methods(op, imports)).join('\n\n');
  const client = imports.type('../internal/api-client', 'ApiClient');
  return `${TS_HEADER}
${imports}

${jsdoc([`\`rtk.${resource}\`: ${list}.`])}export class ${resourceClass(resource)} {
  /** @internal Built by createRealtimeKitClient; the methods send through \`client\`. */
  constructor(private readonly client: ${client}) {}

${body}
}
`;
}

/** packages/client/src/generated/resources.gen.ts: the resources assembled, one property of the client each. */
export function clientIndexModule(/** @type {Map<string, SurfaceOperation[]>} */ groups) {
  const imports = new Imports();
  const client = imports.type('../internal/api-client', 'ApiClient');
  const names = [...groups.keys()];
  for (const r of names) imports.value(`./${resourceFile(r).replace(/\.ts$/, '')}`, resourceClass(r));
  return `${TS_HEADER}
${imports}

export { ${names.map(resourceClass).join(', ')} };

/** The API's resources, one property of the client each. */
export interface RealtimeKitResources {
${names.map((r) => `  ${r}: ${resourceClass(r)};`).join('\n')}
}

/** @internal One instance of each resource, sending through \`client\`. */
export const createResources = (client: ${client}): RealtimeKitResources => ({
${names.map((r) => `  ${r}: new ${resourceClass(r)}(client),`).join('\n')}
});
`;
}

/**
 * Every file of packages/client/src/generated: one per resource, and the index.
 * @param {Surface} surface @returns {Map<string, string>} file name -> content
 */
export function clientModules(surface) {
  const groups = byResource(surface.operations);
  return new Map([
    ...[...groups].map(
      ([resource, ops]) =>
        /** @type {[string, string]} */ ([resourceFile(resource), clientResourceModule(resource, ops)]),
    ),
    ['resources.gen.ts', clientIndexModule(groups)],
    ['resource-clients.gen.ts', resourceClientsModule([...groups.keys()], resourceClass, resourceFile)],
  ]);
}
