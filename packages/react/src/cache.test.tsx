import { QueryClient, type QueryKey, QueryObserver } from '@tanstack/react-query';
import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MEETING, setup } from '../test-support/render';
import { cacheItem, insertIntoLists, invalidate, invalidateHolding, removeItem, replaceInLists } from './cache';
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

  it('a result without a token stays in the mutation cache after its component unmounts, for useMutationState', async () => {
    const { render, queryClient } = setup();
    const view = render(() => useCreateMeeting());
    await act(async () => {
      await view.result.current.mutateAsync({ title: 'Kept' });
    });
    view.unmount();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(queryClient.getMutationCache().getAll()).toHaveLength(1);
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

// The cache helpers on a QueryClient alone: seeded lists, no network, every list's data read back.
describe('cache.ts: which lists are patched, which refetched', () => {
  const LISTS = ['scope', 'meetings', 'list'];
  const page = (ids: string[], total = ids.length) => ({
    data: ids.map((id) => ({ id, title: id })),
    paging: { total_count: total, start_offset: 1, end_offset: ids.length },
  });
  const seeded = () => {
    const queryClient = new QueryClient();
    const lists: Record<string, QueryKey> = {
      first: [...LISTS, {}],
      firstSized: [...LISTS, { per_page: 2 }],
      second: [...LISTS, { page_no: 2 }],
      filtered: [...LISTS, { status: 'ACTIVE' }],
    };
    for (const key of Object.values(lists)) queryClient.setQueryData(key, page(['a', 'b'], 5));
    const read = () =>
      Object.fromEntries(
        Object.entries(lists).map(([name, key]) => {
          const data = queryClient.getQueryData<ReturnType<typeof page>>(key);
          return [
            name,
            `${data?.data.map((m) => m.title).join(',')} ${data?.paging.end_offset}/${data?.paging.total_count}`,
          ];
        }),
      );
    const invalidated = () =>
      Object.entries(lists)
        .filter(([, key]) => queryClient.getQueryState(key)?.isInvalidated)
        .map(([name]) => name);
    return { queryClient, read, invalidated };
  };

  it('a created item goes to the top of unfiltered first pages only; the rest are marked for refetch', async () => {
    const { queryClient, read, invalidated } = seeded();
    // as a create whose item has no detail query of its own
    await cacheItem(queryClient, undefined, LISTS, { id: 'n', title: 'new' } as never, insertIntoLists);
    expect(queryClient.getQueryCache().getAll()).toHaveLength(4);
    expect(read()).toEqual({
      first: 'new,a,b 3/6',
      firstSized: 'new,a,b 3/6',
      second: 'a,b 2/5',
      filtered: 'a,b 2/5',
    });
    expect(invalidated()).toEqual(['first', 'firstSized', 'second', 'filtered']);
  });

  it('a changed item is merged into its old self in every unfiltered page, and nothing else changes', async () => {
    const { queryClient, read } = seeded();
    await replaceInLists(queryClient, LISTS, { id: 'b', title: 'renamed' } as never);
    expect(read()).toEqual({
      first: 'a,renamed 2/5',
      firstSized: 'a,renamed 2/5',
      second: 'a,renamed 2/5',
      filtered: 'a,b 2/5',
    });
  });

  it('a deleted item leaves the unfiltered first pages, counted; an ID not there changes nothing', async () => {
    const { queryClient, read } = seeded();
    await removeItem(queryClient, undefined, LISTS, 'a');
    expect(read()).toEqual({ first: 'b 1/4', firstSized: 'b 1/4', second: 'a,b 2/5', filtered: 'a,b 2/5' });
    const before = queryClient.getQueryData([...LISTS, {}]);
    await removeItem(queryClient, undefined, LISTS, 'not-there');
    expect(queryClient.getQueryData([...LISTS, {}])).toBe(before);
  });

  it('touches only its own keys: the detail exactly, never a query below it or outside the lists', async () => {
    const queryClient = new QueryClient();
    const detail = ['scope', 'meetings', 'detail', 'm1'];
    const below = [...detail, 'participants'];
    queryClient.setQueryData(below, page(['p1']));
    // a fetch in flight under the detail key and one outside the lists: neither may be cancelled
    const slow = (value: string) => () => new Promise<string>((resolve) => setTimeout(() => resolve(value), 50));
    const inFlight = [
      queryClient.fetchQuery({ queryKey: [...below, 'x'], queryFn: slow('below') }),
      queryClient.fetchQuery({ queryKey: ['elsewhere'], queryFn: slow('elsewhere') }),
    ];
    await cacheItem(queryClient, detail, LISTS, { id: 'm1', token: 'secret' } as never, insertIntoLists);
    expect(await Promise.all(inFlight)).toEqual(['below', 'elsewhere']);
    expect(queryClient.getQueryData(detail)).toEqual({ id: 'm1' });
    await invalidate(queryClient, [detail]);
    expect([queryClient.getQueryState(detail)?.isInvalidated, queryClient.getQueryState(below)?.isInvalidated]).toEqual(
      [true, false],
    );
    removeItem(queryClient, detail, undefined, 'm1');
    expect([queryClient.getQueryData(detail), queryClient.getQueryData(below)]).toEqual([undefined, page(['p1'])]);
  });
});

describe('invalidate', () => {
  it('marks exact keys exactly, and under a prefix every query, whatever its query object; nothing beside them', async () => {
    const queryClient = new QueryClient();
    const list = (query: object) => ['scope', 'livestreams', 'list', query];
    const keysSeen = {
      plain: list({}),
      filtered: list({ status: 'LIVE' }),
      paged: list({ status: 'LIVE', per_page: 5 }),
      detail: ['scope', 'livestreams', 'detail', 'l1'],
      below: ['scope', 'livestreams', 'detail', 'l1', 'sessions'],
      other: ['scope', 'meetings', 'list', {}],
    };
    for (const key of Object.values(keysSeen)) queryClient.setQueryData(key, 'x');
    const invalidated = () =>
      Object.entries(keysSeen)
        .filter(([, key]) => queryClient.getQueryState(key)?.isInvalidated)
        .map(([name]) => name);
    await invalidate(queryClient, [keysSeen.detail], [list({})]);
    expect(invalidated()).toEqual(['plain', 'filtered', 'paged', 'detail']);
    // a prefix that names a filter matches only the queries with it
    const again = new QueryClient();
    for (const key of Object.values(keysSeen)) again.setQueryData(key, 'x');
    await invalidate(again, [], [list({ status: 'LIVE' })]);
    expect(
      Object.entries(keysSeen)
        .filter(([, key]) => again.getQueryState(key)?.isInvalidated)
        .map(([n]) => n),
    ).toEqual(['filtered', 'paged']);
  });

  it('under a prefix by what a query holds: only the items whose data is that item', async () => {
    const queryClient = new QueryClient();
    const active = (meeting: string) => ['scope', 'recordings', 'active-recording', 'detail', meeting];
    queryClient.setQueryData(active('m1'), { id: 'r1' });
    queryClient.setQueryData(active('m2'), { id: 'r2' });
    await invalidateHolding(queryClient, ['scope', 'recordings', 'active-recording'], 'r1');
    expect(['m1', 'm2'].map((m) => queryClient.getQueryState(active(m))?.isInvalidated)).toEqual([true, false]);
  });

  it('drops the data of a read its refetch found gone (404), and keeps it through any other failure', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const gone = ['scope', 'recordings', 'active-recording', 'detail', 'm1'];
    const failing = ['scope', 'recordings', 'active-recording', 'detail', 'm2'];
    const fail = (status: number) => () => Promise.reject(Object.assign(new Error(`${status}`), { status }));
    const observers = [
      new QueryObserver(queryClient, {
        queryKey: gone,
        queryFn: fail(404),
        initialData: { id: 'r1' },
        staleTime: Infinity,
      }),
      new QueryObserver(queryClient, {
        queryKey: failing,
        queryFn: fail(503),
        initialData: { id: 'r2' },
        staleTime: Infinity,
      }),
    ];
    const unsubscribe = observers.map((observer) => observer.subscribe(() => {}));
    await invalidate(queryClient, [gone, failing]);
    expect([queryClient.getQueryState(gone)?.status, queryClient.getQueryData(gone)]).toEqual(['error', undefined]);
    expect([queryClient.getQueryState(failing)?.status, queryClient.getQueryData(failing)]).toEqual([
      'error',
      { id: 'r2' },
    ]);
    for (const stop of unsubscribe) stop();
  });
});
