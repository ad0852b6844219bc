import type { ActiveLivestream } from '@realtimekit-meetings/client';
import { realtimeKitQueries } from './queries';
import { useRealtimeKitClient } from './use-realtime-kit-client';
import { type QueryHookOptions, useRealtimeKitQuery } from './use-realtime-kit-query';

/** The meeting's active livestream. */
export function useActiveLivestream(meetingId: string, options?: QueryHookOptions<ActiveLivestream>) {
  return useRealtimeKitQuery(realtimeKitQueries(useRealtimeKitClient()).activeLivestream(meetingId), options);
}
