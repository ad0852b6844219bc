import { closestName } from '@realtimekit-meetings/core';
import type { Validate } from '../generated/validators.gen';
import { describe } from './respond';

/** The body's top-level properties its request schema does not declare: the fake ignores them. */
export const undeclaredProperties = (body: unknown, writable: readonly string[]): string[] =>
  body && typeof body === 'object' && !Array.isArray(body)
    ? Object.keys(body).filter((k) => !writable.includes(k))
    : [];

/**
 * Why a request the spec refuses was refused, as `describe` says it, and the body properties the fake ignored beside
 * it: a required property reported missing is often one of them, misspelt (`presetName` for `preset_name`).
 */
export function refusalWithIgnored(validate: Validate, ignored: readonly string[]): string {
  const message = describe(validate);
  if (ignored.length === 0) return message;
  const error = validate.errors?.[0];
  const missing =
    error?.keyword === 'required' && error.instancePath === '/body' ? String(error.params.missingProperty) : undefined;
  const close = missing === undefined ? undefined : closestName(missing, ignored);
  const hint = close === undefined ? '' : `; did you mean '${missing}' instead of '${close}'?`;
  return `${message} (ignored, not in the spec: ${ignored.join(', ')}${hint})`;
}
