import type { operations } from './generated/openapi.gen';
import type { OperationId, operationRoutes } from './generated/operations.gen';

/** Drops index signatures (`[key: string]: unknown`) that `type: object` parts of an allOf add, keeping named fields. */
export type KnownKeys<T> = {
  [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K];
};

type SuccessStatus = 200 | 201;
type Responses<K extends OperationId> = operations[K]['responses'];
type JsonContent<R> = R extends { content: { 'application/json': infer B } } ? B : never;

/** The JSON body of an operation's 2xx response, as the spec declares it. */
export type OperationResponseBody<K extends OperationId> = JsonContent<
  Responses<K>[Extract<keyof Responses<K>, SuccessStatus>]
>;

/** What a successful call returns once unwrapped: the response's `data` (an object without index signatures, or a list). */
export type OperationData<K extends OperationId> =
  NonNullable<OperationResponseBody<K> extends { data?: infer D } ? D : never> extends infer D
    ? D extends readonly unknown[]
      ? D
      : KnownKeys<D>
    : never;

/** The JSON request body of an operation (`never` when it takes none). */
export type OperationRequestBody<K extends OperationId> = JsonContent<NonNullable<operations[K]['requestBody']>>;

/** The query parameters of an operation (`never` when it takes none). */
export type OperationQuery<K extends OperationId> = NonNullable<operations[K]['parameters']['query']>;

/**
 * One item of a list operation: of its `data`, or, given `P`, of the list at `data[P]` (`OperationItem<'GetSessions',
 * 'sessions'>`: the sessions sit in `data.sessions`).
 */
export type OperationItem<K extends OperationId, P extends string = never> = [P] extends [never]
  ? OperationResponseBody<K> extends { data?: (infer I)[] }
    ? I
    : never
  : OperationData<K> extends { [Q in P]?: (infer I)[] }
    ? I
    : never;

/** The names under an operation's `data` that hold a list (`'sessions'` for `GetSessions`). */
export type OperationListKey<K extends OperationId> = {
  [P in keyof OperationData<K>]-?: NonNullable<OperationData<K>[P]> extends readonly unknown[] ? P : never;
}[keyof OperationData<K>] &
  string;

/** One page of a list operation, as the client returns it. */
export interface Page<T> {
  data: T[];
  paging: Paging;
}

/**
 * Where a list's page sits: `total_count`, `start_offset`, `end_offset`. Taken from a list operation's response,
 * not from the upstream component's name, so an upstream rename or inlining of that component changes nothing.
 */
export type Paging = NonNullable<OperationResponseBody<'get_all_meetings'> extends { paging?: infer P } ? P : never>;

/**
 * The path parameters of an operation below the app (`meeting_id`, `participant_id`), without account and app; an
 * operation of the account's own (`/accounts/…/apps/{app_id}`) takes its app ID here.
 */
export type OperationPathParams<K extends OperationId> = Omit<
  NonNullable<operations[K]['parameters']['path']>,
  (typeof operationRoutes)[K][1] extends `/accounts/${string}` ? 'account_id' : 'account_id' | 'app_id'
>;

/**
 * What `request(operationId, input)` takes for one operation: exactly its path IDs, its query and its body, so a
 * misspelt parameter or a body of the wrong shape is a compile error.
 */
export type OperationInput<K extends OperationId> = (keyof OperationPathParams<K> extends never
  ? { params?: Record<string, never> }
  : { params: OperationPathParams<K> }) &
  ([OperationQuery<K>] extends [never] ? { query?: undefined } : { query?: OperationQuery<K> }) &
  ([OperationRequestBody<K>] extends [never] ? { body?: undefined } : { body: OperationRequestBody<K> });
