import type { Meeting, MeetingListQuery, Page } from '@realtimekit-meetings/client';
import { realtimeKitQueries } from './queries';
import { useRealtimeKitClient } from './use-realtime-kit-client';
import { type QueryHookOptions, useRealtimeKitQuery } from './use-realtime-kit-query';

/** One page of meetings: `{ data, paging }`. */
export function useMeetings(query?: MeetingListQuery, options?: QueryHookOptions<Page<Meeting>>) {
  return useRealtimeKitQuery(realtimeKitQueries(useRealtimeKitClient()).meetings(query), options);
}
