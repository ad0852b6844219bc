import type { ParticipantToken } from '@realtimekit-meetings/client';
import { type MutationHookOptions, useRealtimeKitMutation } from './use-realtime-kit-mutation';

/** Issues a new join token for a participant (the old one stops working). No cached query holds tokens, so none changes. */
export function useRefreshParticipantToken(
  options?: MutationHookOptions<ParticipantToken, { meetingId: string; participantId: string }>,
) {
  return useRealtimeKitMutation<ParticipantToken, { meetingId: string; participantId: string }>(
    (client, { meetingId, participantId }) => client.participants.refreshToken(meetingId, participantId),
    undefined,
    options,
  );
}
