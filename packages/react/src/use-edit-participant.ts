import type { OperationData, ParticipantEditBody } from '@realtimekit-meetings/client';
import { cacheParticipant, replaceInLists } from './cache';
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
    (queryClient, scope, participant, { meetingId }) =>
      cacheParticipant(queryClient, scope, meetingId, participant, replaceInLists),
    options,
  );
}
