import type { MeetingDetails, MeetingReplaceBody } from '@realtimekit-meetings/client';
import { cacheMeeting, replaceInLists } from './cache';
import { type MutationHookOptions, useRealtimeKitMutation } from './use-realtime-kit-mutation';

/** Replaces a meeting's settings (PUT); updates its detail and its entries in the meeting lists. */
export function useReplaceMeeting(
  options?: MutationHookOptions<MeetingDetails, { meetingId: string; body: MeetingReplaceBody }>,
) {
  return useRealtimeKitMutation<MeetingDetails, { meetingId: string; body: MeetingReplaceBody }>(
    (client, { meetingId, body }) => client.meetings.replace(meetingId, body),
    (queryClient, scope, meeting) => cacheMeeting(queryClient, scope, meeting, replaceInLists),
    options,
  );
}
