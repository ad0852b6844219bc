import { APP_PATH_PREFIX, createRouter, type Operation, type OperationId } from '@realtimekit-meetings/core';

/** What `authorize` is told about the call it is asked to allow. */
export interface ProxiedOperation {
  operationId: OperationId;
  method: string;
  /** The path template below the app, e.g. `/meetings/{meeting_id}/participants`. */
  path: string;
  /** Path parameters, decoded: `meeting_id`, `participant_id`. */
  params: Record<string, string>;
}

/**
 * An ID the proxy passes on: letters, digits, `-` and `_`, at most 128 characters. Meeting and participant IDs
 * are UUIDs (v1 meetings: `abcdef-ghijkl`), so anything else (a dot, a slash, a backslash, any `%` escape, a
 * control character, something overlong) is refused before it could reach another upstream path. None of these
 * characters is ever percent-encoded, so the raw segment is the ID: nothing is decoded.
 */
const ID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * A UUID, the format the spec declares for the meeting ID of every operation a join makes (list, add, edit and refresh
 * a participant), as the API checks it (hex in either case; the `urn:uuid:` form JSON Schema also allows has a `:`).
 */
const UUID = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
export const isUuid = (segment: string) => UUID.test(segment);

/** A raw path segment, when it is an ID the proxy passes on; undefined otherwise. */
export const isProxiedId = (segment: string): string | undefined => (ID.test(segment) ? segment : undefined);

/** The app's operations (the account's own, `apps`, are not the proxy's to serve), from core's one route table. */
const matchApp = createRouter(APP_PATH_PREFIX);

export type Match =
  | { kind: 'found'; operation: Operation; params: Record<string, string> }
  | { kind: 'bad-id'; param: string }
  | { kind: 'wrong-method'; allow: string[] }
  | { kind: 'not-found' };

/**
 * Resolves a method and a raw (still percent-encoded) path below the base path (`meetings/abc`) to one operation. A
 * path that fits an operation but holds something other than an ID where one goes is `bad-id`, whatever the method.
 */
export function matchRoute(method: string, rawPath: string): Match {
  const match = matchApp(method, `/${rawPath}`);
  if (match.kind === 'not-found') return match;
  for (const param in match.params) {
    if (isProxiedId(match.params[param] as string) === undefined) return { kind: 'bad-id', param };
  }
  return match.kind === 'found' ? match : { kind: 'wrong-method', allow: match.allow };
}
