import type { PresetCreateBody, PresetUpdateBody } from '@realtimekit-meetings/core';
import { RealtimeKitError } from '../errors';
import type { PresetsResource } from '../generated/presets.gen';
import type { RequestOptions } from '../options';

/** One field that differs: where (`config.media.video.quality`), what the API has, what is wanted. */
export interface PresetChange {
  path: string;
  from: unknown;
  to: unknown;
}

/** What applying the plan does to one preset, found by its `name`. */
export type PresetStep =
  | { action: 'create'; name: string; body: PresetCreateBody }
  | { action: 'update'; name: string; id: string; changes: PresetChange[]; body: PresetUpdateBody }
  | { action: 'unchanged'; name: string; id: string }
  | { action: 'delete'; name: string; id: string };

/**
 * What `applyPresetPlan` would do, preset by preset: a plain object (print it, keep it as JSON in a review), made
 * from what the API had when it was planned.
 */
export interface PresetPlan {
  /** One step per desired preset, in their order, then the deletions (with `prune`). */
  steps: PresetStep[];
  /** No step writes: the app's presets are as desired. */
  empty: boolean;
}

export interface PlanPresetsOptions {
  /** Also delete the app's presets that `desired` does not name (default false: they are left alone). */
  prune?: boolean;
  /** For every call: `signal`, `timeoutMs`, `headers`, `accountId`, `appId`... */
  request?: RequestOptions;
}

/** What the presets functions need of a client: `rtk`, or anything with its `presets` methods. */
export interface PresetsClient {
  presets: Pick<PresetsResource, 'listAll' | 'get' | 'create' | 'update' | 'delete'>;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Compares the app's presets with `desired`, matched by `name`, and returns what would change. Reads only: every
 * page of the list (`listAll`), then each desired preset that exists (`get`, for its fields). A preset is
 * `unchanged` when every field `desired` sets has that value in the API's answer: fields it leaves out (the spec's
 * defaults, `id`, `created_at`, `updated_at`, whatever the server adds) are not compared, so a preset created from
 * a body that omits defaulted fields plans `unchanged` afterwards. An `update` lists each differing field and
 * sends, with PATCH, each top-level section that differs, merged over what the API has (so the fields `desired`
 * leaves out keep their value whether the API merges a PATCH deeply or not).
 *
 * Bad input (not a list, a preset without a name, the same name twice) is an `invalid_argument` error before any
 * call.
 */
export async function planPresets(
  rtk: PresetsClient,
  desired: readonly PresetCreateBody[],
  options: PlanPresetsOptions = {},
): Promise<PresetPlan> {
  checkDesired(rtk, desired, options);
  const { prune = false, request } = options;
  const existing = new Map<string, string>(); // name -> id
  const extra: { name: string; id: string }[] = [];
  const wanted = new Set(desired.map((p) => p.name));
  for await (const { name, id } of rtk.presets.listAll(undefined, request)) {
    if (name === undefined || id === undefined) continue; // the spec makes both optional: nothing to match or delete
    if (!existing.has(name)) existing.set(name, id);
    else extra.push({ name, id }); // a name twice (if the API allows it): a copy, pruned
  }
  const steps: PresetStep[] = [];
  for (const body of desired) {
    const id = existing.get(body.name);
    if (id === undefined) {
      steps.push({ action: 'create', name: body.name, body });
      continue;
    }
    const actual = (await rtk.presets.get(id, request)) as unknown as Json;
    const changes: PresetChange[] = [];
    const patch: Json = {};
    for (const [key, value] of Object.entries(body)) {
      if (value === undefined) continue; // \`name\` compares equal: it is how the preset was found
      const before = changes.length;
      compare(value, actual[key], key, changes);
      if (changes.length > before) patch[key] = merge(actual[key], value);
    }
    steps.push(
      changes.length > 0
        ? { action: 'update', name: body.name, id, changes, body: patch as PresetUpdateBody }
        : { action: 'unchanged', name: body.name, id },
    );
  }
  if (prune) {
    for (const [name, id] of existing) if (!wanted.has(name)) steps.push({ action: 'delete', name, id });
    for (const { name, id } of extra) steps.push({ action: 'delete', name, id });
  }
  return { steps, empty: steps.every((s) => s.action === 'unchanged') };
}

/** A plan as text, one line per step, the changed fields below each update: for a log or a review. */
export function describePresetPlan(plan: PresetPlan): string {
  if (plan.steps.length === 0) return 'no presets desired, none to delete';
  const show = (value: unknown) => (value === undefined ? '(absent)' : JSON.stringify(value));
  return plan.steps
    .flatMap((step) => {
      const sign = { create: '+', update: '~', unchanged: '=', delete: '-' }[step.action];
      const head = `${sign} ${step.action} ${JSON.stringify(step.name)}`;
      if (step.action !== 'update') return [head];
      return [head, ...step.changes.map((c) => `    ${c.path}: ${show(c.from)} -> ${show(c.to)}`)];
    })
    .join('\n');
}

/** Each leaf `want` sets that `have` lacks or holds otherwise; arrays compare whole. Null wants absent or null. */
function compare(want: unknown, have: unknown, path: string, out: PresetChange[]) {
  if (isObject(want)) {
    if (!isObject(have)) {
      out.push({ path, from: have, to: want });
      return;
    }
    for (const [key, value] of Object.entries(want)) {
      if (value !== undefined) compare(value, have[key], `${path}.${key}`, out);
    }
    return;
  }
  if (!same(want, have)) out.push({ path, from: have, to: want });
}

/** Scalars and arrays (of scalars, in presets) by value; null and absent are the same. */
const same = (a: unknown, b: unknown) => (a == null && b == null) || JSON.stringify(a) === JSON.stringify(b);

/** `want` over `have`: objects merged key by key, anything else (arrays included) replaced. */
function merge(have: unknown, want: unknown): unknown {
  if (!isObject(want) || !isObject(have)) return want;
  const out: Json = { ...have };
  for (const [key, value] of Object.entries(want)) if (value !== undefined) out[key] = merge(have[key], value);
  return out;
}

function checkDesired(rtk: unknown, desired: unknown, options: unknown) {
  const fail = (message: string): never => {
    throw new RealtimeKitError('invalid_argument', `planPresets: ${message}`);
  };
  if (typeof (rtk as Partial<PresetsClient> | undefined)?.presets?.listAll !== 'function') {
    fail('the first argument must be a client: createRealtimeKitClient()');
  }
  if (!Array.isArray(desired)) fail('desired must be a list of presets, each with its name');
  const seen = new Set<string>();
  (desired as unknown[]).forEach((preset, i) => {
    if (!isObject(preset)) fail(`desired[${i}] must be a preset object`);
    const { name } = preset as Json;
    if (typeof name !== 'string' || name.trim() === '') fail(`desired[${i}] has no name: presets are matched by name`);
    if (seen.has(name as string)) {
      fail(`two desired presets are named ${JSON.stringify(name)}: names are unique in an app; keep one`);
    }
    seen.add(name as string);
  });
  if (!isObject(options)) fail('options must be an object: { prune?, request? }');
  const { prune } = options as Json;
  if (prune !== undefined && typeof prune !== 'boolean') fail('prune must be true or false');
}
