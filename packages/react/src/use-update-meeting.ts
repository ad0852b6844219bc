import type { MeetingDetails, MeetingUpdateBody } from '@realtimekit-meetings/client';
import { replaceInLists } from './cache';
import { realtimeKitKeys as keys } from './keys';
import { type MutationHookOptions, useRealtimeKitMutation } from './use-realtime-kit-mutation';

/** Changes some of a meeting's settings (PATCH); updates its detail and its entries in the meeting lists. */
export function useUpdateMeeting(
  options?: MutationHookOptions<MeetingDetails, { meetingId: string; body: MeetingUpdateBody }>,
) {
  return useRealtimeKitMutation<MeetingDetails, { meetingId: string; body: MeetingUpdateBody }>(
    (client, { meetingId, body }) => client.meetings.update(meetingId, body),
    (queryClient, scope, meeting) => {
      queryClient.setQueryData(keys.meeting(scope, meeting.id), meeting);
      return replaceInLists(queryClient, keys.meetingLists(scope), meeting);
    },
    options,
  );
}
