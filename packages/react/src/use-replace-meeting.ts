import type { MeetingDetails, MeetingReplaceBody } from '@realtimekit-meetings/client';
import { replaceInLists } from './cache';
import { realtimeKitKeys as keys } from './keys';
import { type MutationHookOptions, useRealtimeKitMutation } from './use-realtime-kit-mutation';

/** Replaces a meeting's settings (PUT); updates its detail and its entries in the meeting lists. */
export function useReplaceMeeting(
  options?: MutationHookOptions<MeetingDetails, { meetingId: string; body: MeetingReplaceBody }>,
) {
  return useRealtimeKitMutation<MeetingDetails, { meetingId: string; body: MeetingReplaceBody }>(
    (client, { meetingId, body }) => client.meetings.replace(meetingId, body),
    (queryClient, scope, meeting) => {
      queryClient.setQueryData(keys.meeting(scope, meeting.id), meeting);
      return replaceInLists(queryClient, keys.meetingLists(scope), meeting);
    },
    options,
  );
}
