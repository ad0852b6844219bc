import type { RealtimeKitClient, RealtimeKitError } from '@realtimekit-meetings/client';
import { type QueryClient, type UseMutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { useRealtimeKitClient } from './use-realtime-kit-client';

/** TanStack mutation options a hook accepts; its own cache update runs before your `onSuccess`. */
export type MutationHookOptions<TData, TVariables> = Omit<
  UseMutationOptions<TData, RealtimeKitError, TVariables>,
  'mutationFn'
>;

/** What a mutation's cache update gets: the query client and the client's scope for the keys. */
export type CacheUpdate<TData, TVariables> = (
  queryClient: QueryClient,
  scope: string,
  data: TData,
  variables: TVariables,
) => unknown;

/**
 * The base of every mutation hook: calls the client, then updates exactly the cached queries the change touches.
 * `holdsToken`: the result carries a join token, a secret, so the mutation leaves the mutation cache as soon as no
 * component shows it (`gcTime: 0`), instead of staying visible to `useMutationState` and devtools for minutes.
 */
export function useRealtimeKitMutation<TData, TVariables>(
  mutate: (client: RealtimeKitClient, variables: TVariables) => Promise<TData>,
  update: CacheUpdate<TData, TVariables> | undefined,
  options?: MutationHookOptions<TData, TVariables>,
  holdsToken = false,
) {
  const client = useRealtimeKitClient();
  const queryClient = useQueryClient();
  return useMutation<TData, RealtimeKitError, TVariables>({
    ...options,
    ...(holdsToken ? { gcTime: 0 } : {}),
    mutationFn: (variables) => mutate(client, variables),
    async onSuccess(data, variables, ...rest) {
      await update?.(queryClient, client.scope, data, variables);
      return options?.onSuccess?.(data, variables, ...rest);
    },
  });
}
