import type { KickParticipantsBody, KickParticipantsResult } from '@realtimekit-meetings/client';
import { realtimeKitKeys as keys } from './keys';
import { type MutationHookOptions, useRealtimeKitMutation } from './use-realtime-kit-mutation';

/** Removes participants from the live session; refetches the meeting's active session. */
export function useKickParticipants(
  options?: MutationHookOptions<KickParticipantsResult, { meetingId: string; body: KickParticipantsBody }>,
) {
  return useRealtimeKitMutation<KickParticipantsResult, { meetingId: string; body: KickParticipantsBody }>(
    (client, { meetingId, body }) => client.activeSession.kick(meetingId, body),
    (queryClient, scope, _result, { meetingId }) =>
      queryClient.invalidateQueries({ queryKey: keys.activeSession(scope, meetingId), exact: true }),
    options,
  );
}
