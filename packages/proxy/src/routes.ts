import { APP_PATH_PREFIX, type Operation, type OperationId, operationTable } from '@realtimekit-meetings/core';

/** What `authorize` is told about the call it is asked to allow. */
export interface ProxiedOperation {
  operationId: OperationId;
  method: string;
  /** The path template below the app, e.g. `/meetings/{meeting_id}/participants`. */
  path: string;
  /** Path parameters, decoded: `meeting_id`, `participant_id`. */
  params: Record<string, string>;
}

interface Route {
  operation: Operation;
  segments: string[];
}

/**
 * An ID the proxy passes on: letters, digits, `-` and `_`, at most 128 characters. Meeting and participant IDs
 * are UUIDs (v1 meetings: `abcdef-ghijkl`), so anything else (a dot, a slash, a backslash, any `%` escape, a
 * control character, something overlong) is refused before it could reach another upstream path. None of these
 * characters is ever percent-encoded, so the raw segment is the ID: nothing is decoded.
 */
const ID = /^[A-Za-z0-9_-]{1,128}$/;

/** A raw path segment, when it is an ID the proxy passes on; undefined otherwise. */
export const isProxiedId = (segment: string): string | undefined => (ID.test(segment) ? segment : undefined);

/**
 * The app's operations (the account's own, `apps`, are not the proxy's to serve), most literal first: a literal
 * segment wins over an ID in the same place, so `GET /webhooks/all` is the events list, not the webhook "all".
 */
const routes: Route[] = Object.values(operationTable as Record<string, Operation>)
  .filter((operation) => operation.path.startsWith(`${APP_PATH_PREFIX}/`))
  .map((operation) => ({ operation, segments: operation.path.slice(APP_PATH_PREFIX.length + 1).split('/') }))
  .sort((a, b) => literalRank(b.segments) - literalRank(a.segments));

/** Higher for literal segments, earlier ones counting more (compared among routes of the same length). */
function literalRank(segments: string[]): number {
  return segments.reduce((rank, segment) => rank * 2 + (segment.startsWith('{') ? 0 : 1), 0);
}

export type Match =
  | { kind: 'found'; operation: Operation; params: Record<string, string> }
  | { kind: 'bad-id'; param: string }
  | { kind: 'wrong-method'; allow: string[] }
  | { kind: 'not-found' };

/** Resolves a method and a raw (still percent-encoded) path below the base path to one operation. */
export function matchRoute(method: string, rawPath: string): Match {
  const parts = rawPath.split('/');
  const allow: string[] = [];
  for (const { operation, segments } of routes) {
    // the template's shape first: its literal segments, in place
    if (segments.length !== parts.length) continue;
    if (!segments.every((segment, i) => segment.startsWith('{') || segment === parts[i])) continue;
    const params: Record<string, string> = {};
    for (const [i, segment] of segments.entries()) {
      if (!segment.startsWith('{')) continue;
      const name = segment.slice(1, -1);
      const value = isProxiedId(parts[i] as string);
      if (value === undefined) return { kind: 'bad-id', param: name };
      params[name] = value;
    }
    if (operation.method !== method) {
      allow.push(operation.method);
      continue;
    }
    return { kind: 'found', operation, params };
  }
  return allow.length > 0 ? { kind: 'wrong-method', allow } : { kind: 'not-found' };
}
