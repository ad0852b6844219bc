import type { ParticipantListQuery } from '@realtimekit-meetings/client';
import { useInfiniteQuery } from '@tanstack/react-query';
import { realtimeKitQueries } from './queries';
import { useRealtimeKitClient } from './use-realtime-kit-client';

/** Every participant of a meeting, page by page, for infinite scroll. */
export function useInfiniteParticipants(meetingId: string, query?: ParticipantListQuery) {
  return useInfiniteQuery(realtimeKitQueries(useRealtimeKitClient()).infiniteParticipants(meetingId, query));
}
