// `@realtimekit-meetings/client/presets`: an app's presets kept as code (plan, then apply). Kept out of the main
// entry, so that a browser bundle of the client carries none of it.

export { type AppliedPresetStep, applyPresetPlan, PresetApplyError } from './apply-preset-plan';
export {
  describePresetPlan,
  type PlanPresetsOptions,
  type PresetChange,
  type PresetPlan,
  type PresetStep,
  type PresetsClient,
  planPresets,
} from './plan-presets';
