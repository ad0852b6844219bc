// @ts-check
/** packages/core/src/generated/types.gen.ts: the named request and response types, an interface per name. */
import { resolveAll } from './ref.mjs';
import { flatten } from './schema.mjs';
import { GenerateError, isObject } from './spec.mjs';
import { jsdoc, sentence, TS_HEADER } from './text.mjs';

/** @typedef {import('./surface.mjs').Surface} Surface @typedef {import('./surface.mjs').SurfaceOperation} SurfaceOperation */

/** The schema with every `$ref` resolved and no prose, for comparing two schemas that one type name would serve. */
const resolved = (/** @type {Record<string, any>} */ spec, /** @type {any} */ node) =>
  resolveAll(spec, node, 'spec', (key) => key !== 'description' && key !== 'example' && !key.startsWith('x-'));

/** Whether TypeScript sees the schema as one object type, which an interface can extend. */
function isObjectSchema(/** @type {Record<string, any>} */ spec, /** @type {any} */ schema) {
  const flat = flatten(spec, schema);
  return isObject(flat) && !flat.oneOf && !flat.anyOf && !flat.nullable && (flat.type ?? 'object') === 'object';
}

/** The raw schema of a success answer's `data` (what the methods return), or undefined. */
export function dataSchema(/** @type {Record<string, any>} */ spec, /** @type {SurfaceOperation} */ op) {
  return op.responseSchema ? flatten(spec, op.responseSchema)?.properties?.data : undefined;
}

/**
 * The named request and response types: the components named in sdk.yaml, then each operation's body, query and
 * result (`data`) names. An interface per name, so hovers and compiler errors say `MeetingDetails`, not its shape.
 * @param {Record<string, any>} spec @param {Surface} surface @param {string} namingFile
 */
export function typesModule(spec, surface, namingFile) {
  const fail = (/** @type {string} */ problem) => new GenerateError(namingFile, problem);
  const componentOf = new Map(Object.entries(surface.schemas));
  /** @type {Map<string, { source: string, schema: any, owner: string }>} */
  const names = new Map();
  const blocks = [];

  for (const [name, component] of componentOf) {
    const schema = spec.components.schemas[component];
    const ref = { $ref: `#/components/schemas/${component}` };
    names.set(name, { source: `component ${component}`, schema: resolved(spec, ref), owner: `schemas.${name}` });
    const doc = jsdoc([schema.description ?? `The \`${component}\` schema of the spec.`]);
    blocks.push(
      isObjectSchema(spec, ref)
        ? `${doc}export interface ${name} extends Schema<${JSON.stringify(component)}> {}`
        : `${doc}export type ${name} = Schema<${JSON.stringify(component)}>;`,
    );
  }

  /**
   * Declares `name` as `type` of `op`, or checks that an earlier declaration has the very same schema.
   * @param {string} name @param {SurfaceOperation} op @param {string} kind @param {any} schema @param {string} typeExpr @param {string} what
   */
  const declare = (name, op, kind, schema, typeExpr, what) => {
    const owner = `operations.${op.operationId}.types.${kind}`;
    const earlier = names.get(name);
    const component = componentOf.get(name);
    if (component) {
      if (schema?.$ref !== `#/components/schemas/${component}`) {
        throw fail(
          `${owner}: ${name} is the component ${component}, but this ${kind} is another schema: name it apart`,
        );
      }
      return;
    }
    if (earlier) {
      if (JSON.stringify(earlier.schema) !== JSON.stringify(resolved(spec, schema))) {
        throw fail(`${owner}: ${name} is already ${earlier.owner}, a different schema: give this ${kind} its own name`);
      }
      return;
    }
    names.set(name, { source: op.operationId, schema: resolved(spec, schema), owner });
    const doc = jsdoc([`${what} of \`${op.operationId}\` (${op.method} ${op.below}): ${sentence(op.summary)}`]);
    blocks.push(
      isObjectSchema(spec, schema)
        ? `${doc}export interface ${name} extends ${typeExpr} {}`
        : `${doc}export type ${name} = ${typeExpr};`,
    );
  };

  for (const op of surface.operations) {
    const id = JSON.stringify(op.operationId);
    if (op.hasBody && op.bodySchema) {
      declare(
        /** @type {string} */ (op.types.body),
        op,
        'body',
        op.bodySchema,
        `OperationRequestBody<${id}>`,
        'The request body',
      );
    }
    if (op.types.query) {
      if (op.queryParams.length === 0) throw fail(`operations.${op.operationId}.types.query: it takes no query`);
      const schema = { type: 'object', properties: Object.fromEntries(op.queryParams.map((p) => [p.name, p.schema])) };
      declare(op.types.query, op, 'query', schema, `OperationQuery<${id}>`, 'The query parameters');
    }
    const data = dataSchema(spec, op);
    if (!data) throw new GenerateError('spec', `${op.operationId}: its success answer has no \`data\``);
    if (op.paginated) {
      const item = /** @type {string} */ (op.types.item);
      const under = op.paginated.items;
      const list = under ? flatten(spec, flatten(spec, data)?.properties?.[under]) : flatten(spec, data);
      const items = list?.items;
      if (!items) {
        throw fail(
          `operations.${op.operationId}.paginated: ${under ? `its \`data.${under}\`` : 'its `data`'} is not a list${under ? '' : ' (paginated.items names a list under it)'}`,
        );
      }
      declare(item, op, 'item', items, `OperationItem<${id}${under ? `, '${under}'` : ''}>`, 'One item of the list');
    } else {
      declare(
        /** @type {string} */ (op.types.result),
        op,
        'result',
        data,
        `OperationData<${id}>`,
        'What a successful call returns',
      );
    }
  }

  return `${TS_HEADER}
import type { OperationData, OperationItem, OperationQuery, OperationRequestBody } from '../operation-types';
import type { components } from './openapi.gen';

/** A component schema, by its name in the spec. */
type Schema<K extends keyof components['schemas']> = components['schemas'][K];

${blocks.join('\n\n')}
`;
}
