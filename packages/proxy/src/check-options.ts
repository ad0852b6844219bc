import { APP_PATH_PREFIX, closestName, type Operation, operationTable } from '@realtimekit-meetings/core';
import type { ProxyJoinOptions, RealtimeKitProxyOptions } from './create-proxy';

/**
 * Every option createRealtimeKitProxy takes: anything else is a typo (`alow`, `basepath`) that would do nothing. Each
 * list is every key of its options type, no more and no fewer (it compiles only then: `Unlisted` below).
 */
const OPTIONS = [
  'client',
  'basePath',
  'allow',
  'authorize',
  'decideParticipant',
  'join',
  'maxBodyBytes',
  'onError',
] as const satisfies readonly (keyof RealtimeKitProxyOptions)[];
const JOIN_OPTIONS = [
  'identify',
  'authorize',
  'preset',
  'store',
  'leaseMs',
  'defaultName',
] as const satisfies readonly (keyof ProxyJoinOptions)[];
/** A key of the options types missing from the lists; compiles only when there is none (the error names it). */
type Unlisted =
  | Exclude<keyof RealtimeKitProxyOptions, (typeof OPTIONS)[number]>
  | Exclude<keyof ProxyJoinOptions, (typeof JOIN_OPTIONS)[number]>;
type EveryOptionListed<U extends never> = U;
// exported only so that the check is not an unused type; the package does not export it
export type OptionsChecked = EveryOptionListed<Unlisted>;

const operations = Object.values(operationTable) as Operation[];
/** The operations of an app, the only ones a proxy can serve (the account's own, `/accounts/{account_id}/…/apps`, are not). */
const APP_OPERATIONS = operations.filter((op) => op.path.startsWith(`${APP_PATH_PREFIX}/`)).map((op) => op.operationId);

function checkNames(given: object, known: readonly string[], prefix: string) {
  for (const name of Object.keys(given)) {
    if (known.includes(name)) continue;
    const meant = closestName(name, known);
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
  const meant = closestName(entry, APP_OPERATIONS);
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
