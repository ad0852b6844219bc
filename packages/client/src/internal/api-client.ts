import {
  type HttpMethod,
  type OperationData,
  type OperationId,
  type OperationItem,
  operationRoutes,
  type Page,
} from '@realtimekit-meetings/core';
import type { RequestOptions } from '../options';
import type { RequestFunction, RequestInput } from '../request';

type Routes = typeof operationRoutes;

/** Every path (below the app) that some operation is sent to with verb `M`, from core's operations table. */
export type PathOf<M extends HttpMethod> = {
  [K in OperationId]: Routes[K] extends readonly [M, infer P, 0 | 1] ? P : never;
}[OperationId];

/** The operation that verb `M` and path `P` name: `OperationAt<'GET', '/meetings/{meeting_id}'>` is `get_meeting`. */
export type OperationAt<M extends HttpMethod, P extends string> = {
  [K in OperationId]: Routes[K] extends readonly [M, P, 0 | 1] ? K : never;
}[OperationId];

/** What a call to verb `M` and path `P` takes: exactly that operation's path IDs (`params`), `query` and `body`. */
export type ApiInput<M extends HttpMethod, P extends string> = RequestInput<OperationAt<M, P>>;

/** `'GET /meetings/{meeting_id}'` → `get_meeting`, each found once in core's operations table, not searched per call. */
const found: Record<string, OperationId> = {};
function operationAt(method: HttpMethod, path: string) {
  const route = `${method} ${path}`;
  found[route] ??= findOperation(method, path);
  return found[route];
}

const findOperation = (method: HttpMethod, path: string) =>
  (Object.keys(operationRoutes) as OperationId[]).find(
    (id) => operationRoutes[id][0] === method && operationRoutes[id][1] === path,
  ) as OperationId;

/**
 * What the generated resources call, as an HTTP request line reads: the verb, the path it sends to (below the app, as
 * the spec writes it), then that operation's input, all three checked as types against core's operations table: a
 * verb and path that name no operation do not compile, and the input is exactly that operation's. Each call goes
 * through the client's one request pipeline (validation, timeouts, retries, errors, logging: request.ts); `call`
 * unwraps the answer to its `data`, `page` a list to one page, `{ data, paging }`.
 */
export class ApiClient {
  /** @param request the client's request pipeline (createRequest in request.ts) */
  constructor(private readonly request: RequestFunction) {}

  /** `call('GET', '/meetings/{meeting_id}', { params: { meeting_id } })`: the operation's `data`. */
  call<M extends HttpMethod, P extends PathOf<M>>(
    method: M,
    path: P,
    input: ApiInput<M, P>,
    options?: RequestOptions,
  ): Promise<OperationData<OperationAt<M, P>>> {
    return this.send(method, path, input, options, 1);
  }

  /** `page('GET', '/meetings', { query })`: one page of a list, `{ data, paging }`. */
  page<P extends PathOf<'GET'>>(
    method: 'GET',
    path: P,
    input: ApiInput<'GET', P>,
    options?: RequestOptions,
  ): Promise<Page<OperationItem<OperationAt<'GET', P>>>> {
    return this.send(method, path, input, options, 2);
  }

  /**
   * Sends the operation that `method` and `path` name (the input object as is: no copy) through the pipeline, which
   * unwraps the answer to its `data` (1) or one page, `{ data, paging }` (2), and refuses an answer without them as
   * `invalid_response`.
   */
  private send(
    method: HttpMethod,
    path: string,
    input: object,
    options: RequestOptions | undefined,
    unwrap: 1 | 2,
  ): Promise<never> {
    // the operation the verb and path name (the types guarantee there is one): a scan of a few dozen routes
    // a browser build searches each time: a few bytes less to ship, and its calls are few
    const operationId =
      typeof __RTK_BROWSER__ === 'undefined' ? operationAt(method, path) : findOperation(method, path);
    return this.request(operationId, input as never, options, unwrap) as Promise<never>;
  }
}
