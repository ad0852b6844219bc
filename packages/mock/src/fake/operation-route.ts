import { APP_PATH_PREFIX, createRouter } from '@realtimekit-meetings/core';

/**
 * Any path below RealtimeKit's prefix (an app's resources, or the account's `apps`): which of them is an operation
 * is the route table's answer, not a resource root's.
 */
export const API_PATH = /\/accounts\/([^/]+)\/realtime\/kit(\/.*)$/;
/** The prefix of every operation's path, the app's (`/{app_id}/…`) and the account's (`/apps`). */
const KIT_PREFIX = APP_PATH_PREFIX.slice(0, -'/{app_id}'.length);

/** Every operation's route below RealtimeKit's prefix, from core's one route table (the proxy's too). */
const matchKit = createRouter(KIT_PREFIX);

/** A path segment decoded, or undefined for a malformed escape (`%E0%A4%A`): that path is the API's no route. */
export function decoded(part: string) {
  if (!part.includes('%')) return part; // nothing to decode: most IDs
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/**
 * The operation a method and a path below RealtimeKit's prefix (`/{app_id}/recordings/track`, `/apps`) name, with its
 * path IDs: the method and the literal segments both decide (the most literal template of that method wins), so
 * `POST recordings/track` is the track recording and never the recording "track". Exported for its tests.
 */
export function route(method: string, below: string) {
  const match = matchKit(method, below);
  if (match.kind !== 'found') return undefined;
  const params: Record<string, string> = {};
  for (const [name, raw] of Object.entries(match.params)) {
    // the app's ID as it came: a malformed escape in it is refused by name, by the caller
    const value = name === 'app_id' ? raw : decoded(raw);
    if (value === undefined || value === '') return undefined;
    params[name] = value;
  }
  return { operationId: match.operation.operationId, params };
}

/**
 * A query string's values read as the types the spec declares, so `page_no=2` is 2 and `page_no=x` stays "x"; an
 * array's values whether repeated (`status=A&status=B`, as generic clients send them) or comma-separated (`status=A,B`, the
 * spec's `explode: false`).
 */
export function readQuery(url: URL, types: Record<string, string>) {
  const query: Record<string, unknown> = {};
  if (url.search === '') return query; // no URLSearchParams made for a request without a query
  for (const [name, raw] of url.searchParams) {
    const type = types[name];
    if (type === 'array') query[name] = [...((query[name] as string[] | undefined) ?? []), ...raw.split(',')];
    else if (type === 'number' || type === 'integer')
      query[name] = raw.trim() !== '' && Number.isFinite(+raw) ? +raw : raw;
    else if (type === 'boolean') query[name] = raw === 'true' ? true : raw === 'false' ? false : raw;
    else query[name] = raw;
  }
  return query;
}
