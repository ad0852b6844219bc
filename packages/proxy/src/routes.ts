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
 * are UUIDs (v1 meetings: `abcdef-ghijkl`), so anything else (a dot, a slash, a backslash, a `%` left by double
 * encoding, a control character, something overlong) is refused before it could reach another upstream path.
 */
const ID = /^[A-Za-z0-9_-]{1,128}$/;

/** A raw path segment decoded, when it is an ID the proxy passes on; undefined otherwise. */
export function isProxiedId(segment: string): string | undefined {
  let value: string;
  try {
    value = decodeURIComponent(segment);
  } catch {
    return undefined;
  }
  return ID.test(value) ? value : undefined;
}

const routes: Route[] = Object.values(operationTable).map((operation) => ({
  operation,
  segments: operation.path.slice(APP_PATH_PREFIX.length + 1).split('/'),
}));

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
    if (segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let matched = true;
    let badId: string | undefined;
    for (let i = 0; i < segments.length && matched; i++) {
      const segment = segments[i] as string;
      const part = parts[i] as string;
      if (segment.startsWith('{')) {
        const name = segment.slice(1, -1);
        const value = isProxiedId(part);
        if (value) params[name] = value;
        else badId = name;
      } else matched = segment === part;
    }
    if (!matched) continue;
    if (badId) return { kind: 'bad-id', param: badId };
    if (operation.method !== method) {
      allow.push(operation.method);
      continue;
    }
    return { kind: 'found', operation, params };
  }
  return allow.length > 0 ? { kind: 'wrong-method', allow } : { kind: 'not-found' };
}
