// @ts-check
/**
 * packages/contract/src/generated/cases.gen.ts: for every operation, a conforming request built from the spec's
 * examples (or from its schemas where it has none), and requests the API must refuse, derived from the schemas:
 * each required field dropped, a field of the wrong type, a value outside its enum or below its minimum. A real
 * JSON Schema validator (Ajv) proves each conforming request valid and each refused one invalid before it is written.
 */
import { createValidator, flatten, sample } from './schema.mjs';
import { GenerateError, isObject } from './spec.mjs';
import { camel, singular } from './surface.mjs';
import { TS_HEADER } from './text.mjs';

/** @typedef {import('./surface.mjs').Surface} Surface @typedef {import('./surface.mjs').SurfaceOperation} SurfaceOperation */

const WRONG = /** @type {Record<string, unknown>} */ ({
  string: 42,
  number: 'not-a-number',
  integer: 'not-a-number',
  boolean: 'yes',
});
const KIND = /** @type {Record<string, string>} */ ({
  string: 'a number',
  number: 'a string',
  integer: 'a string',
  boolean: 'a string',
});

/** A host that never resolves (RFC 6761 reserves `.invalid`): every URL in a conforming body points there. */
export const UNREACHABLE_HOST = 'realtimekit-contract.invalid';

/**
 * Every URL in a body (`https://`, `rtmp://`...), as `[object or list holding it, its key, the URL]`.
 * @returns {Generator<[Record<string, any>, string, string]>}
 */
function* urlsIn(/** @type {unknown} */ value) {
  if (!value || typeof value !== 'object') return;
  for (const [name, inner] of Object.entries(value)) {
    if (typeof inner === 'string' && /^[a-z][a-z0-9+.-]*:\/\//i.test(inner))
      yield [/** @type {any} */ (value), name, inner];
    else yield* urlsIn(inner);
  }
}

/** The status Prism's validation answers a refused request with: a declared 422, else a declared 400, else 422. */
const mockStatus = (/** @type {SurfaceOperation} */ op) =>
  op.errorStatuses.includes(422) ? 422 : op.errorStatuses.includes(400) ? 400 : 422;

/**
 * The order the cases run in: reads (lists before details), creations, changes, other actions, deletions.
 * @returns {[number, number, number]}
 */
function rank(/** @type {SurfaceOperation} */ op) {
  const depth = op.pathParams.length;
  if (op.read) return [0, depth, op.paginated ? 0 : 1];
  if (op.cache === 'created') return [1, depth, 0];
  if (op.cache === 'updated') return [2, depth, 0];
  if (op.method === 'DELETE' || op.cache === 'deleted') return [4, depth, 0];
  return [3, 0, 0];
}

/**
 * The name the cases know a path ID by: `meeting_id` is `meetingId`. Where the same parameter sits below another
 * parent ID than in the resource named for it (`participant_id` in `participants.*`, below `meeting_id`), the parent's
 * name leads: a session's `participant_id` (`/sessions/{session_id}/participants/{participant_id}`, a peer) is
 * `sessionParticipantId`, never the meeting participant's `participantId`. With no resource named for it, the
 * spec's first operation with the parameter decides.
 */
function idName(/** @type {Surface} */ surface, /** @type {SurfaceOperation} */ op, /** @type {string} */ param) {
  const parentOf = (/** @type {SurfaceOperation} */ o) => {
    const at = o.pathParams.findIndex((p) => p.name === param);
    return at > 0 ? o.pathParams[at - 1]?.name : undefined;
  };
  const stem = param.replace(/[-_]id$/, '');
  const having = surface.operations.filter((o) => o.pathParams.some((p) => p.name === param));
  const owner = having.find((o) => singular(o.resource) === camel(stem)) ?? having[0];
  const parent = parentOf(op);
  if (!owner || !parent || parentOf(owner) === parent) return camel(param);
  return camel(`${parent.replace(/[-_]id$/, '')}_${param}`);
}

/** The ID a case learns for later ones: a creation's new item, or a list's first item. */
function learns(/** @type {Surface} */ surface, /** @type {SurfaceOperation} */ op) {
  // a creation, or a list, paged or not (`GET /webhooks`), of the items a read below it gets
  if (!op.read && op.method !== 'POST') return undefined;
  const item = surface.operations.find(
    (o) =>
      o.read &&
      !o.paginated &&
      o.below.startsWith(`${op.below}/{`) &&
      o.below.split('/').length === op.below.split('/').length + 1,
  );
  const param = item?.pathParams.at(-1)?.name;
  return item && param ? idName(surface, item, param) : undefined;
}

/**
 * Where an answer holds each property, within `depth` levels: `data.participants[].peer_events[].peer_id`.
 * @returns {Generator<{ name: string, path: string, schema: any }>}
 */
function* propertyPaths(
  /** @type {Record<string, any>} */ spec,
  /** @type {any} */ raw,
  prefix = '',
  depth = 6,
  /** @type {Set<any>} */ seen = new Set(),
) {
  const schema = flatten(spec, raw);
  if (!isObject(schema) || depth === 0 || seen.has(schema)) return;
  const within = new Set(seen).add(schema);
  if (isObject(schema.items)) {
    yield* propertyPaths(spec, schema.items, `${prefix}[]`, depth - 1, within);
    return;
  }
  for (const [name, value] of Object.entries(schema.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    yield { name, path, schema: flatten(spec, value) };
    yield* propertyPaths(spec, value, path, depth - 1, within);
  }
}

/** The property names of a schema's object (of its items, for a list). */
const propertiesOf = (/** @type {Record<string, any>} */ spec, /** @type {any} */ raw) => {
  const schema = flatten(spec, raw);
  return Object.keys(flatten(spec, isObject(schema?.items) ? schema.items : schema)?.properties ?? {});
};

/**
 * Where a read finds an ID that no list or creation above it provides (`learns`), so that the case reading with it
 * runs rather than skips. Two rules, from the spec alone:
 * - a property of the same name in some read's answer: `peer_id` in a session's participants, under `peer_events`,
 *   which the read's boolean query `include_peer_events` turns on (the case sends it true);
 * - an object (or a list's items) named for the ID, in another read's answer, with every property the ID's own read
 *   answers, a string `id` among them: the `session` of `GET /livestreams/{livestream_id}` has each field that
 *   `GET /livestreams/sessions/{livestream-session-id}` answers, so its `id` is that ID.
 * The shallowest place wins; of two as shallow, the first operation in the spec's order.
 * @returns {Map<string, { id: string, path: string, query?: Record<string, true> }[]>} by the providing operationId
 */
function findIds(
  /** @type {Record<string, any>} */ spec,
  /** @type {Surface} */ surface,
  /** @type {Set<string>} */ known,
) {
  /** @type {Map<string, { id: string, path: string, query?: Record<string, true> }[]>} */
  const found = new Map();
  const reads = surface.operations.filter((o) => o.read && o.responseSchema);
  for (const user of surface.operations) {
    for (const { name: param } of user.pathParams) {
      const id = idName(surface, user, param);
      if (known.has(id)) continue;
      const others = reads.filter((o) => !o.pathParams.some((p) => p.name === param));
      const key = param.replaceAll('-', '_');
      /** @type {{ op: SurfaceOperation, path: string, query?: Record<string, true> }[]} */
      const byKey = others.flatMap((op) =>
        [...propertyPaths(spec, op.responseSchema)]
          .filter((p) => p.name === key && p.schema?.type === 'string')
          .map((p) => {
            const gate = p.path
              .split('.')
              .map((segment) => `include_${segment.replace(/\[\]/g, '')}`)
              .find((name) =>
                op.queryParams.some((q) => q.name === name && flatten(spec, q.schema)?.type === 'boolean'),
              );
            return { op, path: p.path, ...(gate ? { query: { [gate]: /** @type {true} */ (true) } } : {}) };
          }),
      );
      // the fields the ID's own read answers in `data`
      const own = user.read && user.pathParams.at(-1)?.name === param ? user.responseSchema : undefined;
      const data = own ? flatten(spec, own)?.properties?.data : undefined;
      const fields = data ? propertiesOf(spec, data) : [];
      const stem = key.replace(/_id$/, '');
      const byItem =
        fields.length >= 3 && fields.includes('id')
          ? others.flatMap((op) =>
              [...propertyPaths(spec, op.responseSchema)]
                .filter((p) => {
                  const holder = singular(p.name);
                  if (stem !== holder && !stem.endsWith(`_${holder}`)) return false;
                  const item = flatten(spec, isObject(p.schema?.items) ? p.schema.items : p.schema);
                  const has = Object.keys(item?.properties ?? {});
                  return fields.every((f) => has.includes(f)) && flatten(spec, item.properties.id)?.type === 'string';
                })
                .map((p) => ({ op, path: `${p.path}${isObject(p.schema?.items) ? '[]' : ''}.id`, query: undefined })),
            )
          : [];
      const best = [...byKey, ...byItem].sort((a, b) => a.path.split('.').length - b.path.split('.').length)[0];
      if (!best) continue;
      known.add(id);
      const how = { id, path: best.path, ...(best.query ? { query: best.query } : {}) };
      found.set(best.op.operationId, [...(found.get(best.op.operationId) ?? []), how]);
    }
  }
  return found;
}

/**
 * The cases in their ranked order, each moved after a case that provides every ID it reads with (by `learns` or
 * `finds`), when one does: a stable topological order. Where the providers wait on each other (each finds the
 * other's ID), the first waiting case goes as it is, and the run skips it if it has no ID by then.
 * @template {{ params: Record<string, string>, learns?: string, finds?: Record<string, string> }} C
 * @param {C[]} ranked
 * @returns {C[]}
 */
function providersFirst(ranked) {
  const provides = (/** @type {C} */ c, /** @type {string} */ id) =>
    c.learns === id || Object.hasOwn(c.finds ?? {}, id);
  /** @type {C[]} */
  const order = [];
  const waiting = [...ranked];
  const ready = (/** @type {C} */ c) =>
    Object.values(c.params).every((id) => {
      const providers = ranked.filter((p) => p !== c && provides(p, id));
      return providers.length === 0 || providers.some((p) => order.includes(p));
    });
  while (waiting.length > 0) {
    const at = Math.max(0, waiting.findIndex(ready));
    order.push(.../** @type {C[]} */ (waiting.splice(at, 1)));
  }
  return order;
}

/** @param {Record<string, any>} spec @param {Surface} surface @param {string} namingFile */
export function contractModule(spec, surface, namingFile) {
  const { valid, invalid } = contractCases(spec, surface, namingFile);
  return `${TS_HEADER}
import type { ContractCase, InvalidCase } from '../cases';

/**
 * One conforming call per operation, in an order where earlier cases provide the IDs later ones need: reads first
 * (a list's first item is learnt), then creations (which learn their new item), changes, other actions, deletions;
 * a case that reads with an ID some answer holds (\`finds\`) after the case that finds it.
 */
export const contractCases: ContractCase[] = [
${valid.map((c) => `  ${JSON.stringify(c)},`).join('\n')}
];

/** Calls the API must refuse, with the status the spec's mock (Prism) refuses them with. */
export const invalidCases: InvalidCase[] = [
${invalid.map((c) => `  ${JSON.stringify(c)},`).join('\n')}
];
`;
}

/**
 * The cases of the module: `valid`, one conforming call per operation, providers of IDs first; `invalid`, the calls
 * the API must refuse.
 * @param {Record<string, any>} spec @param {Surface} surface @param {string} namingFile
 */
export function contractCases(spec, surface, namingFile) {
  const validate = createValidator(spec);
  const fail = (/** @type {string} */ problem) => new GenerateError(namingFile, problem);
  const valid = [];
  const invalid = [];
  const ordered = [...surface.operations].sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  });
  // The spec's default of each body property, by name, across operations: a conforming body whose property has no
  // example or default of its own takes it (a replacement's preset_name is then a preset the app has, the add's
  // default group_call_host, not a made-up name the API would refuse).
  /** @type {Map<string, unknown>} */
  const defaultsByName = new Map();
  for (const op of surface.operations) {
    if (!op.hasBody || !op.bodySchema) continue;
    for (const [name, raw] of Object.entries(flatten(spec, op.bodySchema).properties ?? {})) {
      const value = flatten(spec, raw)?.default;
      if (value !== undefined && value !== null && !defaultsByName.has(name)) defaultsByName.set(name, value);
    }
  }
  const learnt = new Set(surface.operations.map((op) => learns(surface, op)).filter((id) => id !== undefined));
  const found = findIds(spec, surface, learnt);
  for (const op of ordered) {
    const call = `${op.resource}.${op.name}`;
    /** @type {Record<string, unknown>} */
    const input = {};
    if (op.hasBody && op.bodySchema) {
      const body = sample(spec, op.bodySchema);
      // A conforming call leaves what it changes usable by the cases after it: a top-level enum takes its first
      // value (a meeting's `ACTIVE`), not the spec's example (`INACTIVE`, after which no one can join the meeting).
      const declared = flatten(spec, op.bodySchema).properties ?? {};
      for (const [name, raw] of Object.entries(declared)) {
        const prop = flatten(spec, raw);
        if (isObject(body) && name in body && Array.isArray(prop?.enum)) body[name] = prop.enum[0];
        const invented = prop?.example === undefined && prop?.default === undefined && !prop?.enum;
        if (isObject(body) && name in body && invented && defaultsByName.has(name))
          body[name] = defaultsByName.get(name);
      }
      // a URL the run sends (a webhook's, a picture's) reaches no one: the spec's examples are real hosts (a public
      // webhook.site bin), which would then receive the account's events
      for (const [holder, name, value] of urlsIn(body)) {
        const url = new URL(value);
        holder[name] = `${url.protocol}//${UNREACHABLE_HOST}/${name}${/\.\w+$/.exec(url.pathname)?.[0] ?? ''}`;
      }
      const problems = validate(op.bodySchema, body);
      if (problems.length > 0) {
        throw fail(
          `${op.operationId}: no valid body can be made from the spec's examples (${problems.join('; ')}): add an example to the schema with an overlay`,
        );
      }
      input.body = body;
    }
    const query = Object.fromEntries(
      op.queryParams
        .filter((p) => p.required || p.schema?.example !== undefined)
        .map((p) => [p.name, sample(spec, p.schema, p.name)]),
    );
    if (op.paginated) query.per_page = 5;
    if (Object.keys(query).length > 0) input.query = query;
    // the answer holds the IDs it finds only with their gate on (`include_peer_events`): the refused calls go without
    const finds = found.get(op.operationId) ?? [];
    const gates = Object.assign({}, ...finds.map((how) => how.query));
    valid.push({
      operationId: op.operationId,
      call,
      writes: !op.read,
      params: Object.fromEntries(op.pathParams.map((p) => [p.name, idName(surface, op, p.name)])),
      learns: learns(surface, op),
      ...(finds.length > 0 ? { finds: Object.fromEntries(finds.map((how) => [how.id, how.path])) } : {}),
      declaredErrors: op.errorStatuses,
      input: Object.keys(gates).length > 0 ? { ...input, query: { ...query, ...gates } } : input,
    });

    const refused = (/** @type {string} */ name, /** @type {Record<string, unknown>} */ changed) => ({
      operationId: op.operationId,
      name: `${call}: ${name}`,
      writes: !op.read,
      params: Object.fromEntries(op.pathParams.map((p) => [p.name, idName(surface, op, p.name)])),
      status: mockStatus(op),
      input: { ...input, ...changed },
    });
    if (isObject(input.body)) {
      const schema = flatten(spec, op.bodySchema);
      const body = /** @type {Record<string, unknown>} */ (input.body);
      /** @type {[string, Record<string, unknown>][]} */
      const candidates = [];
      for (const field of schema.required ?? []) {
        const { [field]: _dropped, ...rest } = body;
        candidates.push([`body without its required ${field}`, rest]);
      }
      const props = Object.entries(schema.properties ?? {}).map(([name, raw]) => [name, flatten(spec, raw)]);
      const typed = props.find(([, p]) => WRONG[p?.type] !== undefined && !p.enum && !p.nullable);
      if (typed)
        candidates.push([
          `body.${typed[0]} is ${KIND[typed[1].type]} (must be ${typed[1].type})`,
          { ...body, [typed[0]]: WRONG[typed[1].type] },
        ]);
      const enumerated = props.find(([, p]) => Array.isArray(p?.enum) && p.type === 'string');
      if (enumerated) {
        candidates.push([
          `body.${enumerated[0]} is not one of ${enumerated[1].enum.join(', ')}`,
          { ...body, [enumerated[0]]: 'NOT_A_VALUE' },
        ]);
      }
      const bounded = props.find(([, p]) => typeof p?.minimum === 'number' && p.minimum > 0);
      if (bounded) {
        candidates.push([
          `body.${bounded[0]} is below its minimum ${bounded[1].minimum}`,
          { ...body, [bounded[0]]: bounded[1].minimum - 1 },
        ]);
      }
      for (const [name, candidate] of candidates) {
        if (validate(op.bodySchema, candidate).length > 0) invalid.push(refused(name, { body: candidate }));
      }
    }
    for (const param of op.queryParams) {
      const schema = flatten(spec, param.schema);
      if (!Array.isArray(schema?.enum)) continue;
      if (validate(param.schema, 'NOT_A_VALUE').length === 0) continue;
      invalid.push(
        refused(`query ${param.name} is not one of ${schema.enum.join(', ')}`, {
          query: { .../** @type {object} */ (input.query ?? {}), [param.name]: 'NOT_A_VALUE' },
        }),
      );
    }
  }
  return { valid: providersFirst(valid), invalid };
}
