import type { OperationData, ParticipantReplaceBody } from '@realtimekit-meetings/client';
import { cacheParticipant, replaceInLists } from './cache';
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
    (queryClient, scope, participant, { meetingId }) =>
      cacheParticipant(queryClient, scope, meetingId, participant, replaceInLists),
    options,
  );
}
