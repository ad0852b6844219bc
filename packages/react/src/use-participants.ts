import type { Page, Participant, ParticipantListQuery } from '@realtimekit-meetings/client';
import { realtimeKitQueries } from './queries';
import { useRealtimeKitClient } from './use-realtime-kit-client';
import { type QueryHookOptions, useRealtimeKitQuery } from './use-realtime-kit-query';

/** One page of a meeting's participants: `{ data, paging }`. */
export function useParticipants(
  meetingId: string,
  query?: ParticipantListQuery,
  options?: QueryHookOptions<Page<Participant>>,
) {
  return useRealtimeKitQuery(realtimeKitQueries(useRealtimeKitClient()).participants(meetingId, query), options);
}
