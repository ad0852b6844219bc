import { createRealtimeKitClient, RealtimeKitError } from '@realtimekit-meetings/client';
import { createRealtimeKitFake } from '@realtimekit-meetings/mock/fake';
import { realtimeKitHandlers } from '@realtimekit-meetings/mock/msw';
import { ACCOUNT, APP } from '@realtimekit-meetings/test-fixtures/ids';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  RealtimeKitProvider,
  useAddParticipant,
  useCreateMeeting,
  useDeleteParticipant,
  useMeeting,
  useMeetings,
  useParticipants,
} from './index';

// The hooks as a browser app runs them (a proxy-mode client) against the stateful fake through MSW, in jsdom: no
// server process, and what a mutation does is what the next read sees, as against the real API.
const fake = createRealtimeKitFake({ seed: 11 });
const PROXY = 'http://localhost:3000/api/realtimekit';
const msw = setupServer(...realtimeKitHandlers({ fake, proxyUrl: PROXY, accountId: ACCOUNT, appId: APP }));
const requests: string[] = [];
msw.events.on('request:start', ({ request }) => {
  requests.push(`${request.method} ${new URL(request.url).pathname}`);
});
beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  fake.reset();
  requests.length = 0;
});
afterAll(() => msw.close());

/** A browser app's setup: a fresh QueryClient and a proxy-mode client; `render` mounts hooks under both. */
function app() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const client = createRealtimeKitClient({ proxyUrl: PROXY, maxRetries: 0 }); // as a browser app calls it
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <RealtimeKitProvider client={client}>{children}</RealtimeKitProvider>
    </QueryClientProvider>
  );
  return <T,>(hook: () => T) => renderHook(hook, { wrapper }).result;
}

/** What a second browser, with nothing cached, reads of a meeting's participants. */
async function namesSeenFresh(meetingId: string) {
  const result = app()(() => useParticipants(meetingId));
  await waitFor(() => expect(result.current.status).toBe('success'));
  return result.current.data?.data.map((p) => p.name);
}

describe('hooks on the stateful fake (MSW)', () => {
  it('create a meeting, add Ada, she is listed; remove her, she is gone', async () => {
    const render = app();
    const meetings = render(() => ({ list: useMeetings(), create: useCreateMeeting() }));
    await waitFor(() => expect(meetings.current.list.data?.data).toEqual([]));
    const meeting = await act(() => meetings.current.create.mutateAsync({ title: 'Standup' }));
    await waitFor(() => expect(meetings.current.list.data?.data.map((m) => m.title)).toEqual(['Standup']));

    const participants = render(() => ({
      list: useParticipants(meeting.id),
      add: useAddParticipant(),
      remove: useDeleteParticipant(),
    }));
    await waitFor(() => expect(participants.current.list.data?.data).toEqual([]));
    const ada = await act(() =>
      participants.current.add.mutateAsync({
        meetingId: meeting.id,
        body: { custom_participant_id: 'ada', preset_name: 'group_call_host', name: 'Ada' },
      }),
    );
    expect(ada.token).toBeTruthy();
    await waitFor(() => expect(participants.current.list.data?.data.map((p) => p.name)).toEqual(['Ada']));
    expect(await namesSeenFresh(meeting.id)).toEqual(['Ada']);

    await act(() => participants.current.remove.mutateAsync({ meetingId: meeting.id, participantId: ada.id }));
    await waitFor(() => expect(participants.current.list.data?.data).toEqual([]));
    expect(await namesSeenFresh(meeting.id)).toEqual([]);
    expect(requests).toContain(`DELETE /api/realtimekit/meetings/${meeting.id}/participants/${ada.id}`);
  });

  it('surfaces a 404 for a meeting that does not exist as a typed error', async () => {
    const result = app()(() => useMeeting('00000000-0000-4000-8000-000000000000'));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toBeInstanceOf(RealtimeKitError);
    expect(result.current.error?.status).toBe(404);
  });
});
