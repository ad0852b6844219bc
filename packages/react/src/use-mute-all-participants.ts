import type { MuteAllParticipantsBody, MuteAllParticipantsResult } from '@realtimekit-meetings/client';
import { realtimeKitKeys as keys } from './keys';
import { type MutationHookOptions, useRealtimeKitMutation } from './use-realtime-kit-mutation';

/** Mutes everyone in the live session; refetches the meeting's active session. */
export function useMuteAllParticipants(
  options?: MutationHookOptions<MuteAllParticipantsResult, { meetingId: string; body: MuteAllParticipantsBody }>,
) {
  return useRealtimeKitMutation<MuteAllParticipantsResult, { meetingId: string; body: MuteAllParticipantsBody }>(
    (client, { meetingId, body }) => client.activeSession.muteAll(meetingId, body),
    (queryClient, scope, _result, { meetingId }) =>
      queryClient.invalidateQueries({ queryKey: keys.activeSession(scope, meetingId), exact: true }),
    options,
  );
}
