import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MEETING, OTHER_MEETING, setup } from '../test-support/render';
import { useJoinToken } from './use-join-token';

describe('useJoinToken', () => {
  it('fetches the join token from the proxy’s join route, and keeps it out of every cache', async () => {
    const { render, queryClient, count } = setup();
    const view = render(() => useJoinToken(MEETING));
    expect(view.result.current.status).toBe('pending');
    await waitFor(() => expect(view.result.current.status).toBe('success'));
    const { token, participantId } = view.result.current;
    expect(typeof token).toBe('string');
    expect(typeof participantId).toBe('string');
    expect(count(`POST /meetings/${MEETING}/join`)).toBe(1);
    const cached = JSON.stringify([
      queryClient
        .getQueryCache()
        .getAll()
        .map((q) => q.state),
      queryClient
        .getMutationCache()
        .getAll()
        .map((m) => m.state),
    ]);
    expect(cached).not.toContain(token as string);
  });

  it('fetches again on remount, on refetch and for another meeting; nothing without a meeting', async () => {
    const { render, count } = setup();
    const first = render(() => useJoinToken(MEETING));
    await waitFor(() => expect(first.result.current.status).toBe('success'));
    first.result.current.refetch();
    await waitFor(() => expect(count(`POST /meetings/${MEETING}/join`)).toBe(2));
    first.unmount();
    const again = render(() => useJoinToken(MEETING));
    await waitFor(() => expect(again.result.current.status).toBe('success'));
    expect(count(`POST /meetings/${MEETING}/join`)).toBe(3);
    let meetingId: string | undefined;
    const switching = render(() => useJoinToken(meetingId));
    expect(switching.result.current.status).toBe('idle');
    meetingId = OTHER_MEETING;
    switching.rerender();
    await waitFor(() => expect(switching.result.current.status).toBe('success'));
    expect(count(`POST /meetings/${OTHER_MEETING}/join`)).toBe(1);
  });
});
