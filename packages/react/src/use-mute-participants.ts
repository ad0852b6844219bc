import type { MuteParticipantsBody, MuteParticipantsResult } from '@realtimekit-meetings/client';
import { realtimeKitKeys as keys } from './keys';
import { type MutationHookOptions, useRealtimeKitMutation } from './use-realtime-kit-mutation';

/** Mutes participants of the live session; refetches the meeting's active session. */
export function useMuteParticipants(
  options?: MutationHookOptions<MuteParticipantsResult, { meetingId: string; body: MuteParticipantsBody }>,
) {
  return useRealtimeKitMutation<MuteParticipantsResult, { meetingId: string; body: MuteParticipantsBody }>(
    (client, { meetingId, body }) => client.activeSession.mute(meetingId, body),
    (queryClient, scope, _result, { meetingId }) =>
      queryClient.invalidateQueries({ queryKey: keys.activeSession(scope, meetingId), exact: true }),
    options,
  );
}
