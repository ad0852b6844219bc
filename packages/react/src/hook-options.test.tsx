import { useMutation, useMutationState, useQuery } from '@tanstack/react-query';
import { act, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { cacheProbe } from '../test-support/cache-probe';
import { MEETING, setup, untilLoaded } from '../test-support/render';
import {
  realtimeKitKeys as keys,
  realtimeKitMutations,
  useCreateMeeting,
  useInfiniteMeetings,
  useMeeting,
  useMeetings,
  useRealtimeKitQueries,
  useUpdateMeeting,
} from './index';

describe('query hooks: dependent queries and select', () => {
  it('waits while an ID is undefined, sending nothing, then fetches once it is known', async () => {
    const { render, requests } = setup();
    const { result } = render(() => {
      const [id, setId] = useState<string | undefined>(undefined);
      return { meeting: useMeeting(id), setId };
    });
    expect(result.current.meeting.status).toBe('pending');
    expect(result.current.meeting.fetchStatus).toBe('idle');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests).toEqual([]);
    act(() => result.current.setId(MEETING));
    await waitFor(() => expect(result.current.meeting.status).toBe('success'));
    expect(requests).toEqual([`GET /meetings/${MEETING}`]);
  });

  it("useRealtimeKitQueries gives the provider's client's query options, for useQuery and its kin", async () => {
    const { render, requests } = setup();
    const { result } = render(() => useQuery(useRealtimeKitQueries().meeting(MEETING)));
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.data).toMatchObject({ id: expect.any(String) });
    expect(requests).toEqual([`GET /meetings/${MEETING}`]);
  });

  it('select shapes data, on a list and on an infinite list', async () => {
    const { render } = setup();
    const views = render(() => ({
      count: useMeetings({}, { select: (page) => page.data.length }),
      ids: useInfiniteMeetings({}, { select: (data) => data.pages.flatMap((page) => page.data.map((m) => m.id)) }),
    }));
    await untilLoaded(views);
    expect(typeof views.result.current.count.data).toBe('number');
    expect(views.result.current.ids.data?.every((id) => typeof id === 'string')).toBe(true);
  });

  it('an infinite hook takes enabled: false, and fetches nothing', async () => {
    const { render, requests } = setup();
    const { result } = render(() => useInfiniteMeetings({}, { enabled: false }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([result.current.fetchStatus, requests]).toEqual(['idle', []]);
  });
});

describe('mutations: keys, options factories, and the cache update off', () => {
  it('a pending mutation is visible by its default key in useMutationState', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { render, client } = setup();
    const { result } = render(() => ({
      update: useUpdateMeeting({ onMutate: () => held }),
      pending: useMutationState({
        filters: { mutationKey: keys.mutation(client.scope, 'update_meeting'), status: 'pending' },
        select: (mutation) => mutation.state.variables,
      }),
    }));
    act(() => result.current.update.mutate({ meetingId: MEETING, body: { title: 'Renamed' } }));
    await waitFor(() => expect(result.current.pending).toEqual([{ meetingId: MEETING, body: { title: 'Renamed' } }]));
    release();
    await waitFor(() => expect(result.current.update.status).toBe('success'));
    expect(result.current.pending).toEqual([]);
  });

  it('mutateAsync resolves once the cache is updated: the list holds the new meeting at once, no waiting', async () => {
    const { render, queryClient, client } = setup();
    const views = render(() => ({ all: useMeetings() }));
    await untilLoaded(views);
    const { result } = render(() => useCreateMeeting());
    const firstOfList = () =>
      queryClient.getQueryData<{ data: { id: string }[] }>(keys.meetingList(client.scope))?.data[0];
    // read the cache the moment mutateAsync resolves, before anything else gets a turn
    const seen = await act(() =>
      result.current.mutateAsync({ title: 'Awaited' }).then((created) => ({ created, first: firstOfList() })),
    );
    expect(seen.first).toEqual(seen.created);
  });

  it('cacheUpdate: false leaves every cached query as it was', async () => {
    const { render, queryClient } = setup();
    const views = render(() => ({ all: useMeetings() }));
    await untilLoaded(views);
    const probe = cacheProbe(queryClient);
    const { result } = render(() => useCreateMeeting({ cacheUpdate: false }));
    await act(() => result.current.mutateAsync({ title: 'Left alone' }));
    expect(probe.changed()).toEqual([]);
  });

  it('realtimeKitMutations serve useMutation directly: the call, its key, and no cache update', async () => {
    const { render, client, queryClient, requests } = setup();
    const options = realtimeKitMutations(client).createMeeting();
    expect(options.mutationKey).toEqual(['realtimekit', client.scope, 'mutation', 'create_meeting']);
    const probe = cacheProbe(queryClient);
    const { result } = render(() => useMutation(options));
    const created = await act(() => result.current.mutateAsync({ title: 'Direct' }));
    expect(created).toHaveProperty('id');
    expect(requests).toEqual(['POST /meetings']);
    expect(probe.changed()).toEqual([]);
  });
});
