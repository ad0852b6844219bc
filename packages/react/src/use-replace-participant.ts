import type { OperationData, ParticipantReplaceBody } from '@realtimekit-meetings/client';
import { replaceInLists, withoutToken } from './cache';
import { realtimeKitKeys as keys } from './keys';
import { type MutationHookOptions, useRealtimeKitMutation } from './use-realtime-kit-mutation';

/** Replaces a participant's details; updates its detail and its entries in its meeting's lists. */
export function useReplaceParticipant(
  options?: MutationHookOptions<
    OperationData<'replace_participant'>,
    { meetingId: string; participantId: string; body: ParticipantReplaceBody }
  >,
) {
  return useRealtimeKitMutation<
    OperationData<'replace_participant'>,
    { meetingId: string; participantId: string; body: ParticipantReplaceBody }
  >(
    (client, { meetingId, participantId, body }) => client.participants.replace(meetingId, participantId, body),
    (queryClient, scope, participant, { meetingId }) => {
      const cached = withoutToken(participant);
      queryClient.setQueryData(keys.participant(scope, meetingId, participant.id), cached);
      return replaceInLists(queryClient, keys.participantLists(scope, meetingId), cached);
    },
    options,
  );
}
