import type { CreatePollBody, CreatePollResult } from '@realtimekit-meetings/client';
import { type MutationHookOptions, useRealtimeKitMutation } from './use-realtime-kit-mutation';

/** Starts a poll in the live session. No cached query holds polls, so none changes. */
export function useCreatePoll(
  options?: MutationHookOptions<CreatePollResult, { meetingId: string; body: CreatePollBody }>,
) {
  return useRealtimeKitMutation<CreatePollResult, { meetingId: string; body: CreatePollBody }>(
    (client, { meetingId, body }) => client.activeSession.createPoll(meetingId, body),
    undefined,
    options,
  );
}
