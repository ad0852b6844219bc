import type { ParticipantAddBody, ParticipantWithToken } from '@realtimekit-meetings/client';
import { insertIntoLists, withoutToken } from './cache';
import { realtimeKitKeys as keys } from './keys';
import { type MutationHookOptions, useRealtimeKitMutation } from './use-realtime-kit-mutation';

/** Adds a participant. The result carries the join token; the cache (detail and the meeting's lists) gets the participant without it. */
export function useAddParticipant(
  options?: MutationHookOptions<ParticipantWithToken, { meetingId: string; body: ParticipantAddBody }>,
) {
  return useRealtimeKitMutation<ParticipantWithToken, { meetingId: string; body: ParticipantAddBody }>(
    (client, { meetingId, body }) => client.participants.add(meetingId, body),
    (queryClient, scope, participant, { meetingId }) => {
      const cached = withoutToken(participant);
      queryClient.setQueryData(keys.participant(scope, meetingId, participant.id), cached);
      return insertIntoLists(queryClient, keys.participantLists(scope, meetingId), cached);
    },
    options,
  );
}
