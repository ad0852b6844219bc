import {
  type Call,
  type Context,
  type Handler,
  type Json,
  page,
  present,
  scopeOf,
  withDefaults,
  writable,
} from './context';
import { refuse } from './refusal';

/** A preset the app created through the API, under the scope (`account/app`) it was created in. */
export interface StoredPreset {
  scope: string;
  preset: Json & { id: string; name: string; created_at: string; updated_at: string };
}

/** The app's created presets, oldest first. */
const inApp = (ctx: Context, call: Call) =>
  [...ctx.state.presets.values()].filter((p) => p.scope === scopeOf(call)).map((p) => p.preset);

function findPreset(ctx: Context, call: Call): StoredPreset {
  const id = call.params.preset_id as string;
  const stored = ctx.state.presets.get(id);
  if (!stored || stored.scope !== scopeOf(call)) refuse(404, `No preset found with id ${id} in app ${call.appId}`);
  return stored;
}

/** A preset's name is unique in its app, defaults included: participants name presets by it. */
function uniqueName(ctx: Context, call: Call, name: unknown, except?: string) {
  if (typeof name !== 'string') return;
  const taken = ctx.presets.includes(name) || inApp(ctx, call).some((p) => p.name === name && p.id !== except);
  if (taken) refuse(409, `A preset named '${name}' already exists in app ${call.appId}: choose another name`);
}

/** Whether an app has a preset of this name: one of the defaults, or one it created. */
export const hasPreset = (ctx: Context, call: Call, name: string) =>
  ctx.presets.includes(name) || inApp(ctx, call).some((p) => p.name === name);

/** Presets: list (the created ones, by name search), create, get, replace, update (merge), delete. */
export const presets = {
  'get-presets'(ctx, call) {
    const search = typeof call.query.search === 'string' ? call.query.search.toLowerCase() : undefined;
    const found = inApp(ctx, call)
      .filter((p) => !search || p.name.toLowerCase().includes(search))
      .map(({ id, name, created_at, updated_at }) => ({ id, name, created_at, updated_at }));
    return { status: 200, ...page(found, call.query) };
  },

  'post-presets'(ctx, call) {
    uniqueName(ctx, call, call.body.name);
    const now = ctx.now();
    const preset = {
      ...withDefaults('post-presets', call.body),
      id: ctx.random.uuid(),
      created_at: now,
      updated_at: now,
    } as StoredPreset['preset'];
    return {
      status: 201,
      data: preset,
      commit: () => ctx.state.presets.set(preset.id, { scope: scopeOf(call), preset }),
    };
  },

  'get-presets-preset_id'(ctx, call) {
    return { status: 200, data: findPreset(ctx, call).preset };
  },

  'put-presets-preset_id'(ctx, call) {
    const stored = findPreset(ctx, call);
    uniqueName(ctx, call, call.body.name, stored.preset.id);
    const { id, created_at } = stored.preset;
    const replaced = {
      ...withDefaults('put-presets-preset_id', call.body),
      id,
      created_at,
      updated_at: ctx.now(),
    } as StoredPreset['preset'];
    return { status: 200, data: replaced, commit: () => (stored.preset = replaced) };
  },

  'patch-presets-preset_id'(ctx, call) {
    const stored = findPreset(ctx, call);
    uniqueName(ctx, call, call.body.name, stored.preset.id);
    const updated = {
      ...stored.preset,
      ...present(writable('patch-presets-preset_id', call.body)),
      updated_at: ctx.now(),
    } as StoredPreset['preset'];
    return { status: 200, data: updated, commit: () => (stored.preset = updated) };
  },

  'delete-presets-preset_id'(ctx, call) {
    const stored = findPreset(ctx, call);
    return { status: 200, data: stored.preset, commit: () => ctx.state.presets.delete(stored.preset.id) };
  },
} satisfies Record<string, Handler>;
