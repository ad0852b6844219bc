export * from './generated/index.gen';
export { RealtimeKitProvider, type RealtimeKitProviderProps } from './provider';
export { MAX_QUERY_RETRIES, realtimeKitRetry } from './realtime-kit-retry';
export { type JoinTokenState, useJoinToken } from './use-join-token';
export { useRealtimeKitClient } from './use-realtime-kit-client';
export type { InfiniteHookOptions } from './use-realtime-kit-infinite-query';
export type { CacheUpdate, MutationHookOptions } from './use-realtime-kit-mutation';
export { useRealtimeKitQueries } from './use-realtime-kit-queries';
export type { QueryHookOptions } from './use-realtime-kit-query';
