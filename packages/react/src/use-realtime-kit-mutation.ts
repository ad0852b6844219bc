import type { RealtimeKitClient, RealtimeKitError } from '@realtimekit-meetings/client';
import { type QueryClient, type UseMutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { useRealtimeKitClient } from './use-realtime-kit-client';

/** TanStack mutation options a hook accepts; its own cache update runs before your `onSuccess`. */
export type MutationHookOptions<TData, TVariables> = Omit<
  UseMutationOptions<TData, RealtimeKitError, TVariables>,
  'mutationFn'
> & {
  /**
   * `false` leaves the cache as it is after a success: for an app that updates it itself (optimistically, or in
   * its own `onSuccess`). Default `true`: the hook updates exactly the cached queries the change touches.
   */
  cacheUpdate?: boolean;
};

/** What a mutation's cache update gets: the query client and the client's scope for the keys. */
export type CacheUpdate<TData, TVariables> = (
  queryClient: QueryClient,
  scope: string,
  data: TData,
  variables: TVariables,
) => unknown;

/**
 * The base of every mutation hook: the operation's mutation options (its key and function, from
 * `realtimeKitMutations`), the caller's options, then the cache update of exactly the queries the change touches.
 * `holdsToken`: the result carries a join token, a secret, so the mutation leaves the mutation cache as soon as no
 * component shows it (`gcTime: 0`), instead of staying visible to `useMutationState` and devtools for minutes.
 */
export function useRealtimeKitMutation<TData, TVariables>(
  mutation: (client: RealtimeKitClient) => UseMutationOptions<TData, RealtimeKitError, TVariables>,
  update: CacheUpdate<TData, TVariables> | undefined,
  options?: MutationHookOptions<TData, TVariables>,
  holdsToken = false,
) {
  const client = useRealtimeKitClient();
  const queryClient = useQueryClient();
  const { cacheUpdate = true, ...rest } = options ?? {};
  return useMutation<TData, RealtimeKitError, TVariables>({
    ...mutation(client),
    ...rest,
    ...(holdsToken ? { gcTime: 0 } : {}),
    async onSuccess(data, variables, ...more) {
      if (cacheUpdate) await update?.(queryClient, client.scope, data, variables);
      return rest.onSuccess?.(data, variables, ...more);
    },
  });
}
