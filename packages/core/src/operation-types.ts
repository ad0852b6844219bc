import type { operations } from './generated/openapi.gen';
import type { OperationId } from './generated/operations.gen';

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

/** What a successful call returns once unwrapped: the response's `data`. */
export type OperationData<K extends OperationId> = KnownKeys<
  NonNullable<OperationResponseBody<K> extends { data?: infer D } ? D : never>
>;

/** The JSON request body of an operation (`never` when it takes none). */
export type OperationRequestBody<K extends OperationId> = operations[K] extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? B
  : operations[K] extends { requestBody?: { content: { 'application/json': infer B } } }
    ? B
    : never;

/** The query parameters of an operation (`never` when it takes none). */
export type OperationQuery<K extends OperationId> = NonNullable<operations[K]['parameters']['query']>;
