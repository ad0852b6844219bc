import { type Operation, operationTable } from './generated/operations.gen';

/**
 * What a method and a raw path resolve to. `params` hold the path's segments as they came, still percent-encoded:
 * the caller decides what an ID may be (the proxy passes on only plain IDs, the fake decodes them).
 */
export type RouteMatch =
  | { kind: 'found'; operation: Operation; params: Record<string, string> }
  /** The path names an operation, but not for this method; `params` are those of the first template it fits. */
  | { kind: 'wrong-method'; allow: Operation['method'][]; params: Record<string, string> }
  | { kind: 'not-found' };

/** A template taken apart once: where its literal segments are and what they say, where its parameters are. */
interface Route {
  operation: Operation;
  literalAt: number[];
  literals: string[];
  paramAt: number[];
  names: string[];
  /** How literal it is (literalRank): templates of one length are tried most literal first. */
  rank: number;
}

/**
 * A matcher for the operations whose path template starts with `prefix` (say `APP_PATH_PREFIX`, or RealtimeKit's
 * `/accounts/{account_id}/realtime/kit`), resolving a method and the raw path after the prefix (`/meetings/abc`).
 * The one route table the proxy and the fake share. A template fits when it has as many segments and each literal
 * one is equal; the most literal template wins (a literal segment beats an ID in the same place, earlier ones
 * counting more), so `GET /webhooks/all` is the events list and not the webhook "all", and `POST /recordings/track`
 * is never the recording "track". A `{param}` segment fits anything, even nothing: the caller checks the values.
 */
export function createRouter(prefix: string): (method: string, rawPath: string) => RouteMatch {
  const byLength = new Map<number, Route[]>();
  for (const operation of Object.values(operationTable) as Operation[]) {
    if (!operation.path.startsWith(`${prefix}/`)) continue;
    const segments = operation.path.slice(prefix.length).split('/');
    const route: Route = {
      operation,
      literalAt: [],
      literals: [],
      paramAt: [],
      names: [],
      rank: literalRank(segments),
    };
    for (const [i, segment] of segments.entries()) {
      if (segment.startsWith('{')) {
        route.paramAt.push(i);
        route.names.push(segment.slice(1, -1));
      } else {
        route.literalAt.push(i);
        route.literals.push(segment);
      }
    }
    const routes = byLength.get(segments.length) ?? [];
    routes.push(route);
    byLength.set(segments.length, routes);
  }
  for (const routes of byLength.values()) routes.sort((a, b) => b.rank - a.rank);

  return (method, rawPath) => {
    const parts = rawPath.split('/');
    let allow: Operation['method'][] | undefined;
    let allowParams: Record<string, string> | undefined;
    for (const { operation, literalAt, literals, paramAt, names } of byLength.get(parts.length) ?? []) {
      let fits = true;
      for (let i = 0; fits && i < literalAt.length; i++) fits = parts[literalAt[i] as number] === literals[i];
      if (!fits) continue;
      const params: Record<string, string> = {};
      for (let i = 0; i < paramAt.length; i++) params[names[i] as string] = parts[paramAt[i] as number] as string;
      if (operation.method === method) return { kind: 'found', operation, params };
      allow ??= [];
      allowParams ??= params;
      allow.push(operation.method);
    }
    return allow && allowParams ? { kind: 'wrong-method', allow, params: allowParams } : { kind: 'not-found' };
  };
}

/** Higher for literal segments, earlier ones counting more (compared among templates of the same length). */
function literalRank(segments: string[]): number {
  return segments.reduce((rank, segment) => rank * 2 + (segment.startsWith('{') ? 0 : 1), 0);
}
