import type {
  HttpMethod,
  OperationData,
  OperationId,
  OperationItem,
  OperationListKey,
  operationRoutes,
  Page,
} from '@realtimekit-meetings/core';
import { RealtimeKitError } from '../errors';
import type { RequestOptions } from '../options';
import type { RequestInput, Route, SendFunction } from '../request';

type Routes = typeof operationRoutes;

/** The verb of operation `K`, from core's operations table: `MethodOf<'get_meeting'>` is `'GET'`. */
export type MethodOf<K extends OperationId> = Routes[K][0];

/** The path of operation `K` below the app (or whole, for the account's own), as the spec writes it. */
export type PathOf<K extends OperationId> = Routes[K][1];

/**
 * The last argument of operation `K`'s call: its array query parameters sent comma-separated (`status=A,B`, the
 * spec's `explode: false`), exactly as core's table lists them; none for an operation that has none.
 */
export type CommaQueryOf<K extends OperationId> = Routes[K] extends readonly [
  unknown,
  unknown,
  unknown,
  infer C extends readonly string[],
]
  ? [commaQuery: C]
  : [];

/**
 * What the generated resources call, as the line of their docs reads, `get_meeting`: GET /meetings/{meeting_id}: the
 * operationId, its verb and path (as the spec writes them, below the app), then its input, all checked as types
 * against core's operations table: a verb or path that is not the operation's does not compile, and the input is
 * exactly that operation's. Given all of it, a call needs no table at run time, so a browser bundle that makes one
 * call carries none. Each call goes through the client's one request pipeline (validation, timeouts, retries,
 * errors, logging: request.ts); `call` unwraps the answer to its `data`, `page` a list to one page, `{ data, paging }`.
 */
export class ApiClient {
  /** @param send the client's request pipeline (createSend in request.ts) */
  constructor(private readonly send: SendFunction) {}

  /** `call('get_meeting', 'GET', '/meetings/{meeting_id}', { params: { meeting_id } })`: the operation's `data`. */
  call<K extends OperationId>(
    operationId: K,
    method: MethodOf<K>,
    path: PathOf<K>,
    input: RequestInput<K>,
    options?: RequestOptions,
    ...commaQuery: CommaQueryOf<K>
  ): Promise<OperationData<K>> {
    return this.sendAs(operationId, method, path, input, options, 1, commaQuery);
  }

  /** `page('get_all_meetings', 'GET', '/meetings', { query })`: one page of a list, `{ data, paging }`. */
  page<K extends OperationId>(
    operationId: K,
    method: MethodOf<K>,
    path: PathOf<K>,
    input: RequestInput<K>,
    options?: RequestOptions,
    ...commaQuery: CommaQueryOf<K>
  ): Promise<Page<OperationItem<K>>> {
    return this.sendAs(operationId, method, path, input, options, 2, commaQuery);
  }

  /**
   * Sends the operation through the pipeline (the input object as is: no copy), which unwraps the answer to its `data`
   * (1) or one page, `{ data, paging }` (2), and refuses an answer without them as `invalid_response`. The operation has
   * a body exactly when its input has one: the generated methods write `body` into the input of those operations only.
   */
  private sendAs(
    operationId: OperationId,
    method: HttpMethod,
    path: string,
    input: object,
    options: RequestOptions | undefined,
    unwrap: 1 | 2,
    commaQuery: readonly (readonly string[])[],
  ): Promise<never> {
    const route = [method, path, 'body' in input, ...commaQuery] as unknown as Route;
    return this.send(operationId, route, input as never, options, unwrap) as Promise<never>;
  }
}

/**
 * `pageIn(this.client, 'GetSessions', 'GET', '/sessions', 'sessions', { query })`: one page of a list whose items sit
 * under `data` (`data.sessions`) beside the answer's `paging`, as `{ data: items, paging }`. The spec leaves the list
 * optional: without it, an answer whose paging counts nothing is an empty page, any other is refused as
 * `invalid_response` (never read as empty while the paging says there are items). A function beside the class, not
 * a method of it, so that a browser bundle without such a list carries none of it.
 */
export function pageIn<K extends OperationId, P extends OperationListKey<K>>(
  client: ApiClient,
  operationId: K,
  method: MethodOf<K>,
  path: PathOf<K>,
  items: P,
  input: RequestInput<K>,
  options?: RequestOptions,
  ...commaQuery: CommaQueryOf<K>
): Promise<Page<OperationItem<K, P>>> {
  return client.page(operationId, method, path, input, options, ...commaQuery).then(({ data, paging }) => {
    const list =
      (data as unknown as Record<string, unknown> | undefined)?.[items] ?? (paging.total_count === 0 ? [] : null);
    if (!Array.isArray(list)) {
      throw new RealtimeKitError('invalid_response', `the API answered without data.${items}`, { operationId });
    }
    return { data: list, paging };
  });
}
