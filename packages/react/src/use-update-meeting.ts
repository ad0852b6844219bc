import type { MeetingDetails, MeetingUpdateBody } from '@realtimekit-meetings/client';
import { cacheMeeting, replaceInLists } from './cache';
import { type MutationHookOptions, useRealtimeKitMutation } from './use-realtime-kit-mutation';

/** Changes some of a meeting's settings (PATCH); updates its detail and its entries in the meeting lists. */
export function useUpdateMeeting(
  options?: MutationHookOptions<MeetingDetails, { meetingId: string; body: MeetingUpdateBody }>,
) {
  return useRealtimeKitMutation<MeetingDetails, { meetingId: string; body: MeetingUpdateBody }>(
    (client, { meetingId, body }) => client.meetings.update(meetingId, body),
    (queryClient, scope, meeting) => cacheMeeting(queryClient, scope, meeting, replaceInLists),
    options,
  );
}
