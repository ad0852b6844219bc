import type { LivestreamStopResult } from '@realtimekit-meetings/client';
import { realtimeKitKeys as keys } from './keys';
import { type MutationHookOptions, useRealtimeKitMutation } from './use-realtime-kit-mutation';

/** Stops the meeting's livestream; refetches its active livestream. */
export function useStopLivestream(options?: MutationHookOptions<LivestreamStopResult, { meetingId: string }>) {
  return useRealtimeKitMutation<LivestreamStopResult, { meetingId: string }>(
    (client, { meetingId }) => client.livestreams.stop(meetingId),
    (queryClient, scope, _result, { meetingId }) =>
      queryClient.invalidateQueries({ queryKey: keys.activeLivestream(scope, meetingId), exact: true }),
    options,
  );
}
