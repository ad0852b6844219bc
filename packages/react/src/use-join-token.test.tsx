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
    await waitFor(() => expect(first.result.current.status).toBe('success'));
    first.result.current.refetch(); // each call, not only the first
    await waitFor(() => expect(count(`POST /meetings/${MEETING}/join`)).toBe(3));
    first.unmount();
    const again = render(() => useJoinToken(MEETING));
    await waitFor(() => expect(again.result.current.status).toBe('success'));
    expect(count(`POST /meetings/${MEETING}/join`)).toBe(4);
    let meetingId: string | undefined;
    const switching = render(() => useJoinToken(meetingId));
    expect(switching.result.current.status).toBe('idle');
    meetingId = OTHER_MEETING;
    switching.rerender();
    await waitFor(() => expect(switching.result.current.status).toBe('success'));
    expect(count(`POST /meetings/${OTHER_MEETING}/join`)).toBe(1);
  });

  it('is pending from its very first render with a meeting, idle without one, and isPending says the same', async () => {
    const { render } = setup();
    const seen: string[] = [];
    const view = render(() => {
      const state = useJoinToken(MEETING);
      seen.push(`${state.status} ${state.isPending}`);
      return state;
    });
    await waitFor(() => expect(view.result.current.status).toBe('success'));
    expect([seen[0], seen.at(-1)]).toEqual(['pending true', 'success false']);
    const idle: string[] = [];
    render(() => {
      const state = useJoinToken(undefined);
      idle.push(`${state.status} ${state.isPending}`);
      return state;
    });
    expect(new Set(idle)).toEqual(new Set(['idle false']));
  });

  it('a join the proxy refuses is an error state with the typed error, and no token', async () => {
    const { render, count } = setup();
    const view = render(() => useJoinToken('not-a-meeting.id'));
    await waitFor(() => expect(view.result.current.status).toBe('error'));
    expect(view.result.current).toMatchObject({ isPending: false, error: { kind: 'http', status: 400 } });
    expect(view.result.current.token).toBeUndefined();
    expect(count('POST /meetings/not-a-meeting.id/join')).toBe(1);
  });

  it('aborts the join when the component unmounts or the meeting changes, and never shows the stale outcome', async () => {
    const { render, sent } = setup({ delayMs: (request) => (request.url.includes(MEETING) ? 300 : 0) });
    const leaving = render(() => useJoinToken(MEETING));
    await waitFor(() => expect(sent).toHaveLength(1));
    leaving.unmount();
    expect(sent[0]?.signal.aborted).toBe(true);
    let meetingId = MEETING;
    const seen: string[] = [];
    const switching = render(() => {
      const state = useJoinToken(meetingId);
      seen.push(state.status);
      return state;
    });
    await waitFor(() => expect(sent).toHaveLength(2));
    meetingId = OTHER_MEETING;
    switching.rerender();
    expect(sent[1]?.signal.aborted).toBe(true);
    await waitFor(() => expect(switching.result.current.status).toBe('success'));
    await new Promise((resolve) => setTimeout(resolve, 350)); // past when the first meeting's answer was due
    expect(seen).not.toContain('error');
    expect(switching.result.current.status).toBe('success');
  });
});
