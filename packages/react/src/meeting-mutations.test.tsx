import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { cacheProbe } from '../test-support/cache-probe';
import { MEETING, OTHER_MEETING, setup, untilLoaded } from '../test-support/render';
import {
  realtimeKitKeys as keys,
  useCreateMeeting,
  useMeeting,
  useMeetings,
  useParticipants,
  useReplaceMeeting,
  useUpdateMeeting,
} from './index';

/** A page of meetings, a filtered page, another meeting's detail and a participants list, all loaded. */
async function loaded() {
  const env = setup();
  const views = env.render(() => ({
    all: useMeetings(),
    active: useMeetings({ status: 'ACTIVE' }),
    other: useMeeting(OTHER_MEETING),
    participants: useParticipants(MEETING),
  }));
  await untilLoaded(views);
  return { ...env, views, probe: cacheProbe(env.queryClient), scope: env.client.scope };
}

describe('useCreateMeeting', () => {
  it('shows the created meeting in useMeetings and caches its detail; touches nothing else', async () => {
    const { render, views, probe, scope, queryClient, count } = await loaded();
    const { result } = render(() => useCreateMeeting());
    const before = views.result.current.all.data?.paging.total_count ?? 0;
    let created: { id: string } | undefined;
    await act(async () => {
      created = await result.current.mutateAsync({ title: 'Quarterly review' });
    });
    // at the top of the unfiltered list, counted, and marked stale without a refetch
    await waitFor(() => expect(views.result.current.all.data?.data[0]).toEqual(created));
    expect(views.result.current.all.data?.paging.total_count).toBe(before + 1);
    expect(queryClient.getQueryState(keys.meetingList(scope))?.isInvalidated).toBe(true);
    expect(count('GET /meetings')).toBe(1);
    // the filtered list cannot know where it goes: refetched
    await waitFor(() => expect(count('GET /meetings?status=ACTIVE')).toBe(2));
    // the detail is cached, no request needed
    expect(queryClient.getQueryData(keys.meeting(scope, created?.id as string))).toEqual(created);
    expect(probe.changed()).toEqual(
      expect.arrayContaining([
        keys.meetingList(scope),
        keys.meetingList(scope, { status: 'ACTIVE' }),
        keys.meeting(scope, created?.id as string),
      ]),
    );
    expect(probe.changed()).toHaveLength(3);
  });
});

describe.each([
  ['useUpdateMeeting', useUpdateMeeting],
  ['useReplaceMeeting', useReplaceMeeting],
] as const)('%s', (_name, useHook) => {
  it('updates the meeting in its detail and in the lists; touches nothing else', async () => {
    const { render, views, probe, scope, queryClient } = await loaded();
    const listed = views.result.current.all.data?.data[0];
    const { result } = render(() => useHook());
    await act(async () => {
      await result.current.mutateAsync({ meetingId: listed?.id as string, body: { title: 'Renamed' } });
    });
    // the mock answers with the spec's example meeting, which is the one listed
    const updated = queryClient.getQueryData(keys.meeting(scope, listed?.id as string));
    expect(updated).toMatchObject({ id: listed?.id });
    await waitFor(() => expect(views.result.current.all.data?.data[0]).toEqual({ ...listed, ...(updated as object) }));
    const changed = probe.changed();
    expect(changed).toEqual(
      expect.arrayContaining([keys.meeting(scope, listed?.id as string), keys.meetingList(scope)]),
    );
    expect(changed).not.toContainEqual(keys.meeting(scope, OTHER_MEETING));
    expect(changed).not.toContainEqual(keys.participantList(scope, MEETING));
  });
});
