// @ts-check
// What the spec:update tests run on (spec-update.test.mjs, spec-update-changes.test.mjs): a stand-in for Cloudflare's
// whole description (today's spec/upstream/ inside a document with other products' paths, components and fields, as
// openapi.yaml has them), and the helpers that change a copy of it and run the update as the command runs it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { root } from '../codegen/spec.mjs';
import { computeUpdate } from './update.mjs';

export const UPSTREAM = path.join(root, 'spec/upstream/realtimekit-meetings.openapi.yaml');
export const upstreamText = readFileSync(UPSTREAM, 'utf8');
export const MEETINGS = '/accounts/{account_id}/realtime/kit/{app_id}/meetings';

export function wholeDescription() {
  const fragment = YAML.parse(upstreamText);
  return {
    openapi: fragment.openapi,
    info: fragment.info,
    servers: fragment.servers,
    paths: {
      // another product's path, beside RealtimeKit's
      '/accounts/{account_id}/realtime/sfu/apps': {
        get: { operationId: 'realtimekit-apps', responses: { 200: { $ref: '#/components/responses/apps_200' } } },
      },
      ...fragment.paths,
      // a prefix of the RealtimeKit path that is not under it
      '/accounts/{account_id}/realtime/kit-archive': {
        get: { operationId: 'archive', responses: { 200: { description: 'ok' } } },
      },
      '/zones/{zone_id}': {
        get: { operationId: 'zones-get', responses: { 200: { $ref: '#/components/responses/apps_200' } } },
      },
    },
    components: {
      ...fragment.components,
      schemas: { apps_App: { type: 'object', properties: { id: { type: 'string' } } }, ...fragment.components.schemas },
      responses: {
        apps_200: {
          description: 'ok',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/apps_App' } } },
        },
        ...fragment.components.responses,
      },
    },
    externalDocs: { description: 'Cloudflare Radar Documentation', url: 'https://developers.cloudflare.com/radar/' },
    security: fragment.security,
  };
}

export const schemas = (/** @type {any} */ whole) => whole.components.schemas;
/** A request body's schema, by its component name. */
export const body = (/** @type {any} */ whole, /** @type {string} */ name) => {
  const schema = whole.components.requestBodies[name].content['application/json'].schema;
  return schema.$ref ? whole.components.schemas[schema.$ref.split('/').pop()] : schema;
};
export const op = (/** @type {any} */ whole, /** @type {string} */ id) =>
  Object.values(whole.paths)
    .flatMap((item) => Object.values(item))
    .find((o) => o?.operationId === id);

/** Renames a component of the description, every reference to it following. */
export const rename = (/** @type {any} */ whole, /** @type {string} */ section, /** @type {string} */ from) => {
  const entries = whole.components[section];
  entries[`${from}_v2`] = entries[from];
  delete entries[from];
  const walk = (/** @type {any} */ node) => {
    if (typeof node !== 'object' || node === null) return;
    if (node.$ref === `#/components/${section}/${from}`) node.$ref = `#/components/${section}/${from}_v2`;
    for (const value of Object.values(node)) walk(value);
  };
  walk(whole);
};

/** Runs the update on a changed copy of the description; the report, and why it stopped if it did. */
export async function update(/** @type {(whole: any) => void} */ change) {
  const whole = wholeDescription();
  change(whole);
  const { report, stopped } = await computeUpdate({ whole, source: 'fixture.json', root });
  return { ...report, stopped };
}
export const find = (/** @type {any[]} */ changes, /** @type {Record<string, unknown>} */ match) =>
  changes.filter((c) => Object.entries(match).every(([k, v]) => c[k] === v));
export const allNeeded = (/** @type {any[]} */ overlays) => overlays.every((o) => o.status === 'needed');
