import type { OperationData, ParticipantEditBody } from '@realtimekit-meetings/client';
import { replaceInLists, withoutToken } from './cache';
import { realtimeKitKeys as keys } from './keys';
import { type MutationHookOptions, useRealtimeKitMutation } from './use-realtime-kit-mutation';

/** Changes some of a participant's details; updates its detail and its entries in its meeting's lists. */
export function useEditParticipant(
  options?: MutationHookOptions<
    OperationData<'edit_participant'>,
    { meetingId: string; participantId: string; body: ParticipantEditBody }
  >,
) {
  return useRealtimeKitMutation<
    OperationData<'edit_participant'>,
    { meetingId: string; participantId: string; body: ParticipantEditBody }
  >(
    (client, { meetingId, participantId, body }) => client.participants.edit(meetingId, participantId, body),
    (queryClient, scope, participant, { meetingId }) => {
      const cached = withoutToken(participant);
      queryClient.setQueryData(keys.participant(scope, meetingId, participant.id), cached);
      return replaceInLists(queryClient, keys.participantLists(scope, meetingId), cached);
    },
    options,
  );
}
