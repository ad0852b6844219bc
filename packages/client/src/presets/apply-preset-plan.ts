import type { Preset } from '@realtimekit-meetings/core';
import { RealtimeKitError } from '../errors';
import type { RequestOptions } from '../options';
import type { PresetPlan, PresetStep, PresetsClient } from './plan-presets';

/** A step that wrote, with the API's answer (the created, updated or deleted preset). */
export interface AppliedPresetStep {
  step: PresetStep;
  preset: Preset;
}

const label = (step: PresetStep) => `${step.action} ${JSON.stringify(step.name)}`;

/**
 * A create refused because the name is taken (409, or a refusal saying it already exists). The plan saw no preset of
 * that name: either one was created since, or the list does not return the one that has it (the fake leaves the
 * default presets out), and then every new plan plans the same create.
 */
const nameTaken = (step: PresetStep, cause: unknown) =>
  step.action === 'create' &&
  cause instanceof RealtimeKitError &&
  cause.kind === 'http' &&
  (cause.status === 409 || /already exists|duplicate/i.test(cause.message));

/** What to do next: plan again, unless planning again cannot help. */
const advice = (step: PresetStep, cause: unknown) =>
  nameTaken(step, cause)
    ? `Nothing was retried. The name ${JSON.stringify(step.name)} is taken: if planPresets still plans this create, the app's list of presets does not return the preset that has it (RealtimeKit's default presets, such as group_call_host, are not in the fake's list, and may not be in the API's), and every apply fails the same way: give yours another name, or leave that preset out of the presets you keep as code`
    : 'Nothing was retried; run planPresets again to see what is left';

/**
 * An apply that stopped: which writes were made (`done`), which one failed (`failed`, its error as `cause`) and which
 * were not sent (`notDone`). Nothing was retried or rolled back: plan again to see where the app stands. A create
 * refused because the name is taken says why planning again may plan the same create (a default preset, which the
 * fake's list leaves out) and what to do instead.
 */
export class PresetApplyError extends Error {
  override name = 'PresetApplyError';
  readonly done: AppliedPresetStep[];
  readonly failed: PresetStep;
  readonly notDone: PresetStep[];

  constructor(done: AppliedPresetStep[], failed: PresetStep, notDone: PresetStep[], cause: unknown) {
    const reason = (cause as Error).message; // the client's RealtimeKitError: no token in it
    const list = (steps: PresetStep[]) => (steps.length > 0 ? steps.map(label).join(', ') : 'nothing');
    super(
      `applyPresetPlan stopped at ${label(failed)}: ${reason}. Done: ${list(done.map((d) => d.step))}. Not done: ${list(notDone)}. ${advice(failed, cause)}`,
      { cause },
    );
    this.done = done;
    this.failed = failed;
    this.notDone = notDone;
  }
}

/**
 * Makes the writes of a plan from `planPresets`, one at a time in its order (creations and updates as desired, then
 * deletions): POST for `create`, PATCH for `update`, DELETE for `delete`. Each write is sent once, with the client's
 * retry rules (a POST or PATCH is retried only when it was surely not received); the first that fails stops the
 * apply with a `PresetApplyError` listing what was done and what was not. Returns the writes made, with the API's
 * answers. A plan is made from what the API had when it was planned: apply it soon after.
 */
export async function applyPresetPlan(
  rtk: PresetsClient,
  plan: PresetPlan,
  options?: RequestOptions,
): Promise<AppliedPresetStep[]> {
  if (typeof rtk?.presets?.create !== 'function') {
    throw new RealtimeKitError(
      'invalid_argument',
      'applyPresetPlan: the first argument must be a client: createRealtimeKitClient()',
    );
  }
  if (!Array.isArray(plan?.steps)) {
    throw new RealtimeKitError('invalid_argument', 'applyPresetPlan: plan must be what planPresets returned');
  }
  const writes = plan.steps.filter((s) => s.action !== 'unchanged');
  const done: AppliedPresetStep[] = [];
  for (const [i, step] of writes.entries()) {
    try {
      done.push({ step, preset: await write(rtk, step, options) });
    } catch (error) {
      throw new PresetApplyError(done, step, writes.slice(i + 1), error);
    }
  }
  return done;
}

function write(rtk: PresetsClient, step: PresetStep, options?: RequestOptions): Promise<Preset> {
  if (step.action === 'create') return rtk.presets.create(step.body, options);
  if (step.action === 'update') return rtk.presets.update(step.id, step.body, options);
  return rtk.presets.delete(step.id, options);
}
