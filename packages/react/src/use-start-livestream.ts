import type { LivestreamStartBody, LivestreamStartResult } from '@realtimekit-meetings/client';
import { realtimeKitKeys as keys } from './keys';
import { type MutationHookOptions, useRealtimeKitMutation } from './use-realtime-kit-mutation';

/** Starts livestreaming the meeting; refetches its active livestream. */
export function useStartLivestream(
  options?: MutationHookOptions<LivestreamStartResult, { meetingId: string; body: LivestreamStartBody }>,
) {
  return useRealtimeKitMutation<LivestreamStartResult, { meetingId: string; body: LivestreamStartBody }>(
    (client, { meetingId, body }) => client.livestreams.start(meetingId, body),
    (queryClient, scope, _result, { meetingId }) =>
      queryClient.invalidateQueries({ queryKey: keys.activeLivestream(scope, meetingId), exact: true }),
    options,
  );
}
