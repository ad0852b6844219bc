import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MEETING, setup } from '../test-support/render';
import {
  realtimeKitKeys as keys,
  useAddParticipant,
  useCreateMeeting,
  useInfiniteMeetings,
  useMeetings,
  useUpdateMeeting,
} from './index';

// Each bug the review reproduced in the cache updates, as a test that failed before the fix.
describe('cache updates that stay right under real use', () => {
  it('an updated meeting is refetched in filtered lists it may no longer match, not patched in place', async () => {
    const { render, count } = setup();
    const lists = render(() => ({ all: useMeetings(), active: useMeetings({ status: 'ACTIVE' }) }));
    await waitFor(() => expect(lists.result.current.active.isSuccess && lists.result.current.all.isSuccess).toBe(true));
    const before = count('GET /meetings?status=ACTIVE');
    const { result } = render(() => useUpdateMeeting());
    await act(async () => {
      await result.current.mutateAsync({ meetingId: MEETING, body: { status: 'INACTIVE' } });
    });
    await waitFor(() => expect(count('GET /meetings?status=ACTIVE')).toBe(before + 1));
    expect(count('GET /meetings')).toBe(1); // the unfiltered list was patched, not refetched
  });

  it('an infinite list is refetched page by page after a create, never spliced', async () => {
    const { render, count } = setup();
    const infinite = render(() => useInfiniteMeetings());
    await waitFor(() => expect(infinite.result.current.isSuccess).toBe(true));
    const rows = infinite.result.current.data?.pages[0]?.data.length;
    const { result } = render(() => useCreateMeeting());
    await act(async () => {
      await result.current.mutateAsync({ title: 'Quarterly review' });
    });
    await waitFor(() => expect(count('GET /meetings?page_no=1')).toBe(2));
    expect(infinite.result.current.data?.pages[0]?.data.length).toBe(rows);
  });

  it('a refetch already in flight cannot land on top of a created meeting', async () => {
    let slow = false;
    const { render, queryClient, client } = setup({
      delayMs: (request) => (slow && request.method === 'GET' ? 400 : 0),
    });
    const list = render(() => useMeetings());
    await waitFor(() => expect(list.result.current.isSuccess).toBe(true));
    slow = true;
    void queryClient.refetchQueries({ queryKey: keys.meetingList(client.scope) });
    const { result } = render(() => useCreateMeeting());
    let created: { id: string } | undefined;
    await act(async () => {
      created = await result.current.mutateAsync({ title: 'Quarterly review' });
    });
    const top = () => queryClient.getQueryData<{ data: unknown[] }>(keys.meetingList(client.scope))?.data[0];
    expect(top()).toEqual(created);
    await new Promise((resolve) => setTimeout(resolve, 600)); // the slow answer would have landed by now
    expect(top()).toEqual(created);
  });

  it('a join token leaves the mutation cache once no component shows it', async () => {
    const { render, queryClient } = setup();
    const view = render(() => useAddParticipant());
    let token = '';
    await act(async () => {
      ({ token } = await view.result.current.mutateAsync({
        meetingId: MEETING,
        body: { custom_participant_id: 'u1', preset_name: 'group_call_host' },
      }));
    });
    expect(token).not.toBe('');
    const holdsToken = (data: unknown) => typeof data === 'object' && data !== null && 'token' in data;
    expect(
      queryClient
        .getMutationCache()
        .getAll()
        .some((m) => holdsToken(m.state.data)),
    ).toBe(true); // while shown
    view.unmount();
    await waitFor(() =>
      expect(
        queryClient
          .getMutationCache()
          .getAll()
          .some((m) => holdsToken(m.state.data)),
      ).toBe(false),
    );
    expect(
      queryClient
        .getQueryCache()
        .getAll()
        .some((q) => holdsToken(q.state.data)),
    ).toBe(false);
  });
});
