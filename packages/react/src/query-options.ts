import type { Page, RealtimeKitError } from '@realtimekit-meetings/client';
import {
  type InfiniteData,
  infiniteQueryOptions,
  mutationOptions,
  type QueryKey,
  queryOptions,
} from '@tanstack/react-query';

/** The `queryOptions` of one read: its key, and a function that passes TanStack's AbortSignal to the client. */
export const query = <T>(queryKey: QueryKey, fetch: (signal: AbortSignal) => Promise<T>) =>
  queryOptions<T, RealtimeKitError, T, QueryKey>({ queryKey, queryFn: ({ signal }) => fetch(signal) });

/** The `infiniteQueryOptions` of a list: pages by `page_no` until `paging.end_offset` reaches `total_count`. */
export const infiniteQuery = <T>(
  queryKey: QueryKey,
  first: number | undefined,
  fetch: (page: number, signal: AbortSignal) => Promise<Page<T>>,
) =>
  infiniteQueryOptions<Page<T>, RealtimeKitError, InfiniteData<Page<T>, number>, QueryKey, number>({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetch(pageParam, signal),
    initialPageParam: first ?? 1,
    getNextPageParam: (last, _all, page) =>
      last.data.length > 0 && last.paging.end_offset < last.paging.total_count ? page + 1 : undefined,
  });

/** The `mutationOptions` of one change: its key (for `useMutationState` and `setMutationDefaults`) and function. */
export const mutation = <TData, TVariables>(
  mutationKey: QueryKey,
  mutationFn: (variables: TVariables) => Promise<TData>,
) => mutationOptions<TData, RealtimeKitError, TVariables>({ mutationKey, mutationFn });
