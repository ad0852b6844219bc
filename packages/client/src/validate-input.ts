import { RealtimeKitError } from './errors';

/** Throws an `invalid_argument` error with `message` unless `ok`. Nothing has been sent when it throws. */
export function check(ok: unknown, message: string, details?: object): asserts ok {
  if (!ok) throw new RealtimeKitError('invalid_argument', message, details);
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  const proto = typeof value === 'object' && value !== null && Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/** A header's name (RFC 9110's token) and value (no line break, NUL or other control character). */
const HEADER_NAME = /^[!#$%&'*+.^`|~\w-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * Checks headers given as options (`where` says which: `headers`, `options.headers`): a bad one would otherwise fail
 * in the transport as a network error, and a GET be retried for nothing. A value is never quoted: it may be a secret.
 */
export function checkHeaders(headers: unknown, where: string, details?: object) {
  check(headers === undefined || isPlainObject(headers), `${where} must be a plain object of strings`, details);
  for (const [name, value] of Object.entries(headers ?? {})) {
    check(
      HEADER_NAME.test(name) && typeof value === 'string' && HEADER_VALUE.test(value),
      `${where}[${JSON.stringify(name)}] must be a header name, its value a string without line breaks or control characters`,
      details,
    );
  }
}

/** An ID must be a non-empty string and not a dot segment: `.` and `..` would be resolved away by URL parsing. */
export const isId = (value: unknown) => typeof value === 'string' && value !== '' && value !== '.' && value !== '..';

/** What is wrong with a value that is no ID, after its name: an object is most often a whole item, or arguments swapped. */
export const notAnId = (value: unknown) =>
  `must be a non-empty string other than "." or ".."${
    typeof value === 'string'
      ? ''
      : `, not ${value === null ? null : typeof value}${typeof value === 'object' && value ? ": pass the item's id, and check the order of the arguments" : ''}`
  }`;

/** Checks timeout and retry settings, for the client and for each call alike. */
export function checkLimits(timeoutMs: number, maxRetries: number) {
  check(timeoutMs > 0 && timeoutMs < 2 ** 31, 'timeoutMs must be a positive number of milliseconds');
  check(Number.isInteger(maxRetries) && maxRetries >= 0, 'maxRetries must be a whole number, 0 or more');
}

const paramCache: Record<string, string[]> = {};
/** The names of a path template's parameters, `/meetings/{meeting_id}` → `['meeting_id']`, parsed once per template. */
export const pathParams = (template: string) =>
  (paramCache[template] ??= (template.match(/\{[\w-]+\}/g) ?? []).map((p) => p.slice(1, -1)));
