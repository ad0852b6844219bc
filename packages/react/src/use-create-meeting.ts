import type { MeetingCreateBody, MeetingDetails } from '@realtimekit-meetings/client';
import { cacheMeeting, insertIntoLists } from './cache';
import { type MutationHookOptions, useRealtimeKitMutation } from './use-realtime-kit-mutation';

/** Creates a meeting; it is cached as a detail and put at the top of the unfiltered meeting lists. */
export function useCreateMeeting(options?: MutationHookOptions<MeetingDetails, MeetingCreateBody>) {
  return useRealtimeKitMutation<MeetingDetails, MeetingCreateBody>(
    (client, body) => client.meetings.create(body),
    (queryClient, scope, meeting) => cacheMeeting(queryClient, scope, meeting, insertIntoLists),
    options,
  );
}
