import { realtimeKitQueries } from './generated/queries.gen';
import { useRealtimeKitClient } from './use-realtime-kit-client';

/**
 * `realtimeKitQueries` for the provider's client: the query options of every read, for TanStack's own hooks
 * (`useSuspenseQuery(useRealtimeKitQueries().meeting(id))`, `useQueries`) and yours.
 */
export const useRealtimeKitQueries = () => realtimeKitQueries(useRealtimeKitClient());
