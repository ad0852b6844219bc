// @ts-check
/** packages/core/src/generated: the operations table, the named types, the effective document. */
import { flatten } from './schema.mjs';
import { deref, GenerateError, isObject } from './spec.mjs';
import { APP_PREFIX } from './surface.mjs';
import { jsdoc, sentence, TS_HEADER } from './text.mjs';

/** @typedef {import('./surface.mjs').Surface} Surface @typedef {import('./surface.mjs').SurfaceOperation} SurfaceOperation */

/** @param {Surface} surface */
export function operationsModule(surface) {
  const entries = surface.operations
    .map((op) => {
      const row = {
        operationId: op.operationId,
        method: op.method,
        path: op.path,
        pathParams: [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]),
        queryParams: [...new Set(op.queryParams.map((p) => p.name))],
        tag: op.tag,
        hasBody: op.hasBody,
        successStatus: op.successStatus,
      };
      const fields = Object.entries(row)
        .map(([key, value]) => `    ${key}: ${JSON.stringify(value).replace(/","/g, '", "')},`)
        .join('\n');
      return `  ${JSON.stringify(op.operationId)}: {\n${fields}\n  },`;
    })
    .join('\n');
  return `${TS_HEADER}
/** Every operation of the effective spec, keyed by operationId. Other packages read this instead of repeating paths. */
export const operationTable = {
${entries}
} as const;

export type OperationTable = typeof operationTable;
export type OperationId = keyof OperationTable;
export type Operation = OperationTable[OperationId];
export type HttpMethod = Operation['method'];

/** Every path starts with this prefix; the part after it is what a proxy exposes. */
export const APP_PATH_PREFIX = ${JSON.stringify(APP_PREFIX)};

/**
 * The same operations reduced to what a client needs on every call, so a browser bundle need not carry the
 * whole table: [method, path below APP_PATH_PREFIX, has a JSON body (1/0)].
 */
export const operationRoutes = {
${surface.operations
  .map(
    (op) =>
      `  ${JSON.stringify(op.operationId)}: [${JSON.stringify(op.method)}, ${JSON.stringify(op.below)}, ${op.hasBody ? 1 : 0}],`,
  )
  .join('\n')}
} as const satisfies Record<OperationId, readonly [HttpMethod, string, 0 | 1]>;
`;
}

/**
 * The schema with every `$ref` resolved, for comparing two schemas that one type name would serve.
 * @returns {any}
 */
function resolved(/** @type {Record<string, any>} */ spec, /** @type {any} */ node, seen = new Set()) {
  if (Array.isArray(node)) return node.map((n) => resolved(spec, n, seen));
  if (!isObject(node)) return node;
  if (typeof node.$ref === 'string') {
    if (seen.has(node.$ref)) return { $circular: node.$ref };
    return resolved(spec, deref(spec, node, 'spec'), new Set([...seen, node.$ref]));
  }
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => key !== 'description' && key !== 'example' && !key.startsWith('x-'))
      .map(([key, value]) => [key, resolved(spec, value, seen)]),
  );
}

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
      const items = flatten(spec, data)?.items;
      if (!items) throw fail(`operations.${op.operationId}.paginated: its \`data\` is not a list`);
      declare(item, op, 'item', items, `OperationItem<${id}>`, 'One item of the list');
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

/** @param {Record<string, any>} spec */
export function documentModule(spec) {
  return `${TS_HEADER}
/** The effective OpenAPI document (upstream plus spec/overlays), for mocks and validators. */
export const openapiDocument: { readonly [key: string]: unknown } = JSON.parse(${JSON.stringify(JSON.stringify(spec))});
`;
}
