// @ts-check
/**
 * What a new effective spec changes for users, operation by operation and field by field, each change marked
 * breaking or not, for requests and responses separately: a caller sends requests (narrowing them breaks it),
 * and reads responses (widening them, or taking something away, breaks it).
 *
 * Why not a diff library: openapi-diff 0.24.1, run on four of the fixtures' spec pairs, stops on every one with
 * "Circular $ref pointer found" (ActiveSession.breakout_rooms refers to itself); pb33f's openapi-changes installs
 * by downloading a Go binary, which this machine's network refuses; optic was not tried. So this walks the schemas
 * itself, and the TypeScript check (surface-check.mjs) catches what a schema walk misses.
 */
import { deref, isObject } from '../codegen/spec.mjs';

/**
 * @typedef {{ operationId: string, where: string, path: string, change: string, breaking: boolean }} Change
 * @typedef {'request' | 'response'} Side
 */

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];
const UPPER = /** @type {const} */ (['maxLength', 'maximum', 'maxItems']);
const LOWER = /** @type {const} */ (['minLength', 'minimum', 'minItems']);

/** @param {Record<string, any>} spec */
function operationsOf(spec) {
  /** @type {Map<string, { method: string, path: string, op: any, item: any }>} */
  const ops = new Map();
  for (const [path, rawItem] of Object.entries(spec.paths ?? {})) {
    const item = deref(spec, rawItem, 'spec');
    for (const method of METHODS) {
      const op = item?.[method];
      if (op?.operationId) ops.set(op.operationId, { method: method.toUpperCase(), path, op, item });
    }
  }
  return ops;
}

/** An operation's parameters (path-level overridden by its own), by `in:name`. */
function parametersOf(/** @type {Record<string, any>} */ spec, /** @type {any} */ item, /** @type {any} */ op) {
  const params = new Map();
  for (const raw of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
    const p = deref(spec, raw, 'spec');
    params.set(`${p.in}:${p.name}`, p);
  }
  return params;
}

/**
 * The schema with `$ref`s followed and `allOf` folded into one: properties merged, a property that several parts
 * declare kept as all of them (GetMeeting's `data` is a Meeting in one part and gains ai_config in another).
 * @param {Record<string, any>} spec @param {any} raw @returns {any}
 */
function folded(spec, raw) {
  const schema = deref(spec, raw, 'spec');
  if (!isObject(schema) || !Array.isArray(schema.allOf)) return schema;
  /** @type {Record<string, any>} */
  const out = { ...schema, properties: { ...schema.properties }, required: [...(schema.required ?? [])] };
  delete out.allOf;
  for (const part of schema.allOf) {
    const flat = folded(spec, part);
    if (!isObject(flat)) continue;
    for (const [key, value] of Object.entries(flat)) {
      // every part's list items count (a paging envelope's bare `items: object` and the list's own item type)
      if (key === 'items' && out.items !== undefined) out.items = { allOf: [out.items, value] };
      else if (!['properties', 'required'].includes(key) && out[key] === undefined) out[key] = value;
    }
    for (const [name, prop] of Object.entries(flat.properties ?? {})) {
      out.properties[name] = name in out.properties ? { allOf: [out.properties[name], prop] } : prop;
    }
    out.required.push(...(flat.required ?? []));
  }
  out.required = [...new Set(out.required)];
  return out;
}

const typeOf = (/** @type {any} */ s) => s?.type ?? (s?.properties ? 'object' : s?.items ? 'array' : undefined);

const refName = (/** @type {any} */ s) => (isObject(s) && typeof s.$ref === 'string' ? s.$ref : '');

/**
 * @param {Record<string, any>} before the effective spec users have now
 * @param {Record<string, any>} after the effective spec the update produces
 * @returns {Change[]}
 */
export function classify(before, after) {
  /** @type {Change[]} */
  const changes = [];
  const oldOps = operationsOf(before);
  const newOps = operationsOf(after);

  for (const [operationId, { method, path }] of oldOps) {
    if (!newOps.has(operationId)) {
      changes.push({ operationId, where: 'operation', path: `${method} ${path}`, change: 'removed', breaking: true });
    }
  }
  for (const [operationId, now] of newOps) {
    const was = oldOps.get(operationId);
    const emit = (/** @type {string} */ where, /** @type {string} */ path, change = '', breaking = false) =>
      changes.push({ operationId, where, path, change, breaking });
    if (!was) {
      emit('operation', `${now.method} ${now.path}`, 'added', false);
      continue;
    }
    if (was.method !== now.method || was.path !== now.path) {
      emit('operation', `${now.method} ${now.path}`, `moved from ${was.method} ${was.path}`, true);
    }
    compareParameters(before, after, was, now, emit);
    compareBodies(before, after, was.op.requestBody, now.op.requestBody, emit);
    for (const [status, raw] of Object.entries(was.op.responses ?? {})) {
      if (!/^2\d\d$/.test(status)) continue;
      const next = now.op.responses?.[status];
      if (!next) {
        emit(`response ${status}`, '', 'removed', true);
        continue;
      }
      const schemaOf = (/** @type {any} */ spec, /** @type {any} */ r) =>
        deref(spec, r, 'spec')?.content?.['application/json']?.schema;
      compareSchema(
        before,
        after,
        schemaOf(before, raw),
        schemaOf(after, next),
        'response',
        '',
        (path, change, breaking) => emit(`response ${status}`, path, change, breaking),
      );
    }
    for (const status of Object.keys(now.op.responses ?? {})) {
      if (/^2\d\d$/.test(status) && !was.op.responses?.[status]) emit(`response ${status}`, '', 'added', false);
    }
  }
  return changes;
}

/** @param {any} before @param {any} after @param {any} was @param {any} now @param {(where: string, path: string, change?: string, breaking?: boolean) => void} emit */
function compareParameters(before, after, was, now, emit) {
  const oldParams = parametersOf(before, was.item, was.op);
  const newParams = parametersOf(after, now.item, now.op);
  for (const [key, p] of oldParams) {
    if (!newParams.has(key)) emit(p.in, p.name, 'removed', true);
  }
  for (const [key, p] of newParams) {
    const q = oldParams.get(key);
    if (!q) {
      emit(p.in, p.name, p.required ? 'added, required' : 'added', !!p.required);
      continue;
    }
    if (p.required && !q.required) emit(p.in, p.name, 'newly required', true);
    if (!p.required && q.required) emit(p.in, p.name, 'no longer required', false);
    compareSchema(before, after, q.schema, p.schema, 'request', p.name, (path, change, breaking) =>
      emit(p.in, path, change, breaking),
    );
  }
}

/** @param {any} before @param {any} after @param {any} rawOld @param {any} rawNew @param {(where: string, path: string, change?: string, breaking?: boolean) => void} emit */
function compareBodies(before, after, rawOld, rawNew, emit) {
  const o = rawOld ? deref(before, rawOld, 'spec') : undefined;
  const n = rawNew ? deref(after, rawNew, 'spec') : undefined;
  const os = o?.content?.['application/json']?.schema;
  const ns = n?.content?.['application/json']?.schema;
  if (!os && !ns) return;
  if (os && !ns) return emit('request body', '', 'removed', true);
  if (!os && ns) return emit('request body', '', n.required ? 'added, required' : 'added', !!n.required);
  if (n.required && !o.required) emit('request body', '', 'newly required', true);
  compareSchema(before, after, os, ns, 'request', '', (path, change, breaking) =>
    emit('request body', path, change, breaking),
  );
}

/**
 * Walks two schemas side by side. `side` says who suffers a change: a caller building a request, or one reading a
 * response. Recursive schemas are walked once per pair of references.
 * @param {Record<string, any>} before @param {Record<string, any>} after @param {any} rawOld @param {any} rawNew
 * @param {Side} side @param {string} path
 * @param {(path: string, change: string, breaking: boolean) => void} emit
 * @param {Set<string>} [seen]
 */
function compareSchema(before, after, rawOld, rawNew, side, path, emit, seen = new Set()) {
  const pair = `${refName(rawOld)}|${refName(rawNew)}`;
  if (pair !== '|') {
    if (seen.has(pair)) return;
    seen = new Set(seen).add(pair);
  }
  const o = folded(before, rawOld);
  const n = folded(after, rawNew);
  if (!isObject(o) || !isObject(n)) return;
  const request = side === 'request';
  const ot = typeOf(o);
  const nt = typeOf(n);
  if (ot !== nt) return emit(path, `changed type: ${ot ?? 'any'} → ${nt ?? 'any'}`, true);
  for (const key of ['anyOf', 'oneOf']) {
    const [a, b] = [o[key], n[key]];
    if (!a && !b) continue;
    // each alternative walked as any schema is, so a `$ref` and its inline copy compare equal
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) {
      emit(path, `${key} changed: ${a?.length ?? 0} → ${b?.length ?? 0} alternatives`, true);
      continue;
    }
    for (const [i, alt] of a.entries()) {
      compareSchema(before, after, alt, b[i], side, `${path}(${key} ${i + 1})`, emit, seen);
    }
  }

  if (!!o.nullable !== !!n.nullable) {
    // a request that may no longer send null, or a response that may now be null
    emit(path, n.nullable ? 'now nullable' : 'no longer nullable', request ? !n.nullable : !!n.nullable);
  }
  compareEnum(o.enum, n.enum, request, path, emit);
  for (const key of UPPER) {
    const [a, b] = [o[key], n[key]];
    if (a === b) continue;
    const tighter = b !== undefined && (a === undefined || b < a);
    emit(path, `${key} ${a ?? 'none'} → ${b ?? 'none'}`, request && tighter);
  }
  for (const key of LOWER) {
    const [a, b] = [o[key], n[key]];
    if (a === b) continue;
    const tighter = b !== undefined && (a === undefined || b > a);
    emit(path, `${key} ${a ?? 'none'} → ${b ?? 'none'}`, request && tighter);
  }
  for (const key of ['pattern', 'format']) {
    if (o[key] === n[key]) continue;
    // a request gains a rule (or changes it); a response loses one it was read with
    emit(
      path,
      `${key} ${o[key] ?? 'none'} → ${n[key] ?? 'none'}`,
      request ? n[key] !== undefined : o[key] !== undefined,
    );
  }

  const at = (/** @type {string} */ name) => (path ? `${path}.${name}` : name);
  const oldProps = o.properties ?? {};
  const newProps = n.properties ?? {};
  const oldRequired = new Set(o.required ?? []);
  const newRequired = new Set(n.required ?? []);
  for (const name of Object.keys(oldProps)) {
    if (!(name in newProps)) emit(at(name), 'removed', true);
  }
  for (const [name, prop] of Object.entries(newProps)) {
    if (!(name in oldProps)) {
      const required = newRequired.has(name);
      emit(at(name), required ? 'added, required' : 'added', request && required);
      continue;
    }
    if (newRequired.has(name) && !oldRequired.has(name)) emit(at(name), 'newly required', request);
    if (!newRequired.has(name) && oldRequired.has(name)) emit(at(name), 'no longer required', !request);
    compareSchema(before, after, oldProps[name], prop, side, at(name), emit, seen);
  }
  if (o.items || n.items) compareSchema(before, after, o.items, n.items, side, `${path}[]`, emit, seen);
}

/** @param {unknown[] | undefined} a @param {unknown[] | undefined} b @param {boolean} request @param {string} path @param {(path: string, change: string, breaking: boolean) => void} emit */
function compareEnum(a, b, request, path, emit) {
  if (!a && !b) return;
  const list = (/** @type {unknown[]} */ values) => values.map((v) => JSON.stringify(v)).join(', ');
  if (!a && b) return emit(path, `now one of ${list(b)}`, request);
  if (a && !b) return emit(path, `no longer limited to ${list(a)}`, !request);
  const added = (b ?? []).filter((v) => !(a ?? []).includes(v));
  const removed = (a ?? []).filter((v) => !(b ?? []).includes(v));
  // a caller may no longer send a removed value; a reader meets a value it does not know
  if (added.length > 0) emit(path, `enum value${added.length > 1 ? 's' : ''} ${list(added)} added`, !request);
  if (removed.length > 0) emit(path, `enum value${removed.length > 1 ? 's' : ''} ${list(removed)} removed`, request);
}

/**
 * The release a change calls for: major for anything breaking, minor when something was added, patch for any
 * other change to the effective spec (a reworded description reaches the JSDoc), none when it did not change.
 * @param {Change[]} changes @param {boolean} specChanged
 * @returns {'major' | 'minor' | 'patch' | 'none'}
 */
export function bumpFor(changes, specChanged) {
  if (changes.some((c) => c.breaking)) return 'major';
  if (changes.some((c) => /\badded\b/.test(c.change))) return 'minor';
  return changes.length > 0 || specChanged ? 'patch' : 'none';
}
