import { RealtimeKitError } from './errors';

/** Throws an `invalid_argument` error with `message` unless `ok`. Nothing has been sent when it throws. */
export function check(ok: unknown, message: string, details?: object): asserts ok {
  if (!ok) throw new RealtimeKitError('invalid_argument', message, details);
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  const proto = typeof value === 'object' && value !== null && Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/** An ID must be a non-empty string and not a dot segment: `.` and `..` would be resolved away by URL parsing. */
export const isId = (value: unknown) => typeof value === 'string' && value !== '' && value !== '.' && value !== '..';

/** Checks timeout and retry settings, for the client and for each call alike. */
export function checkLimits(timeoutMs: number, maxRetries: number) {
  check(timeoutMs > 0 && timeoutMs < 2 ** 31, 'timeoutMs must be a positive number of milliseconds');
  check(Number.isInteger(maxRetries) && maxRetries >= 0, 'maxRetries must be a whole number, 0 or more');
}

const paramCache: Record<string, string[]> = {};
/** The names of a path template's parameters, `/meetings/{meeting_id}` → `['meeting_id']`, parsed once per template. */
export const pathParams = (template: string) =>
  (paramCache[template] ??= (template.match(/\{[\w-]+\}/g) ?? []).map((p) => p.slice(1, -1)));
