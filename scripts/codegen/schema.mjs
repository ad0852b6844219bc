// @ts-check
/**
 * JSON Schema work on the spec: a real validator (Ajv, with the OpenAPI 3.0 `nullable` keyword and formats), and
 * sample values that the validator accepts, for the contract cases.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { deref } from './ref.mjs';
import { isObject } from './spec.mjs';

/**
 * A validator over the spec's schemas: `validate(schema, value)` is the list of what is wrong (empty when valid),
 * each as `path message` (`/title must be string`).
 * @param {Record<string, any>} spec
 */
export function createValidator(spec) {
  // both are CommonJS modules whose export is their `default`
  /** @type {any} */
  const AjvClass = Ajv;
  /** @type {any} */
  const formats = addFormats;
  const ajv = new (AjvClass.default ?? AjvClass)({ strict: false, allErrors: true, validateFormats: true });
  (formats.default ?? formats)(ajv);
  const cache = new Map();
  return (/** @type {any} */ schema, /** @type {unknown} */ value) => {
    const key = JSON.stringify(schema);
    let check = cache.get(key);
    // the spec's components at the root, so that its `#/components/...` references resolve as they are
    if (!check) {
      check = ajv.compile({ components: spec.components ?? {}, allOf: [schema] });
      cache.set(key, check);
    }
    return check(value)
      ? []
      : (check.errors ?? []).map((/** @type {any} */ e) => `${e.instancePath || '(root)'} ${e.message}`.trim());
  };
}

/** The schema with `$ref`s and `allOf` folded into one object schema (properties and required merged). */
export function flatten(/** @type {Record<string, any>} */ spec, /** @type {any} */ raw, file = 'spec') {
  const schema = deref(spec, raw, file);
  if (!isObject(schema) || !Array.isArray(schema.allOf)) return schema;
  /** @type {Record<string, any>} */
  const merged = {
    ...schema,
    allOf: undefined,
    properties: { ...schema.properties },
    required: [...(schema.required ?? [])],
  };
  for (const part of schema.allOf) {
    const flat = flatten(spec, part, file);
    if (flat.type && !merged.type) merged.type = flat.type;
    Object.assign(merged.properties, flat.properties ?? {});
    merged.required.push(...(flat.required ?? []));
  }
  delete merged.allOf;
  merged.required = [...new Set(merged.required)];
  return merged;
}

const FORMAT_SAMPLES = /** @type {Record<string, string>} */ ({
  uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  'date-time': '2026-01-01T10:00:00.000Z',
  date: '2026-01-01',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  email: 'ada@example.com',
});

/**
 * A value the schema accepts, from what the spec says first: its `example`, its `default`, its first `enum` value,
 * then from its type (required properties, and the optional ones that carry an example).
 * @param {Record<string, any>} spec @param {any} raw @param {string} [name] the property name, for readable strings
 * @returns {any}
 */
export function sample(spec, raw, name = 'value', depth = 0) {
  const schema = flatten(spec, raw);
  if (!isObject(schema) || depth > 8) return undefined;
  if (schema.example !== undefined && schema.example !== null) return schema.example;
  if (schema.default !== undefined && schema.default !== null) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  for (const key of ['oneOf', 'anyOf'])
    if (Array.isArray(schema[key])) return sample(spec, schema[key][0], name, depth + 1);
  const type = schema.type ?? (schema.properties ? 'object' : schema.items ? 'array' : 'string');
  if (type === 'object') {
    /** @type {Record<string, unknown>} */
    const out = {};
    const required = new Set(schema.required ?? []);
    for (const [key, prop] of Object.entries(schema.properties ?? {})) {
      const flat = flatten(spec, prop);
      if (!required.has(key) && (flat?.example === undefined || flat.example === null)) continue;
      out[key] = sample(spec, prop, key, depth + 1);
    }
    return out;
  }
  if (type === 'array') {
    /** @type {unknown} */
    const item = sample(spec, schema.items ?? {}, name, depth + 1);
    return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => item);
  }
  if (type === 'integer' || type === 'number') return schema.minimum ?? (schema.exclusiveMinimum ?? 0) + 1;
  if (type === 'boolean') return true;
  const text = FORMAT_SAMPLES[schema.format] ?? `example-${name}`.replace(/_/g, '-');
  return text.length < (schema.minLength ?? 0) ? text.padEnd(schema.minLength, 'x') : text;
}
