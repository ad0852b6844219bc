import { createRealtimeKitClient, type Page, RealtimeKitError } from '@realtimekit-meetings/client';
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MEETING, PARTICIPANT, setup } from '../test-support/render';
import {
  realtimeKitKeys,
  realtimeKitQueries,
  useActiveLivestream,
  useActiveSession,
  useInfiniteMeetings,
  useInfiniteParticipants,
  useMeeting,
  useMeetings,
  useParticipant,
  useParticipants,
} from './index';

describe('query hooks return what the matching client method returns', () => {
  it('useMeetings: { data, paging }', async () => {
    const { render, requests } = setup();
    const { result } = render(() => useMeetings({ per_page: 10 }));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.paging).toEqual({ start_offset: 1, end_offset: 30, total_count: 30 });
    expect(typeof result.current.data?.data[0]?.id).toBe('string');
    expect(requests).toEqual(['GET /meetings?per_page=10']);
  });

  it('useMeeting: the meeting', async () => {
    const { render, requests } = setup();
    const { result } = render(() => useMeeting(MEETING));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toMatchObject({ id: expect.any(String), created_at: expect.any(String) });
    expect(requests).toEqual([`GET /meetings/${MEETING}`]);
  });

  it('useParticipants and useParticipant', async () => {
    const { render, requests } = setup();
    const list = render(() => useParticipants(MEETING, { per_page: 5 }));
    const one = render(() => useParticipant(MEETING, PARTICIPANT));
    await waitFor(() => expect(list.result.current.isSuccess && one.result.current.isSuccess).toBe(true));
    expect(list.result.current.data?.data[0]).toMatchObject({ custom_participant_id: expect.any(String) });
    expect(one.result.current.data).toMatchObject({ id: expect.any(String), preset_name: expect.any(String) });
    expect(requests.sort()).toEqual([
      `GET /meetings/${MEETING}/participants/${PARTICIPANT}`,
      `GET /meetings/${MEETING}/participants?per_page=5`,
    ]);
  });

  it('useActiveSession and useActiveLivestream', async () => {
    const { render } = setup();
    const session = render(() => useActiveSession(MEETING));
    const livestream = render(() => useActiveLivestream(MEETING));
    await waitFor(() => expect(session.result.current.isSuccess && livestream.result.current.isSuccess).toBe(true));
    expect(session.result.current.data).toMatchObject({ status: 'LIVE', meeting_display_name: expect.any(String) });
    // the upstream description carries no example (the Stainless copy strips them): Prism answers from the schema
    expect(livestream.result.current.data).toMatchObject({ status: expect.any(String), disabled: expect.any(Boolean) });
  });

  it('take TanStack options: enabled: false sends nothing', async () => {
    const { render, requests } = setup();
    const { result } = render(() => useMeeting(MEETING, { enabled: false }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(result.current.fetchStatus).toBe('idle');
    expect(requests).toEqual([]);
  });

  it('fail with the client’s RealtimeKitError, status and code visible', async () => {
    const { render } = setup();
    // the proxy refuses an ID that is not one path segment of safe characters
    const { result } = render(() => useParticipant(MEETING, 'a/b'));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(RealtimeKitError);
    expect(result.current.error).toMatchObject({ kind: 'http', status: 400, code: 400 });
  });
});

describe('infinite queries page by page_no', () => {
  it('useInfiniteMeetings and useInfiniteParticipants load the first page and know there is no next one', async () => {
    const { render, requests } = setup();
    const meetings = render(() => useInfiniteMeetings({ per_page: 30 }));
    const participants = render(() => useInfiniteParticipants(MEETING));
    await waitFor(() => expect(meetings.result.current.isSuccess && participants.result.current.isSuccess).toBe(true));
    // the mock's paging says 30 of 30: one page
    expect(meetings.result.current.hasNextPage).toBe(false);
    expect(meetings.result.current.data?.pages).toHaveLength(1);
    expect(requests).toContain('GET /meetings?per_page=30&page_no=1');
    expect(requests).toContain(`GET /meetings/${MEETING}/participants?page_no=1`);
  });

  it('asks for the next page_no while end_offset is below total_count, from the caller’s first page', () => {
    const options = realtimeKitQueries(createRealtimeKitClient({ proxyUrl: '/api' })).infiniteMeetings({
      page_no: 3,
      per_page: 2,
    });
    const page = (start: number, end: number, total: number, items = end - start + 1): Page<{ id: string }> => ({
      data: Array.from({ length: items }, (_, i) => ({ id: `m${i}` })),
      paging: { start_offset: start, end_offset: end, total_count: total },
    });
    expect(options.initialPageParam).toBe(3);
    const next = options.getNextPageParam as (
      last: Page<{ id: string }>,
      all: unknown[],
      param: number,
    ) => number | undefined;
    expect(next(page(5, 6, 10), [], 3)).toBe(4);
    expect(next(page(9, 10, 10), [], 5)).toBeUndefined();
    expect(next(page(11, 10, 10, 0), [], 6)).toBeUndefined();
  });
});

describe('realtimeKitQueries and realtimeKitKeys', () => {
  it('prefetched data is served without a request (server-side prefetch, then hydrate)', async () => {
    const { render, requests, queryClient, client } = setup();
    await queryClient.prefetchQuery(realtimeKitQueries(client).meeting(MEETING));
    expect(requests).toHaveLength(1);
    const { result } = render(() => useMeeting(MEETING, { staleTime: Number.POSITIVE_INFINITY }));
    expect(result.current.isSuccess).toBe(true);
    expect(requests).toHaveLength(1);
  });

  it('keys are hierarchical and scoped by account and app (or proxy)', () => {
    const a = createRealtimeKitClient({ apiToken: 't', accountId: 'acc', appId: 'app', dangerouslyAllowBrowser: true });
    const b = createRealtimeKitClient({ proxyUrl: '/api' });
    expect(realtimeKitQueries(a).meeting('m').queryKey).toEqual(['realtimekit', 'acc/app', 'meetings', 'detail', 'm']);
    expect(realtimeKitQueries(b).meeting('m').queryKey).toEqual([
      'realtimekit',
      'proxy:/api',
      'meetings',
      'detail',
      'm',
    ]);
    const participants = realtimeKitKeys.participantList('s', 'm', { per_page: 5 });
    expect(participants.slice(0, realtimeKitKeys.meeting('s', 'm').length)).toEqual(realtimeKitKeys.meeting('s', 'm'));
    expect(realtimeKitKeys.meetingList('s').slice(0, 4)).toEqual(realtimeKitKeys.meetingLists('s'));
  });

  it('a hook outside RealtimeKitProvider says what is missing', () => {
    expect(() => renderHook(() => useMeetings())).toThrow(/RealtimeKitProvider/);
  });
});
