import type { MeetingDetails } from '@realtimekit-meetings/client';
import { realtimeKitQueries } from './queries';
import { useRealtimeKitClient } from './use-realtime-kit-client';
import { type QueryHookOptions, useRealtimeKitQuery } from './use-realtime-kit-query';

/** One meeting, with its recording and AI configuration. */
export function useMeeting(meetingId: string, options?: QueryHookOptions<MeetingDetails>) {
  return useRealtimeKitQuery(realtimeKitQueries(useRealtimeKitClient()).meeting(meetingId), options);
}
