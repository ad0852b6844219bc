import type { MeetingListQuery } from '@realtimekit-meetings/client';
import { useInfiniteQuery } from '@tanstack/react-query';
import { realtimeKitQueries } from './queries';
import { useRealtimeKitClient } from './use-realtime-kit-client';

/** Every meeting, page by page (`page_no`), for infinite scroll: `fetchNextPage()` while `hasNextPage`. */
export function useInfiniteMeetings(query?: MeetingListQuery) {
  return useInfiniteQuery(realtimeKitQueries(useRealtimeKitClient()).infiniteMeetings(query));
}
