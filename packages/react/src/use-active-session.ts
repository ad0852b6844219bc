import type { ActiveSession } from '@realtimekit-meetings/client';
import { realtimeKitQueries } from './queries';
import { useRealtimeKitClient } from './use-realtime-kit-client';
import { type QueryHookOptions, useRealtimeKitQuery } from './use-realtime-kit-query';

/** The meeting's live session (an `http` error with status 404 when there is none). */
export function useActiveSession(meetingId: string, options?: QueryHookOptions<ActiveSession>) {
  return useRealtimeKitQuery(realtimeKitQueries(useRealtimeKitClient()).activeSession(meetingId), options);
}
