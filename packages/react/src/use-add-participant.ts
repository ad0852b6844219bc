import type { ParticipantAddBody, ParticipantWithToken } from '@realtimekit-meetings/client';
import { cacheParticipant, insertIntoLists } from './cache';
import { type MutationHookOptions, useRealtimeKitMutation } from './use-realtime-kit-mutation';

/** Adds a participant. The result carries the join token; the cache (detail and the meeting's lists) gets the participant without it. */
export function useAddParticipant(
  options?: MutationHookOptions<ParticipantWithToken, { meetingId: string; body: ParticipantAddBody }>,
) {
  return useRealtimeKitMutation<ParticipantWithToken, { meetingId: string; body: ParticipantAddBody }>(
    (client, { meetingId, body }) => client.participants.add(meetingId, body),
    (queryClient, scope, participant, { meetingId }) =>
      cacheParticipant(queryClient, scope, meetingId, participant, insertIntoLists),
    options,
  );
}
