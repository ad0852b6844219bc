// @ts-check
/**
 * The corpus for spec:update's classifier: each kind of upstream change applied at each schema position of our
 * fragment (spec/upstream/), each position written several ways (as it is, its properties split over `allOf`
 * parts, inside a nested `allOf`, as an `anyOf` or `oneOf` alternative). Each case says the release the change
 * calls for and the operations it touches. The expected answer comes from the rules below and from which
 * operations reach the position through their `$ref`s, never from the classifier itself.
 */
import { isObject } from '../codegen/spec.mjs';
import { componentsReached } from './components-reached.mjs';

/**
 * @typedef {'request' | 'response'} Side
 * @typedef {'major' | 'minor' | 'patch'} Bump
 * @typedef {{ name: string, before: Record<string, any>, after: Record<string, any>, bump: Bump, operations: string[] }} Case
 */

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

/** Where a schema lives: a component (found by `$ref`) or a request body component. */
const POSITIONS = /** @type {const} */ ([
  { side: 'response', section: 'schemas', name: 'realtimekit_Meeting' },
  { side: 'response', section: 'schemas', name: 'realtimekit_Participant' },
  { side: 'response', section: 'schemas', name: 'realtimekit_Poll' },
  { side: 'response', section: 'schemas', name: 'realtimekit_SessionParticipant' },
  { side: 'response', section: 'schemas', name: 'realtimekit_ActiveSession' },
  // list items only: the recordings list's items written inline, so only the list operation reaches them
  {
    side: 'response',
    section: 'responses',
    name: 'realtimekit_GetRecordings',
    at: ['content', 'application/json', 'schema', 'properties', 'data', 'items'],
  },
  { side: 'request', section: 'requestBodies', name: 'realtimekit_CreateMeetingBody' },
  { side: 'request', section: 'requestBodies', name: 'realtimekit_AddParticipantBody' },
  { side: 'request', section: 'requestBodies', name: 'realtimekit_CreatePollBody' },
  { side: 'request', section: 'requestBodies', name: 'realtimekit_EditParticipantBody' },
]);

/** Each kind of field change, and the release it calls for on each side. */
const KINDS = /** @type {const} */ ([
  ['a field added', { request: 'minor', response: 'minor' }],
  ['a required field added', { request: 'major', response: 'minor' }],
  ['a field removed', { request: 'major', response: 'major' }],
  ['a field made required', { request: 'major', response: 'patch' }],
  ['a field made optional', { request: 'patch', response: 'major' }],
  ['a type changed', { request: 'major', response: 'major' }],
  ['an enum value added', { request: 'minor', response: 'major' }],
  ['an enum value removed', { request: 'major', response: 'patch' }],
  ['a bound tightened', { request: 'major', response: 'patch' }],
  ['a bound loosened', { request: 'patch', response: 'patch' }],
  ['a format added', { request: 'major', response: 'patch' }],
  ['nullable turned on', { request: 'patch', response: 'major' }],
  ['nullable turned off', { request: 'major', response: 'patch' }],
]);

/** The same schema written another way; none of them changes what it means. */
const WRITINGS = {
  'as it is': (/** @type {any} */ s) => s,
  'split over allOf parts': (/** @type {any} */ s) => {
    const names = Object.keys(s.properties);
    const half = Math.ceil(names.length / 2);
    const part = (/** @type {string[]} */ keys) => ({
      type: 'object',
      properties: Object.fromEntries(keys.map((k) => [k, s.properties[k]])),
      required: (s.required ?? []).filter((/** @type {string} */ r) => keys.includes(r)),
    });
    const { properties, required, ...rest } = s;
    return { ...rest, allOf: [part(names.slice(0, half)), part(names.slice(half))] };
  },
  'in a nested allOf': (/** @type {any} */ s) => ({ allOf: [{ allOf: [s] }] }),
  'as an anyOf alternative': (/** @type {any} */ s) => ({ anyOf: [s, { type: 'boolean' }] }),
  'as a oneOf alternative': (/** @type {any} */ s) => ({ oneOf: [s, { type: 'boolean' }] }),
};

/** Each operation's id with the `$ref`s its requests and its 2xx responses reach. */
function reach(/** @type {Record<string, any>} */ spec) {
  return Object.values(spec.paths).flatMap((item) =>
    METHODS.filter((m) => item[m]?.operationId).map((m) => {
      const op = item[m];
      const responses = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      return {
        id: /** @type {string} */ (op.operationId),
        request: componentsReached(spec.components, [item.parameters, op.parameters, op.requestBody]),
        response: componentsReached(
          spec.components,
          responses.map(([, r]) => r),
        ),
      };
    }),
  );
}

/** The schema object a position names, with where it is held (to rewrite it). */
function locate(/** @type {Record<string, any>} */ spec, /** @type {(typeof POSITIONS)[number]} */ position) {
  let holder = spec.components[position.section];
  let key = position.name;
  if ('at' in position) {
    for (const step of position.at) {
      holder = holder[key];
      key = step;
    }
    // written inline where it is (a copy of what it referred to)
    const ref = holder[key].$ref;
    if (typeof ref === 'string') holder[key] = structuredClone(spec.components.schemas[ref.split('/').pop()]);
    return { holder, key };
  }
  if (position.section === 'requestBodies') {
    holder = holder[key].content['application/json'];
    key = 'schema';
  }
  while (typeof holder[key]?.$ref === 'string') {
    key = holder[key].$ref.split('/').pop();
    holder = spec.components.schemas;
  }
  return { holder, key };
}

/**
 * Every case for `fragment` (spec/upstream/, parsed).
 * @param {Record<string, any>} fragment
 * @returns {Case[]}
 */
export function corpusCases(fragment) {
  /** @type {Case[]} */
  const cases = [];
  // examples and prose left out: the classifier never reads them, and the copies are smaller (faster to make)
  const prose = (/** @type {string} */ key, /** @type {unknown} */ value) =>
    key === 'example' || key === 'examples' || (['description', 'summary'].includes(key) && typeof value === 'string');
  fragment = JSON.parse(JSON.stringify(fragment, (key, value) => (prose(key, value) ? undefined : value)));
  const operations = reach(fragment);
  for (const position of POSITIONS) {
    const base = locate(structuredClone(fragment), position);
    const target = `#/components/schemas/${base.key}`;
    const ref = position.section === 'schemas' ? target : `#/components/${position.section}/${position.name}`;
    const other = position.side === 'request' ? 'response' : 'request';
    // a position both sides reach would call for two answers at once; the corpus keeps to one-sided ones
    if (operations.some((o) => o[other].has(ref) || o[other].has(target))) {
      throw new Error(`corpus: ${position.name} is reached by requests and responses; choose another position`);
    }
    const touched = operations
      .filter((o) => o[position.side].has(ref))
      .map((o) => o.id)
      .sort();
    const original = base.holder[base.key];
    const names = Object.keys(original.properties ?? {});
    const required = new Set(original.required ?? []);
    const plain = (/** @type {string} */ n) => isObject(original.properties[n]) && !original.properties[n].$ref;
    const field = names.find((n) => plain(n) && !required.has(n)) ?? names.find(plain);
    const requiredField = names.find((n) => required.has(n));
    if (!field) throw new Error(`corpus: ${position.name} has no inline field to change`);

    for (const [writing, write] of Object.entries(WRITINGS)) {
      for (const [kind, bumps] of KINDS) {
        if (kind === 'a field made optional' && !requiredField) continue;
        if (kind === 'a field made required' && required.has(field)) continue;
        const before = structuredClone(fragment);
        const after = structuredClone(fragment);
        for (const [spec, changed] of /** @type {const} */ ([
          [before, false],
          [after, true],
        ])) {
          const at = locate(spec, position);
          const schema = at.holder[at.key];
          const f = schema.properties[field];
          // what the kind needs to be there already, on both sides
          delete f.format;
          if (kind.startsWith('an enum')) f.enum = ['a', 'b'];
          if (kind.startsWith('a bound')) f.maxLength = 100;
          if (kind === 'nullable turned on') delete f.nullable;
          if (kind === 'nullable turned off') f.nullable = true;
          if (changed) change(kind, schema, field, requiredField);
          at.holder[at.key] = write(schema);
        }
        cases.push({
          name: `${position.name} (${position.side}), ${writing}: ${kind}`,
          before,
          after,
          bump: bumps[position.side],
          operations: touched,
        });
      }
    }
  }
  return [
    ...cases,
    ...operationCases(
      fragment,
      operations.map((o) => o.id),
    ),
  ];
}

/** @param {string} kind @param {any} schema @param {string} field @param {string | undefined} requiredField */
function change(kind, schema, field, requiredField) {
  const f = schema.properties[field];
  const require = (/** @type {string} */ name) => {
    schema.required = [...(schema.required ?? []), name];
  };
  switch (kind) {
    case 'a field added':
      schema.properties.corpus_added = { type: 'string' };
      return;
    case 'a required field added':
      schema.properties.corpus_added = { type: 'string' };
      return require('corpus_added');
    case 'a field removed':
      delete schema.properties[field];
      schema.required = (schema.required ?? []).filter((/** @type {string} */ r) => r !== field);
      return;
    case 'a field made required':
      return require(field);
    case 'a field made optional':
      schema.required = schema.required.filter((/** @type {string} */ r) => r !== requiredField);
      return;
    case 'a type changed':
      schema.properties[field] = { ...f, type: f.type === 'integer' ? 'string' : 'integer' };
      delete schema.properties[field].enum;
      return;
    case 'an enum value added':
      f.enum.push('c');
      return;
    case 'an enum value removed':
      f.enum.pop();
      return;
    case 'a bound tightened':
      f.maxLength = 10;
      return;
    case 'a bound loosened':
      f.maxLength = 1000;
      return;
    case 'a format added':
      f.format = 'corpus-format';
      return;
    case 'nullable turned on':
      f.nullable = true;
      return;
    case 'nullable turned off':
      delete f.nullable;
      return;
  }
  throw new Error(`corpus: no such kind ${kind}`);
}

/** Parameters renamed, moved, added or removed, and operations added or removed. */
function operationCases(/** @type {Record<string, any>} */ fragment, /** @type {string[]} */ ids) {
  /** @type {Case[]} */
  const cases = [];
  const find = (/** @type {any} */ spec, /** @type {string} */ id) => {
    for (const item of Object.values(spec.paths)) {
      for (const m of METHODS) if (item[m]?.operationId === id) return { item, op: item[m], method: m };
    }
    throw new Error(`corpus: no operation ${id}`);
  };
  /** @type {[string, 'major' | 'minor', (op: any, item: any, method: string) => void][]} */
  const kinds = [
    ['an optional query parameter added', 'minor', (op) => op.parameters.push(query('corpus_q', false))],
    ['a required query parameter added', 'major', (op) => op.parameters.push(query('corpus_q', true))],
    [
      'a query parameter renamed',
      'major',
      (op) => {
        op.parameters.at(-1).name = 'corpus_renamed';
      },
    ],
    [
      'a query parameter moved to a header',
      'major',
      (op) => {
        op.parameters.at(-1).in = 'header';
      },
    ],
    ['a query parameter removed', 'major', (op) => op.parameters.pop()],
    [
      'an operation removed',
      'major',
      (_op, item, method) => {
        delete item[method];
      },
    ],
  ];
  for (const id of ids) {
    for (const [kind, bump, apply] of kinds) {
      const before = structuredClone(fragment);
      const after = structuredClone(fragment);
      for (const [spec, changed] of /** @type {const} */ ([
        [before, false],
        [after, true],
      ])) {
        const { item, op, method } = find(spec, id);
        // an own query parameter to rename, move or remove, on both sides
        op.parameters = [...(op.parameters ?? []), query('corpus_base', false)];
        if (changed) apply(op, item, method);
      }
      cases.push({ name: `${id}: ${kind}`, before, after, bump, operations: [id] });
    }
  }
  const before = structuredClone(fragment);
  const after = structuredClone(fragment);
  after.paths[`${Object.keys(fragment.paths)[0]}/corpus`] = {
    get: { operationId: 'corpus_added', responses: { 200: { description: 'ok' } } },
  };
  cases.push({ name: 'an operation added', before, after, bump: 'minor', operations: ['corpus_added'] });
  return cases;
}

const query = (/** @type {string} */ name, /** @type {boolean} */ required) => ({
  name,
  in: 'query',
  required,
  schema: { type: 'string' },
});
