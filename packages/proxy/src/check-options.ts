import { APP_PATH_PREFIX, type Operation, operationTable } from '@realtimekit-meetings/core';

/** Every option createRealtimeKitProxy takes: anything else is a typo (`alow`, `basepath`) that would do nothing. */
const OPTIONS = ['client', 'basePath', 'allow', 'authorize', 'decideParticipant', 'join', 'maxBodyBytes', 'onError'];
const JOIN_OPTIONS = ['identify', 'authorize', 'preset', 'store', 'leaseMs', 'defaultName'];

const operations = Object.values(operationTable) as Operation[];
/** The operations of an app, the only ones a proxy can serve (the account's own, `/accounts/{account_id}/…/apps`, are not). */
const APP_OPERATIONS = operations.filter((op) => op.path.startsWith(`${APP_PATH_PREFIX}/`)).map((op) => op.operationId);

/** A name without case or separators: `GetSessionParticipants`, `get-session_participants` and `getsessionparticipants` meet. */
const normal = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Levenshtein distance: insertions, deletions and substitutions. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * The known name `name` was probably meant to be: the same but for case and separators, else the nearest within one
 * edit per four characters (`alow` → `allow`, `presets` → `preset`, `get_meting` → `get_meeting`); none when none is.
 */
export function closest(name: string, known: readonly string[]): string | undefined {
  const wanted = normal(name);
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(wanted.length / 4)) + 1;
  for (const candidate of known) {
    const d = distance(wanted, normal(candidate));
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function checkNames(given: object, known: readonly string[], prefix: string) {
  for (const name of Object.keys(given)) {
    if (known.includes(name)) continue;
    const meant = closest(name, known);
    throw new TypeError(
      `unknown option "${prefix}${name}"${meant ? `: did you mean "${prefix}${meant}"?` : `; the options are ${known.map((k) => prefix + k).join(', ')}`}`,
    );
  }
}

/** Why an entry of `allow` can never be served, or undefined when it can. */
function refusedEntry(entry: unknown): string | undefined {
  if (typeof entry !== 'string') return `allow holds ${typeof entry}: list operationIds as strings, e.g. "get_meeting"`;
  if (APP_OPERATIONS.includes(entry as never)) return undefined;
  const operation = Object.hasOwn(operationTable, entry) ? operationTable[entry as keyof typeof operationTable] : null;
  if (operation) {
    return `allow: "${entry}" (${operation.method} ${operation.path}) is an operation of the account, not of an app: the proxy serves one app's operations; call it on the server with the client`;
  }
  const meant = closest(entry, APP_OPERATIONS);
  return `allow: "${entry}" is not an operationId${meant ? `: did you mean "${meant}"?` : ' of the RealtimeKit API (see operationTable in @realtimekit-meetings/core)'}`;
}

/**
 * Checks what createRealtimeKitProxy is given, as the client checks its own options: a TypeError that names the
 * mistake and the fix, when the proxy is created rather than on a request (`Cannot read properties of undefined`).
 */
export function checkOptions(options: unknown): void {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('createRealtimeKitProxy takes an options object: { client, basePath, allow, authorize, join }');
  }
  checkNames(options, OPTIONS, '');
  const { basePath, allow, join } = options as { basePath?: unknown; allow?: unknown; join?: unknown };
  if (typeof basePath !== 'string') {
    throw new TypeError(
      `basePath must be a string, the path the proxy is mounted at (e.g. "/api/realtimekit"), not ${basePath === null ? 'null' : typeof basePath}`,
    );
  }
  if (typeof join === 'object' && join !== null) checkNames(join, JOIN_OPTIONS, 'join.');
  if (allow === undefined) return;
  if (!Array.isArray(allow)) throw new TypeError('allow must list the operationIds browsers may call');
  for (const entry of allow) {
    const refusal = refusedEntry(entry);
    if (refusal) throw new TypeError(refusal);
  }
}
