import type { OperationData, OperationId, OperationInput, OperationItem, Page } from '@realtimekit-meetings/core';
import type { RequestOptions } from './options';

/**
 * What the generated resource methods send through: the client's request pipeline, asked to unwrap the answer to
 * its `data` (1), or for a list to one page, `{ data, paging }` (2).
 */
export interface OperationCaller {
  <K extends OperationId>(
    operationId: K,
    input: OperationInput<K>,
    options: RequestOptions | undefined,
    unwrap: 1,
  ): Promise<OperationData<K>>;
  <K extends OperationId>(
    operationId: K,
    input: OperationInput<K>,
    options: RequestOptions | undefined,
    unwrap: 2,
  ): Promise<Page<OperationItem<K>>>;
}
