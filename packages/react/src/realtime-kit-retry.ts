import { RealtimeKitError } from '@realtimekit-meetings/client';
import type { QueryClient, QueryKey } from '@tanstack/react-query';

/** How many times the hooks ask again after a failure that may pass (a 5xx, a timeout, a dropped connection). */
export const MAX_QUERY_RETRIES = 2;

/**
 * The hooks' default `retry`: a refusal (a 4xx other than 408 and 429: a wrong token, a forbidden meeting, an unknown
 * ID) or a mistake of the caller's (`invalid_argument`, `invalid_response`, `aborted`) fails at once, since asking
 * again gets the same answer; a 5xx, 408, 429, timeout or network error is asked again up to `MAX_QUERY_RETRIES`
 * times (on top of the client's own retries). TanStack's default, 3 retries of everything, turns a 403 into seconds
 * of blank page. Give it to your own `useQuery(useRealtimeKitQueries().meeting(id))` as `retry: realtimeKitRetry`.
 */
export function realtimeKitRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_QUERY_RETRIES) return false;
  if (!(error instanceof RealtimeKitError)) return true;
  if (error.kind === 'http') {
    const status = error.status ?? 0;
    return status >= 500 || status === 408 || status === 429;
  }
  return error.kind === 'timeout' || error.kind === 'network';
}

/**
 * `realtimeKitRetry` unless a `retry` was chosen: in the hook's options, by `setQueryDefaults` for the key, or in the
 * QueryClient's `defaultOptions` (a test's `retry: false` stays false). On a server TanStack retries nothing, and
 * neither does this.
 */
export function defaultRetry(
  queryClient: QueryClient,
  queryKey: QueryKey,
  retry: unknown,
): { retry?: typeof realtimeKitRetry } {
  if (retry !== undefined || typeof window === 'undefined') return {};
  if (queryClient.getQueryDefaults(queryKey).retry !== undefined) return {};
  if (queryClient.getDefaultOptions().queries?.retry !== undefined) return {};
  return { retry: realtimeKitRetry };
}
