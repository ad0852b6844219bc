// @ts-check
/** packages/client/src/generated/resources.gen.ts: one class per resource, one typed method per operation. */
import { camel, pascal } from './surface.mjs';
import { jsdoc, sentence, TS_HEADER } from './text.mjs';

/** @typedef {import('./surface.mjs').Surface} Surface @typedef {import('./surface.mjs').SurfaceOperation} SurfaceOperation */

/** The operations grouped by client resource, in the order the spec first names each resource. */
export function byResource(/** @type {Surface} */ surface) {
  /** @type {Map<string, SurfaceOperation[]>} */
  const groups = new Map();
  for (const op of surface.operations) groups.set(op.resource, [...(groups.get(op.resource) ?? []), op]);
  return groups;
}

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
    const fields = op.queryParams.map((p) => `\`${p.name}\`${p.description ? `: ${sentence(p.description)}` : ''}`);
    args.push({ name: 'query', type: op.types.query, optional: true, doc: fields.join(' ') });
  }
  return args;
}

/** \`{ params: { meeting_id: meetingId }, body, query }\`: the input request() takes, from a method's arguments. */
export function inputExpression(/** @type {SurfaceOperation} */ op) {
  const parts = [];
  if (op.pathParams.length > 0) {
    const params = op.pathParams.map((p) => (camel(p.name) === p.name ? p.name : `${p.name}: ${camel(p.name)}`));
    parts.push(`params: { ${params.join(', ')} }`);
  }
  if (op.hasBody) parts.push('body');
  if (op.types.query) parts.push('query');
  return `{ ${parts.join(', ')} }`;
}

const signature = (/** @type {ReturnType<typeof methodArguments>} */ args) =>
  [...args.map((a) => `${a.name}${a.optional ? '?' : ''}: ${a.type}`), 'options?: RequestOptions'].join(', ');

const OPTIONS_DOC =
  '@param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.';

/** @param {SurfaceOperation} op */
function methods(op) {
  const args = methodArguments(op);
  const tags = [...args.map((a) => `@param ${a.name} - ${a.doc}`), OPTIONS_DOC];
  const id = JSON.stringify(op.operationId);
  const what = `\`${op.operationId}\`: ${op.method} ${op.below}.`;
  if (op.paginated) {
    const item = /** @type {string} */ (op.types.item);
    const ids = args.filter((a) => a.name !== 'query').map((a) => a.name);
    return `${jsdoc([sentence(op.summary), op.description, `One page: \`{ data, paging }\`. ${what}`], tags, '  ')}  ${op.name}(${signature(args)}): Promise<Page<${item}>> {
    return this.api(${id}, ${inputExpression(op)}, options, 2);
  }

${jsdoc([`Every item of \`${op.name}\`, following \`page_no\` from the query's (default 1) to the last page, one page in memory at a time.`, what], tags, '  ')}  ${op.name}All(${signature(args)}): AsyncIterable<${item}> {
    return paginate((page) => this.${op.name}(${[...ids, 'page', 'options'].join(', ')}), query);
  }`;
  }
  return `${jsdoc([sentence(op.summary), op.description, what], tags, '  ')}  ${op.name}(${signature(args)}): Promise<${op.types.result}> {
    return this.api(${id}, ${inputExpression(op)}, options, 1);
  }`;
}

/** @param {Record<string, any>} _spec @param {Surface} surface */
export function clientModule(_spec, surface) {
  const groups = byResource(surface);
  const types = new Set(['Page']);
  for (const op of surface.operations) {
    if (op.hasBody) types.add(/** @type {string} */ (op.types.body));
    if (op.types.query) types.add(op.types.query);
    types.add(/** @type {string} */ (op.paginated ? op.types.item : op.types.result));
  }
  const usesPaging = surface.operations.some((op) => op.paginated);
  const classes = [...groups].map(([resource, ops]) => {
    const list = ops.map((op) => `\`${op.name}\``).join(', ');
    return `${jsdoc([`\`rtk.${resource}\`: ${list}.`])}export class ${pascal(resource)}Resource {
  /** @internal Built by createRealtimeKitClient; the methods send through \`api\`. */
  constructor(private readonly api: OperationCaller) {}

${ops.map(methods).join('\n\n')}
}`;
  });
  return `${TS_HEADER}
import type { ${[...types].sort().join(', ')} } from '@realtimekit-meetings/core';
import type { OperationCaller } from '../operation-caller';
import type { RequestOptions } from '../options';
${usesPaging ? "import { paginate } from '../pagination';\n" : ''}
${classes.join('\n\n')}

/** The API's resources, one property of the client each. */
export interface RealtimeKitResources {
${[...groups.keys()].map((r) => `  ${r}: ${pascal(r)}Resource;`).join('\n')}
}

/** @internal One instance of each resource, sending through \`api\`. */
export const createResources = (api: OperationCaller): RealtimeKitResources => ({
${[...groups.keys()].map((r) => `  ${r}: new ${pascal(r)}Resource(api),`).join('\n')}
});
`;
}
