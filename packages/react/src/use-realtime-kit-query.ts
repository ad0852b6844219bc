import type { RealtimeKitError } from '@realtimekit-meetings/client';
import {
  type QueryKey,
  skipToken,
  type UseQueryOptions,
  type UseQueryResult,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { defaultRetry } from './realtime-kit-retry';

/**
 * TanStack query options a hook accepts besides its own key and function: `enabled`, `staleTime`,
 * `placeholderData`, `select` (whose result becomes the hook's `data` type), and the rest.
 */
export type QueryHookOptions<TData, TSelected = TData> = Omit<
  UseQueryOptions<TData, RealtimeKitError, TSelected, QueryKey>,
  'queryKey' | 'queryFn'
>;

/**
 * The base of the single-query hooks: the hook's queryOptions, with the caller's options on top. `skip`: an ID the
 * query needs is not known yet, so it waits (TanStack's `skipToken`) instead of fetching. A 4xx is not retried
 * unless a `retry` is chosen (`realtimeKitRetry`).
 */
export function useRealtimeKitQuery<TData, TSelected = TData>(
  base: UseQueryOptions<TData, RealtimeKitError, TData, QueryKey>,
  options?: QueryHookOptions<TData, TSelected>,
  skip = false,
): UseQueryResult<TSelected, RealtimeKitError> {
  const queryClient = useQueryClient();
  const retry = defaultRetry(queryClient, base.queryKey, options?.retry ?? base.retry);
  return useQuery({ ...base, ...retry, ...options, ...(skip ? { queryFn: skipToken } : {}) } as UseQueryOptions<
    TData,
    RealtimeKitError,
    TSelected,
    QueryKey
  >);
}
