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
  useActiveRecording,
  useAddParticipant,
  useApps,
  useControlRecording,
  useCreateApp,
  useCreateMeeting,
  useCreateWebhook,
  useDeleteParticipant,
  useInfiniteSessions,
  useMeeting,
  useMeetings,
  useParticipants,
  useStartRecording,
  useWebhooks,
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
/** The app's server, which the browser never is: it adds who the sessions have in them. */
const server = createRealtimeKitClient({
  apiToken: 't',
  accountId: ACCOUNT,
  appId: APP,
  fetch: fake.fetch,
  dangerouslyAllowBrowser: true, // jsdom looks like a browser; this stands for the app's server
});

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

/** An admin page of the app's own (jsdom is a browser): a client that holds the token, which the account's apps need. */
function adminApp() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const client = createRealtimeKitClient({
    apiToken: 't',
    accountId: ACCOUNT,
    appId: APP,
    fetch: fake.fetch,
    dangerouslyAllowBrowser: true,
  });
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

  it('register a webhook: the list shows it; a second one for the same URL is refused, and the list stays', async () => {
    const render = app();
    const hooks = render(() => ({ list: useWebhooks(), create: useCreateWebhook() }));
    await waitFor(() => expect(hooks.current.list.data).toEqual([]));
    const body = { name: 'ended', url: 'https://app.example.com/hooks', events: ['meeting.ended' as const] };
    await act(() => hooks.current.create.mutateAsync(body));
    await waitFor(() => expect(hooks.current.list.data?.map((w) => w.url)).toEqual([body.url]));
    const refused = await act(() => hooks.current.create.mutateAsync(body).catch((e: RealtimeKitError) => e.status));
    expect(refused).toBe(400);
    expect(hooks.current.list.data?.map((w) => w.url)).toEqual([body.url]);
  });

  it("record a meeting: the meeting's active recording follows start, pause and stop", async () => {
    const meeting = await server.meetings.create({ title: 'Review' });
    await server.participants.add(meeting.id, { custom_participant_id: 'ada', preset_name: 'group_call_host' });
    fake.startSession(meeting.id);
    const render = app();
    const hooks = render(() => ({
      active: useActiveRecording(meeting.id),
      start: useStartRecording(),
      control: useControlRecording(),
    }));
    await waitFor(() => expect(hooks.current.active.status).toBe('error')); // none yet: the API answers 404
    const recording = await act(() => hooks.current.start.mutateAsync({ meeting_id: meeting.id }));
    await waitFor(() => expect(hooks.current.active.data?.id).toBe(recording.id));
    await act(() => hooks.current.control.mutateAsync({ recordingId: recording.id, body: { action: 'pause' } }));
    await waitFor(() => expect(hooks.current.active.data?.status).toBe('PAUSED'));
    await act(() => hooks.current.control.mutateAsync({ recordingId: recording.id, body: { action: 'stop' } }));
    // stopped: no active recording, and no stale one beside the 404
    await waitFor(() => expect([hooks.current.active.status, hooks.current.active.data]).toEqual(['error', undefined]));
    expect(hooks.current.active.error?.status).toBe(404);
  });

  it("pages a meeting's sessions with useInfiniteSessions, one page at a time, to the last", async () => {
    const meeting = await server.meetings.create({ title: 'Daily' });
    await server.participants.add(meeting.id, { custom_participant_id: 'ada', preset_name: 'group_call_host' });
    for (let i = 0; i < 3; i++) {
      fake.startSession(meeting.id);
      fake.endSession(meeting.id);
    }
    const sessions = app()(() => useInfiniteSessions({ associated_id: meeting.id, per_page: 2 }));
    await waitFor(() => expect(sessions.current.data?.pages).toHaveLength(1));
    expect(sessions.current.hasNextPage).toBe(true);
    await act(() => sessions.current.fetchNextPage());
    await waitFor(() => expect(sessions.current.data?.pages).toHaveLength(2));
    expect(sessions.current.hasNextPage).toBe(false);
    const all = sessions.current.data?.pages.flatMap((page) => page.data) ?? [];
    expect([all.length, new Set(all.map((s) => s.id)).size, all.every((s) => s.status === 'ENDED')]).toEqual([
      3,
      3,
      true,
    ]);
  });

  it('create an app: every cached list of apps, under any query, refetches and shows it', async () => {
    const hooks = adminApp()(() => ({ all: useApps(), paged: useApps({ per_page: 5 }), create: useCreateApp() }));
    await waitFor(() => expect(hooks.current.paged.data?.data).toEqual([]));
    await waitFor(() => expect(hooks.current.all.data?.data).toEqual([]));
    const created = await act(() => hooks.current.create.mutateAsync({ name: 'staging' }));
    const names = (page?: { data: { name?: string }[] }) => page?.data.map((a) => a.name);
    await waitFor(() =>
      expect([names(hooks.current.all.data), names(hooks.current.paged.data)]).toEqual([['staging'], ['staging']]),
    );
    expect(created.app?.name).toBe('staging');
  });

  it('surfaces a 404 for a meeting that does not exist as a typed error', async () => {
    const result = app()(() => useMeeting('00000000-0000-4000-8000-000000000000'));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toBeInstanceOf(RealtimeKitError);
    expect(result.current.error?.status).toBe(404);
  });
});
