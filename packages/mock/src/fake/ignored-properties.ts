import type { Validate } from '../generated/validators.gen';
import { describe } from './respond';

/** The body's top-level properties its request schema does not declare: the fake ignores them. */
export const undeclaredProperties = (body: unknown, writable: readonly string[]): string[] =>
  body && typeof body === 'object' && !Array.isArray(body)
    ? Object.keys(body).filter((k) => !writable.includes(k))
    : [];

/** `presetName` and `preset_name`, `titel` and `title`: the same name but for case, separators or a small typo. */
function alike(a: string, b: string) {
  const x = a.toLowerCase().replace(/[-_]/g, '');
  const y = b.toLowerCase().replace(/[-_]/g, '');
  if (x === y) return true;
  // Levenshtein distance, one row at a time; names are short
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++) {
      next[j] = Math.min(
        (row[j] as number) + 1,
        (next[j - 1] as number) + 1,
        (row[j - 1] as number) + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
    }
    row = next;
  }
  return (row[y.length] as number) <= (y.length >= 5 ? 2 : 1);
}

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
  const close = missing === undefined ? undefined : ignored.find((name) => alike(name, missing));
  const hint = close === undefined ? '' : `; did you mean '${missing}' instead of '${close}'?`;
  return `${message} (ignored, not in the spec: ${ignored.join(', ')}${hint})`;
}
