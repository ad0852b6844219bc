import type { DeletedParticipant } from '@realtimekit-meetings/client';
import { removeFromLists } from './cache';
import { realtimeKitKeys as keys } from './keys';
import { type MutationHookOptions, useRealtimeKitMutation } from './use-realtime-kit-mutation';

/** Removes a participant; drops its detail and takes it out of its meeting's lists. */
export function useDeleteParticipant(
  options?: MutationHookOptions<DeletedParticipant, { meetingId: string; participantId: string }>,
) {
  return useRealtimeKitMutation<DeletedParticipant, { meetingId: string; participantId: string }>(
    (client, { meetingId, participantId }) => client.participants.delete(meetingId, participantId),
    (queryClient, scope, _deleted, { meetingId, participantId }) => {
      queryClient.removeQueries({ queryKey: keys.participant(scope, meetingId, participantId), exact: true });
      return removeFromLists(queryClient, keys.participantLists(scope, meetingId), participantId);
    },
    options,
  );
}
