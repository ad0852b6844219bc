import type { Participant } from '@realtimekit-meetings/client';
import { realtimeKitQueries } from './queries';
import { useRealtimeKitClient } from './use-realtime-kit-client';
import { type QueryHookOptions, useRealtimeKitQuery } from './use-realtime-kit-query';

/** One participant of a meeting. */
export function useParticipant(meetingId: string, participantId: string, options?: QueryHookOptions<Participant>) {
  return useRealtimeKitQuery(realtimeKitQueries(useRealtimeKitClient()).participant(meetingId, participantId), options);
}
