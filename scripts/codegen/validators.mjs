// @ts-check
/**
 * The one kind of validator the packages run, compiled here by Ajv into plain JavaScript from the effective spec:
 * packages/mock/src/generated/validators.gen.ts (for every operation, its request: path IDs, query, body; and each
 * response it declares) and packages/contract/src/generated/response-validators.gen.ts (the responses only, which
 * the contract runner checks answers with). Nothing compiles at run time, so they run in Node, a browser and workerd
 * (which forbids `new Function`).
 */
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';
import { deref } from './ref.mjs';
import { flatten } from './schema.mjs';
import { TS_HEADER } from './text.mjs';

/** @typedef {import('./surface.mjs').Surface} Surface */

/** Ajv's standalone code `require`s these; each becomes an import or a local function, so the module is plain ESM. */
const RUNTIME = /** @type {Record<string, { name: string, code?: string, imports?: string }>} */ ({
  'require("ajv-formats/dist/formats")': {
    name: 'ajvFormats',
    imports: "import { fullFormats } from 'ajv-formats/dist/formats.js';\nconst ajvFormats = { fullFormats };",
  },
  'require("ajv/dist/runtime/ucs2length").default': {
    name: 'ucs2length',
    code: '/** Length in code points, as JSON Schema counts it. */\nconst ucs2length = (text: string) => [...text].length;',
  },
  'require("ajv/dist/runtime/equal").default': {
    name: 'deepEqual',
    imports: "import deepEqual from 'fast-deep-equal';",
  },
});

/** The JSON type a query parameter's string is read as (an array: its values, repeated or comma-separated). */
const queryType = (/** @type {Record<string, any>} */ spec, /** @type {any} */ schema) => {
  const type = deref(spec, schema, 'spec')?.type;
  return type === 'number' || type === 'integer' || type === 'boolean' || type === 'array' ? type : 'string';
};

/** Words of a schema that validate nothing: left out, so the compiled module carries only what checks. */
const PROSE = new Set([
  'description',
  'example',
  'examples',
  'title',
  'externalDocs',
  'deprecated',
  'readOnly',
  'writeOnly',
]);

/**
 * The schema without its prose and extensions (`x-*`), its `#/components/...` references re-pointed at the shared
 * components schema. Only schema positions are cleaned: a property may well be named `description`.
 * @returns {unknown}
 */
function rebase(/** @type {unknown} */ schema, inProperties = false) {
  if (Array.isArray(schema)) return schema.map((item) => rebase(item));
  if (!schema || typeof schema !== 'object') return schema;
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!inProperties && (PROSE.has(key) || key.startsWith('x-'))) continue;
    if (key === '$ref' && typeof value === 'string') out[key] = value.replace(/^#\/components\//, 'spec#/components/');
    // `nullable` with an `enum` that does not list null: null allowed, as our types (openapi-typescript) and Prism's
    // generated answers read it, where Ajv would refuse it (OpenAPI 3.0.3 wants null listed; Cloudflare's never is)
    else if (key === 'enum' && !inProperties && /** @type {any} */ (schema).nullable === true && Array.isArray(value))
      out[key] = value.includes(null) ? value : [...value, null];
    else if (key === 'enum' || key === 'default' || key === 'const') out[key] = value;
    else out[key] = rebase(value, !inProperties && (key === 'properties' || key === 'schemas'));
  }
  return out;
}

/**
 * Ajv's standalone code for the schemas `describe` adds (each added schema gets a validator named `v<n>`, the very
 * same schema only one), with what it needs imported or defined: `{ code, result }`, `result` what `describe` returned.
 * @template T
 * @param {Record<string, any>} spec
 * @param {(add: (schema: unknown) => string) => T} describe
 * @param {{ allErrors: boolean }} options `allErrors`: every problem of a value (a report), or the first only
 */
function compileValidators(spec, describe, { allErrors }) {
  const AjvClass = /** @type {any} */ (Ajv);
  const formats = /** @type {any} */ (addFormats);
  const standalone = /** @type {any} */ (standaloneCode);
  const ajv = new (AjvClass.default ?? AjvClass)({
    strict: false,
    allErrors,
    // each component one function, called where it is referenced, instead of its code copied into every user
    inlineRefs: false,
    code: { source: true, esm: true, lines: true },
  });
  (formats.default ?? formats)(ajv);
  ajv.addSchema({ $id: 'spec', components: { schemas: rebase(spec.components?.schemas ?? {}, true) } });

  /** @type {Record<string, string>} export name -> schema id */
  const exported = {};
  let n = 0;
  /** @type {Map<string, string>} one validator for schemas that are the very same (12 operations share the 4XX) */
  const seen = new Map();
  const add = (/** @type {unknown} */ schema) => {
    const clean = /** @type {Record<string, unknown>} */ (rebase(schema));
    const key = JSON.stringify(clean);
    let name = seen.get(key);
    if (!name) {
      name = `v${n++}`;
      ajv.addSchema({ $id: name, ...clean });
      exported[name] = name;
      seen.set(key, name);
    }
    return name;
  };
  const result = describe(add);

  let code = String(standalone(ajv, exported));
  const imports = [];
  const locals = [];
  for (const [call, runtime] of Object.entries(RUNTIME)) {
    if (!code.includes(call)) continue;
    code = code.replaceAll(call, runtime.name);
    if (runtime.imports) imports.push(runtime.imports);
    if (runtime.code) locals.push(runtime.code);
  }
  const left = code.match(/require\([^)]*\)/);
  if (left)
    throw new Error(`validators: Ajv's standalone code needs ${left[0]}, which codegen/validators.mjs does not map`);
  // the standalone code exports every validator; only the module's table is its interface
  code = code.replace(/^"use strict";/, '').replace(/^export const (v\d+) = /gm, 'const $1 = ');
  return { code: `${[...imports, ...locals].join('\n')}\n\n${code.trim()}`, result };
}

const VALIDATE_TYPE = `/** Checks a value: true, or false with \`errors\` set to what is wrong (Ajv's error objects). */
export interface Validate {
  (value: unknown): boolean;
  errors?: { instancePath: string; message?: string; keyword: string; params: Record<string, unknown> }[] | null;
}`;

/**
 * An operation's declared responses: `"<status>": <validator name>`, or `null` for one declared without a JSON body.
 * @param {Record<string, any>} spec @param {import('./surface.mjs').SurfaceOperation} op
 * @param {(schema: unknown) => string} add @param {boolean} withBodiless
 */
function responseEntries(spec, op, add, withBodiless) {
  const item = deref(spec, spec.paths[op.path], 'spec');
  const responses = [];
  for (const [status, raw] of Object.entries(item[op.method.toLowerCase()].responses ?? {})) {
    const schema = deref(spec, raw, 'spec')?.content?.['application/json']?.schema;
    if (schema) responses.push(`${JSON.stringify(status)}: ${add(schema)}`);
    else if (withBodiless) responses.push(`${JSON.stringify(status)}: null`);
  }
  return responses;
}

/** @param {Record<string, any>} spec @param {Surface} surface */
export function validatorsModule(spec, surface) {
  const { code, result } = compileValidators(
    spec,
    (add) => {
      const table = [];
      for (const op of surface.operations) {
        const params = Object.fromEntries(op.pathParams.map((p) => [p.name, p.schema]));
        const query = Object.fromEntries(op.queryParams.map((p) => [p.name, p.schema]));
        const request = add({
          type: 'object',
          properties: {
            params: { type: 'object', properties: params, required: Object.keys(params) },
            query: {
              type: 'object',
              properties: query,
              required: op.queryParams.filter((p) => p.required).map((p) => p.name),
              additionalProperties: false,
            },
            ...(op.hasBody && op.bodySchema ? { body: op.bodySchema } : {}),
          },
          required: ['params', 'query', ...(op.bodyRequired ? ['body'] : [])],
        });
        const responses = responseEntries(spec, op, add, false);
        const types = op.queryParams.map((p) => `${JSON.stringify(p.name)}: '${queryType(spec, p.schema)}'`);
        // the body's own defaults, which the API fills in when a creation or a replacement leaves a field out
        const body = op.hasBody && op.bodySchema ? flatten(spec, op.bodySchema) : {};
        const defaults = Object.fromEntries(
          Object.entries(body.properties ?? {})
            .map(([name, prop]) => [name, deref(spec, prop, 'spec')?.default])
            .filter(([, value]) => value !== undefined),
        );
        // what a client may write: the body's own properties, less those the spec marks readOnly (the server's: `id`,
        // `created_at`...); whether others are allowed at all (`additionalProperties: false` forbids them)
        const writable = Object.entries(body.properties ?? {})
          .filter(([, prop]) => !deref(spec, prop, 'spec')?.readOnly)
          .map(([name]) => name);
        const bodyShape =
          op.hasBody && op.bodySchema ? { writable, others: body.additionalProperties !== false } : null;
        table.push(
          `  ${JSON.stringify(op.operationId)}: {\n` +
            `    request: ${request},\n` +
            `    query: { ${types.join(', ')} },\n` +
            `    defaults: ${JSON.stringify(defaults)},\n` +
            `    body: ${JSON.stringify(bodyShape)},\n` +
            `    responses: { ${responses.join(', ')} },\n` +
            `  },`,
        );
      }
      // the API's error body (sdk.yaml names it), for the errors an operation answers without declaring them
      const envelope = surface.schemas.RealtimeKitErrorBody;
      const errorEnvelope = envelope ? add({ $ref: `#/components/schemas/${envelope}` }) : undefined;
      return { table, errorEnvelope };
    },
    // the first problem only: what the fake's refusal names, at a fraction of the code allErrors compiles to
    { allErrors: false },
  );
  const { table, errorEnvelope } = result;

  return `${TS_HEADER}// @ts-nocheck: Ajv's standalone output, compiled from the effective spec by scripts/codegen/validators.mjs
import type { OperationId } from '@realtimekit-meetings/core';
${code}

${VALIDATE_TYPE}

/** The API's error body, \`{ success: false, error: { code, message } }\`. */
export const errorEnvelope: Validate | undefined = ${errorEnvelope ?? 'undefined'};

/**
 * Per operation: its request validator ({ params, query, body }), how each query string is read, the body's top-level
 * defaults, what of the body a client may write (\`null\` without a body), and a validator for each response it
 * declares (by status: \`200\`, \`4XX\`...).
 */
export const validators: Record<
  OperationId,
  {
    request: Validate;
    query: Record<string, 'string' | 'number' | 'integer' | 'boolean' | 'array'>;
    defaults: Record<string, unknown>;
    /** \`writable\`: the body's declared properties, less the spec's readOnly ones; \`others\`: undeclared allowed */
    body: { writable: string[]; others: boolean } | null;
    responses: Record<string, Validate>;
  }
> = {
${table.join('\n')}
};
`;
}

/**
 * The contract runner's: each operation's declared responses by status (`200`, `4XX`, `default`), `null` where the
 * spec declares one without a JSON body. The same compiled validators as the mock's, without the requests.
 * @param {Record<string, any>} spec @param {Surface} surface
 */
export function responseValidatorsModule(spec, surface) {
  const { code, result: table } = compileValidators(
    spec,
    (add) =>
      surface.operations.map(
        (op) => `  ${JSON.stringify(op.operationId)}: { ${responseEntries(spec, op, add, true).join(', ')} },`,
      ),
    // a contract report lists every way an answer breaks the spec
    { allErrors: true },
  );
  return `${TS_HEADER}// @ts-nocheck: Ajv's standalone output, compiled from the effective spec by scripts/codegen/validators.mjs
import type { OperationId } from '@realtimekit-meetings/core';
${code}

${VALIDATE_TYPE}

/** Per operation, a validator of each response it declares, by status (\`200\`, \`4XX\`...); \`null\`: no JSON body. */
export const responseValidators: Record<OperationId, Record<string, Validate | null>> = {
${table.join('\n')}
};
`;
}
