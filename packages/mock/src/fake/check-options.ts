import type { RealtimeKitFakeOptions } from './create-fake';
import type { FakeLimits } from './state';

const validRate = (rate: unknown) => {
  const { requests, windowSeconds } = (rate ?? {}) as { requests?: unknown; windowSeconds?: unknown };
  return (
    Number.isInteger(requests) && (requests as number) > 0 && typeof windowSeconds === 'number' && windowSeconds > 0
  );
};

/** Refuses options a fake cannot run with, naming the option and what it takes (never echoing the token). */
export function checkOptions(options: RealtimeKitFakeOptions, limits: Required<FakeLimits>) {
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 0) {
      throw new RangeError(`createRealtimeKitFake: limits.${name} must be a whole number of 0 or more, not ${value}`);
    }
  }
  if (options.seed !== undefined && !Number.isInteger(options.seed)) {
    throw new TypeError(`createRealtimeKitFake: seed must be a whole number, not ${options.seed}`);
  }
  for (const name of ['apiToken', 'accountId', 'appId'] as const) {
    const value = options[name];
    if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) {
      // the token's value is never echoed
      throw new TypeError(`createRealtimeKitFake: ${name} must be a non-empty string when given`);
    }
  }
  for (const name of ['rateLimit', 'recordingRateLimit'] as const) {
    const rate = options[name];
    if (rate !== undefined && !(name === 'recordingRateLimit' && rate === false) && !validRate(rate)) {
      throw new RangeError(
        `createRealtimeKitFake: ${name} needs requests (a whole number over 0) and windowSeconds over 0${name === 'recordingRateLimit' ? ', or false' : ''}`,
      );
    }
  }
  if (options.presets !== undefined && !options.presets.every((p) => typeof p === 'string' && p !== '')) {
    throw new TypeError('createRealtimeKitFake: presets must be a list of preset names');
  }
}
