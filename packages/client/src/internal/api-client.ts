import type {
  HttpMethod,
  OperationData,
  OperationId,
  OperationItem,
  OperationResponseBody,
  operationRoutes,
  Page,
} from '@realtimekit-meetings/core';
import { RealtimeKitError } from '../errors';
import type { RequestOptions } from '../options';
import type { RequestFunction, RequestInput } from '../request';

type Routes = typeof operationRoutes;

/**
 * The path (below the app) that operation `K` is sent to with verb `M`, from core's operations table; `never` when
 * `K` is not an `M` operation, so a generated call whose verb or path does not match its operationId fails to compile.
 */
export type RouteOf<K extends OperationId, M extends HttpMethod> = Routes[K] extends readonly [M, infer P, 0 | 1]
  ? P
  : never;

/** One call: the operationId, then exactly that operation's path IDs (`params`), `query` and `body`. */
export type ApiCall<K extends OperationId> = { operationId: K } & RequestInput<K>;

/**
 * What the generated resources call: one method per HTTP verb, each taking the path it sends to (checked against
 * the operationId), the operation's input and this call's options. All of them send through the client's one
 * request pipeline (validation, timeouts, retries, errors, logging: request.ts) and unwrap the answer to its `data`;
 * `getPage` unwraps a list to one page, `{ data, paging }`.
 */
export class ApiClient {
  /** @param send the client's request pipeline (createRequest in request.ts) */
  constructor(private readonly send: RequestFunction) {}

  get<K extends OperationId>(_path: RouteOf<K, 'GET'>, call: ApiCall<K>, options?: RequestOptions) {
    return this.data(call, 'GET', options);
  }

  getPage<K extends OperationId>(_path: RouteOf<K, 'GET'>, call: ApiCall<K>, options?: RequestOptions) {
    return this.page(call, 'GET', options);
  }

  post<K extends OperationId>(_path: RouteOf<K, 'POST'>, call: ApiCall<K>, options?: RequestOptions) {
    return this.data(call, 'POST', options);
  }

  put<K extends OperationId>(_path: RouteOf<K, 'PUT'>, call: ApiCall<K>, options?: RequestOptions) {
    return this.data(call, 'PUT', options);
  }

  patch<K extends OperationId>(_path: RouteOf<K, 'PATCH'>, call: ApiCall<K>, options?: RequestOptions) {
    return this.data(call, 'PATCH', options);
  }

  delete<K extends OperationId>(_path: RouteOf<K, 'DELETE'>, call: ApiCall<K>, options?: RequestOptions) {
    return this.data(call, 'DELETE', options);
  }

  /** The answer's `data`; an answer without it is `invalid_response`. */
  private async data<K extends OperationId>(
    call: ApiCall<K>,
    method: HttpMethod,
    options: RequestOptions | undefined,
  ): Promise<OperationData<K>> {
    const { data } = await this.body(call, options);
    if (data === undefined) throw invalid(call.operationId, method, 'data');
    return data as OperationData<K>;
  }

  /** One page, `{ data, paging }`; an answer without either is `invalid_response`. */
  private async page<K extends OperationId>(
    call: ApiCall<K>,
    method: HttpMethod,
    options: RequestOptions | undefined,
  ): Promise<Page<OperationItem<K>>> {
    const { data, paging } = await this.body(call, options);
    if (data === undefined || !paging) throw invalid(call.operationId, method, data === undefined ? 'data' : 'paging');
    return { data, paging } as Page<OperationItem<K>>;
  }

  /** The whole response body, as `request()` answers it (the call object carries the input as is: no copy). */
  private body<K extends OperationId>(call: ApiCall<K>, options: RequestOptions | undefined) {
    return this.send(call.operationId, call, options) as Promise<
      OperationResponseBody<K> & { data?: unknown; paging?: unknown }
    >;
  }
}

const invalid = (operationId: string, method: HttpMethod, missing: string) =>
  new RealtimeKitError('invalid_response', `the API answered without ${missing}`, { operationId, method });
