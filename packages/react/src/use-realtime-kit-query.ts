import type { RealtimeKitError } from '@realtimekit-meetings/client';
import { type UseQueryOptions, useQuery } from '@tanstack/react-query';

/** TanStack query options a hook accepts besides its own key and function (enabled, staleTime, refetchInterval...). */
export type QueryHookOptions<TData> = Omit<
  UseQueryOptions<TData, RealtimeKitError, TData, readonly unknown[]>,
  'queryKey' | 'queryFn'
>;

/** The base of the single-query hooks: the hook's queryOptions, with the caller's options on top. */
export const useRealtimeKitQuery = <TData>(
  base: UseQueryOptions<TData, RealtimeKitError, TData, readonly unknown[]>,
  options?: QueryHookOptions<TData>,
) => useQuery({ ...base, ...options });
