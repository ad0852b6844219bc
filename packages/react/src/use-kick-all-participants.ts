import type { KickAllParticipantsResult } from '@realtimekit-meetings/client';
import { realtimeKitKeys as keys } from './keys';
import { type MutationHookOptions, useRealtimeKitMutation } from './use-realtime-kit-mutation';

/** Ends the live session for everyone; refetches the meeting's active session. */
export function useKickAllParticipants(
  options?: MutationHookOptions<KickAllParticipantsResult, { meetingId: string }>,
) {
  return useRealtimeKitMutation<KickAllParticipantsResult, { meetingId: string }>(
    (client, { meetingId }) => client.activeSession.kickAll(meetingId),
    (queryClient, scope, _result, { meetingId }) =>
      queryClient.invalidateQueries({ queryKey: keys.activeSession(scope, meetingId), exact: true }),
    options,
  );
}
