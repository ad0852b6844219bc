export * from './generated/index.gen';
export { RealtimeKitProvider, type RealtimeKitProviderProps } from './provider';
export { type JoinTokenState, useJoinToken } from './use-join-token';
export { useRealtimeKitClient } from './use-realtime-kit-client';
export type { CacheUpdate, MutationHookOptions } from './use-realtime-kit-mutation';
export type { QueryHookOptions } from './use-realtime-kit-query';
