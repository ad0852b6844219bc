import type { RealtimeKitError } from '@realtimekit-meetings/client';
import {
  type InfiniteData,
  type QueryKey,
  skipToken,
  type UseInfiniteQueryOptions,
  type UseInfiniteQueryResult,
  useInfiniteQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { defaultRetry } from './realtime-kit-retry';

/**
 * TanStack infinite-query options an infinite hook accepts besides its own key, function and paging: `enabled`,
 * `maxPages`, `select` (whose result becomes the hook's `data` type), and the rest.
 */
export type InfiniteHookOptions<TPage, TSelected = InfiniteData<TPage, number>> = Omit<
  UseInfiniteQueryOptions<TPage, RealtimeKitError, TSelected, QueryKey, number>,
  'queryKey' | 'queryFn' | 'initialPageParam' | 'getNextPageParam'
>;

/**
 * The base of the infinite hooks, as `useRealtimeKitQuery` is of the others (`skip`: an ID is not known yet; a 4xx
 * is not retried unless a `retry` is chosen).
 */
export function useRealtimeKitInfiniteQuery<TPage, TSelected = InfiniteData<TPage, number>>(
  base: UseInfiniteQueryOptions<TPage, RealtimeKitError, InfiniteData<TPage, number>, QueryKey, number>,
  options?: InfiniteHookOptions<TPage, TSelected>,
  skip = false,
): UseInfiniteQueryResult<TSelected, RealtimeKitError> {
  const queryClient = useQueryClient();
  const retry = defaultRetry(queryClient, base.queryKey, options?.retry ?? base.retry);
  return useInfiniteQuery({
    ...base,
    ...retry,
    ...options,
    ...(skip ? { queryFn: skipToken } : {}),
  } as UseInfiniteQueryOptions<TPage, RealtimeKitError, TSelected, QueryKey, number>);
}
