// @ts-check
/**
 * The SDK surface: the operations of the effective spec joined with their names from spec/sdk.yaml. Every
 * emitter reads this model, never the spec or the naming source directly.
 */
import { deref } from './ref.mjs';
import { flatten } from './schema.mjs';
import { GenerateError, isObject } from './spec.mjs';

/** Every RealtimeKit path starts with this; the account's own resources (`apps`) sit right below it. */
export const KIT_PREFIX = '/accounts/{account_id}/realtime/kit';
/** The prefix of an app's resources, which a client (or a proxy) fills in from its own account and app. */
export const APP_PREFIX = `${KIT_PREFIX}/{app_id}`;
const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete'];
const SCOPE_PARAMS = new Set(['account_id', 'app_id']);
const CACHE_KINDS = new Set(['created', 'updated', 'deleted']);
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `meeting_id` -> `meetingId`, `active-livestream` -> `activeLivestream`. */
export const camel = (/** @type {string} */ text) => text.replace(/[-_]+([a-z0-9])/gi, (_, c) => c.toUpperCase());
export const pascal = (/** @type {string} */ text) => camel(text).replace(/^./, (c) => c.toUpperCase());
/** `meetings` -> `meeting`; a name that is not plural stays. */
export const singular = (/** @type {string} */ text) => (text.endsWith('s') ? text.slice(0, -1) : text);

/**
 * @typedef {{ name: string, description: string, required: boolean, schema: any }} Param
 * @typedef {{
 *   operationId: string, method: string, path: string, below: string, route: string, account: boolean,
 *   summary: string, description: string,
 *   tag: string, pathParams: Param[], queryParams: Param[], commaQuery: string[], bodySchema: any, bodyRequired: boolean,
 *   bodyFields: string[],
 *   successStatus: number, responseSchema: any, errorStatuses: number[], hasBody: boolean,
 *   resource: string, name: string, hook: string, paginated?: { hook: string, items?: string } | false, cache?: 'created' | 'updated' | 'deleted',
 *   invalidates: string[], refetches: { operationId: string, from: "path" | "body" | "holding" | "collection" }[], types: { body?: string, query?: string, result?: string, item?: string },
 *   read: boolean,
 * }} SurfaceOperation
 * @typedef {{ operations: SurfaceOperation[], schemas: Record<string, string>, byId: Map<string, SurfaceOperation> }} Surface
 */

/**
 * Joins the spec's operations with the naming source; stops on any operation without a name, any name without an
 * operation, and names that collide or do not fit the operation.
 * @param {Record<string, any>} spec the effective spec
 * @param {Record<string, any>} naming the parsed spec/sdk.yaml
 * @param {{ spec: string, naming: string }} files where each came from, for messages
 * @returns {Surface}
 */
export function buildSurface(spec, naming, files) {
  const fail = (/** @type {string} */ problem) => new GenerateError(files.naming, problem);
  if (!isObject(naming.operations)) throw fail('needs an `operations` mapping (operationId: { method, hook, ... })');
  const schemas = naming.schemas ?? {};
  if (!isObject(schemas)) throw fail('`schemas` must map a type name to a component of components.schemas');
  for (const [name, component] of Object.entries(schemas)) {
    if (!IDENTIFIER.test(name)) throw fail(`schemas: ${name} is not a TypeScript identifier`);
    if (!spec.components?.schemas?.[component]) throw fail(`schemas.${name}: no component ${component} in the spec`);
  }

  /** @type {SurfaceOperation[]} */
  const operations = [];
  const seen = new Set();
  for (const [template, rawItem] of Object.entries(spec.paths ?? {})) {
    const item = deref(spec, rawItem, files.spec);
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      const where = `${method.toUpperCase()} ${template}`;
      if (typeof op.operationId !== 'string' || op.operationId === '') {
        throw new GenerateError(files.spec, `invalid spec: ${where} has no operationId`);
      }
      if (seen.has(op.operationId)) {
        throw new GenerateError(files.spec, `invalid spec: operationId ${op.operationId} is used twice`);
      }
      seen.add(op.operationId);
      // an app's operation (below APP_PREFIX), or one of the account's (`apps`, below KIT_PREFIX)
      const account = !template.startsWith(`${APP_PREFIX}/`);
      if (account && !template.startsWith(`${KIT_PREFIX}/`)) {
        throw new GenerateError(files.spec, `invalid spec: ${where} is not below ${KIT_PREFIX}`);
      }
      /** @type {Map<string, any>} later declarations (the operation's) override the path item's */
      const declared = new Map();
      for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => deref(spec, p, files.spec))) {
        declared.set(`${p.in}:${p.name}`, p);
      }
      const params = [...declared.values()];
      const toParam = (/** @type {any} */ p) => ({
        name: p.name,
        description: String(p.description ?? '').trim(),
        required: !!p.required,
        schema: p.schema ?? {},
      });
      const pathNames = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => /** @type {string} */ (m[1]));
      for (const name of pathNames) {
        if (!params.some((p) => p.in === 'path' && p.name === name)) {
          throw new GenerateError(files.spec, `invalid spec: ${where} does not declare its path parameter ${name}`);
        }
      }
      const pathParams = pathNames
        // an app's operations take account and app from the client; the account's take an app ID as an argument
        .filter((name) => (account ? name !== 'account_id' : !SCOPE_PARAMS.has(name)))
        .map((name) => toParam(params.find((p) => p.in === 'path' && p.name === name)));
      const queryParams = params.filter((p) => p.in === 'query').map(toParam);
      const commaQuery = params
        .filter((p) => p.in === 'query')
        .flatMap((p) => commaSeparated(spec, p, where, files.spec));
      const statuses = Object.keys(op.responses ?? {});
      const success = statuses
        .filter((code) => /^2\d\d$/.test(code))
        .map(Number)
        .sort((a, b) => a - b);
      if (success.length === 0) throw new GenerateError(files.spec, `invalid spec: ${where} declares no 2xx response`);
      const successStatus = /** @type {number} */ (success[0]);
      const response = deref(spec, op.responses[String(successStatus)], files.spec);
      const body = op.requestBody ? deref(spec, op.requestBody, files.spec) : undefined;
      const bodySchema = body?.content?.['application/json']?.schema;
      operations.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path: template,
        below: template.slice((account ? KIT_PREFIX : APP_PREFIX).length),
        // what the client sends to: the path below the app, or the whole template for the account's operations
        route: account ? template : template.slice(APP_PREFIX.length),
        account,
        summary: String(op.summary ?? '').trim(),
        description: String(op.description ?? '').trim(),
        tag: Array.isArray(op.tags) && typeof op.tags[0] === 'string' ? op.tags[0] : 'default',
        pathParams,
        queryParams,
        commaQuery,
        bodySchema,
        bodyRequired: !!bodySchema && !!body?.required,
        // the fields a body must have (a recording's meeting_id), which a cache update may key by
        bodyFields: bodySchema && body?.required ? (flatten(spec, bodySchema, files.spec)?.required ?? []) : [],
        hasBody: isObject(body?.content) && Object.keys(body.content).length > 0,
        successStatus,
        responseSchema: response?.content?.['application/json']?.schema,
        errorStatuses: statuses
          .filter((code) => /^4\d\d$/.test(code))
          .map(Number)
          .sort((a, b) => a - b),
        ...named(op.operationId, naming.operations[op.operationId], method.toUpperCase(), fail),
      });
    }
  }
  if (operations.length === 0) throw new GenerateError(files.spec, 'invalid spec: no `paths`');
  for (const id of Object.keys(naming.operations)) {
    if (!seen.has(id)) throw fail(`operations.${id}: the spec has no such operation (renamed or removed upstream?)`);
  }
  const byId = new Map(operations.map((op) => [op.operationId, op]));
  checkUnique(operations, fail);
  for (const op of operations) {
    for (const target of op.invalidates) {
      const read = byId.get(target);
      if (!read?.read) throw fail(`operations.${op.operationId}.invalidates: ${target} is not a read operation`);
      op.refetches.push({ operationId: target, from: idsFrom(op, read, fail) });
    }
    if (op.paginated && !op.read) throw fail(`operations.${op.operationId}: only a GET lists with paging`);
    const paged = ['page_no', 'per_page'].every((name) => op.queryParams.some((p) => p.name === name));
    if (paged && op.read && op.paginated === undefined) {
      throw fail(
        `operations.${op.operationId} takes page_no and per_page: give it paginated: { hook: useInfiniteSomething } (and items: the list's name under data, when data is no list), or paginated: false where its answer holds no list with paging`,
      );
    }
    if (op.cache && op.read) throw fail(`operations.${op.operationId}: a read has no cache update`);
  }
  return { operations, schemas, byId };
}

/**
 * `[name]` when a query parameter is an array sent comma-separated (`status=A,B`: style `form`, the default, with
 * `explode: false`), `[]` when it is sent repeated (`status=A&status=B`, explode's default) or is no array; stops on a
 * style the client does not send (`spaceDelimited`, `pipeDelimited`, `deepObject`).
 * @param {Record<string, any>} spec @param {any} param @param {string} where @param {string} file
 * @returns {string[]}
 */
function commaSeparated(spec, param, where, file) {
  const style = param.style ?? 'form';
  if (style !== 'form') {
    throw new GenerateError(
      file,
      `${where}: query parameter ${param.name} has style ${style}; the client sends form only`,
    );
  }
  const schema = param.schema ? deref(spec, param.schema, file) : {};
  return schema.type === 'array' && param.explode === false ? [param.name] : [];
}

/**
 * The names one naming entry gives its operation, checked and with defaults filled in.
 * @param {string} operationId @param {any} entry @param {string} method @param {(m: string) => Error} fail
 */
function named(operationId, entry, method, fail) {
  const where = `operations.${operationId}`;
  if (!isObject(entry)) {
    throw fail(
      `${where} is missing: every operation needs a name, e.g.\n  ${operationId}:\n    method: meetings.doSomething\n    hook: useDoSomething`,
    );
  }
  const known = new Set(['method', 'hook', 'paginated', 'cache', 'invalidates', 'types']);
  for (const key of Object.keys(entry)) if (!known.has(key)) throw fail(`${where}.${key}: unknown key`);
  const [resource, name, extra] = String(entry.method ?? '').split('.');
  if (!resource || !name || extra !== undefined || !IDENTIFIER.test(resource) || !IDENTIFIER.test(name)) {
    throw fail(`${where}.method must be resource.name (e.g. meetings.get), not ${JSON.stringify(entry.method)}`);
  }
  if (typeof entry.hook !== 'string' || !/^use[A-Z]\w*$/.test(entry.hook)) {
    throw fail(`${where}.hook must be a hook name (useSomething), not ${JSON.stringify(entry.hook)}`);
  }
  /** @type {{ hook: string, items?: string } | false | undefined} */
  let paginated;
  // false: it takes page_no and per_page, but its answer holds no list with paging to follow (said beside it)
  if (entry.paginated === false) paginated = false;
  else if (entry.paginated !== undefined) {
    if (!isObject(entry.paginated) || !/^use[A-Z]\w*$/.test(entry.paginated.hook ?? '')) {
      throw fail(`${where}.paginated must name its infinite hook: { hook: useInfiniteSomething }`);
    }
    const { hook, items, ...other } = entry.paginated;
    if (Object.keys(other).length > 0) throw fail(`${where}.paginated takes hook and items, not ${Object.keys(other)}`);
    if (items !== undefined && !IDENTIFIER.test(items)) {
      throw fail(
        `${where}.paginated.items must name the list under \`data\` (items: sessions), not ${JSON.stringify(items)}`,
      );
    }
    paginated = items === undefined ? { hook } : { hook, items };
  }
  if (entry.cache !== undefined && !CACHE_KINDS.has(entry.cache)) {
    throw fail(`${where}.cache must be one of ${[...CACHE_KINDS].join(', ')}`);
  }
  const invalidates = entry.invalidates ?? [];
  if (!Array.isArray(invalidates)) throw fail(`${where}.invalidates must list operationIds`);
  const types = entry.types ?? {};
  if (!isObject(types)) throw fail(`${where}.types must be a mapping`);
  for (const [key, value] of Object.entries(types)) {
    if (!['body', 'query', 'result', 'item'].includes(key)) throw fail(`${where}.types.${key}: unknown key`);
    if (typeof value !== 'string' || !IDENTIFIER.test(value)) throw fail(`${where}.types.${key} must be a type name`);
  }
  const base = `${pascal(singular(resource))}${pascal(name)}`;
  return {
    resource,
    name,
    hook: entry.hook,
    paginated,
    cache: entry.cache,
    invalidates,
    /** @type {{ operationId: string, from: 'path' | 'body' | 'holding' | 'collection' }[]} filled once every operation is known */
    refetches: [],
    read: method === 'GET',
    types: {
      body: types.body ?? `${base}Body`,
      query: types.query,
      result: types.result ?? (paginated ? undefined : `${base}Result`),
      item: types.item ?? (paginated ? `${pascal(singular(resource))}` : undefined),
    },
  };
}

/**
 * Where the IDs of a refetched read's key come from: the mutation's path (`path`); its required body fields
 * (`body`: a recording started for its `meeting_id`); or, for the one ID of an item of the mutation's own resource that
 * neither gives, the items cached that are the mutation's item (`holding`: the active recording that is the recording
 * paused), or every item when the mutation names none (`collection`). Anything else stops generate.
 * @param {SurfaceOperation} op @param {SurfaceOperation} read @param {(m: string) => Error} fail
 * @returns {'path' | 'body' | 'holding' | 'collection'}
 */
function idsFrom(op, read, fail) {
  const own = op.pathParams.map((p) => p.name);
  const missing = read.pathParams.map((p) => p.name).filter((name) => !own.includes(name));
  if (missing.length === 0) return 'path';
  if (missing.every((name) => op.bodyFields.includes(name))) return 'body';
  const resource = (/** @type {string} */ below) => below.split('/')[1];
  if (missing.length === 1 && read.below.endsWith(`/{${missing[0]}}`) && resource(read.below) === resource(op.below))
    return own.length > 0 ? 'holding' : 'collection';
  throw fail(
    `operations.${op.operationId}.invalidates: ${read.operationId}'s path IDs (${missing.join(', ')}) come from neither its path nor its body${missing.length === 1 && read.below.endsWith(`/{${missing[0]}}`) ? `, and its items are no ${resource(op.below)}` : ''}`,
  );
}

/** Two operations may not share a client method or a hook. */
function checkUnique(/** @type {SurfaceOperation[]} */ operations, /** @type {(m: string) => Error} */ fail) {
  const owners = new Map();
  const claim = (/** @type {string} */ key, /** @type {string} */ id) => {
    if (owners.has(key)) throw fail(`operations.${id}: ${key} is already ${owners.get(key)}'s`);
    owners.set(key, id);
  };
  for (const op of operations) {
    claim(`method ${op.resource}.${op.name}`, op.operationId);
    if (op.paginated) claim(`method ${op.resource}.${op.name}All`, op.operationId);
    claim(`hook ${op.hook}`, op.operationId);
    if (op.paginated) claim(`hook ${op.paginated.hook}`, op.operationId);
  }
}
