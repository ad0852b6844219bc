import { RealtimeKitError } from '@realtimekit-meetings/client';
import { act, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { cacheProbe } from '../test-support/cache-probe';
import { MEETING, OTHER_MEETING, PARTICIPANT, setup, untilLoaded } from '../test-support/render';
import {
  realtimeKitKeys as keys,
  realtimeKitQueries,
  useAddParticipant,
  useDeleteParticipant,
  useEditParticipant,
  useMeetings,
  useParticipant,
  useParticipants,
  useRefreshParticipantToken,
  useReplaceParticipant,
} from './index';

/** This meeting's participants (list and one detail), another meeting's participants, and the meetings list. */
async function loaded() {
  const env = setup();
  const views = env.render(() => ({
    list: useParticipants(MEETING),
    detail: useParticipant(MEETING, PARTICIPANT),
    otherList: useParticipants(OTHER_MEETING),
    meetings: useMeetings(),
  }));
  await untilLoaded(views);
  return { ...env, views, probe: cacheProbe(env.queryClient), scope: env.client.scope };
}

describe('useAddParticipant', () => {
  it('returns the join token, and puts the participant (without it) in the meeting’s list and detail only', async () => {
    const { render, views, probe, scope, queryClient } = await loaded();
    const { result } = render(() => useAddParticipant());
    let added: { id: string; token: string } | undefined;
    await act(async () => {
      added = await result.current.mutateAsync({
        meetingId: MEETING,
        body: { custom_participant_id: 'u1', preset_name: 'host' },
      });
    });
    expect(typeof added?.token).toBe('string');
    const { token: _token, ...withoutToken } = added as { id: string; token: string };
    await waitFor(() => expect(views.result.current.list.data?.data[0]).toEqual(withoutToken));
    expect(
      JSON.stringify(
        queryClient
          .getQueryCache()
          .getAll()
          .map((q) => q.state.data),
      ),
    ).not.toContain('"token"');
    expect(probe.changed()).toEqual([
      keys.participantList(scope, MEETING),
      keys.participant(scope, MEETING, added?.id as string),
    ]);
  });

  it('fails with a typed error when the API refuses the body, and changes nothing', async () => {
    const { render, probe } = await loaded();
    const { result } = render(() => useAddParticipant());
    await act(async () => {
      await result.current
        // a name that is not a string (the proxy's decideParticipant needs preset and ID to pass it on)
        .mutateAsync({ meetingId: MEETING, body: { custom_participant_id: 'u', preset_name: 'p', name: 5 } as never })
        .catch(() => undefined);
    });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(RealtimeKitError);
    expect(result.current.error?.status).toBe(422);
    expect(probe.changed()).toEqual([]);
  });
});

describe.each([
  ['useEditParticipant', useEditParticipant, { name: 'Ada' }],
  ['useReplaceParticipant', useReplaceParticipant, { custom_participant_id: 'u1', preset_name: 'host', name: 'Ada' }],
] as const)('%s', (_name, useHook, body) => {
  it('shows the edited participant in both its detail and its meeting’s list, and nowhere else', async () => {
    const { render, views, probe, scope } = await loaded();
    const before = views.result.current.list.data?.data[0];
    const { result } = render(() => useHook());
    await act(async () => {
      await result.current.mutateAsync({ meetingId: MEETING, participantId: PARTICIPANT, body: body as never });
    });
    await waitFor(() => expect(views.result.current.detail.data).toEqual(views.result.current.list.data?.data[0]));
    expect(views.result.current.list.data?.data[0]).toMatchObject({ id: before?.id });
    expect(views.result.current.list.data?.data[0]).not.toHaveProperty('token');
    expect(probe.changed()).toEqual([
      keys.participantList(scope, MEETING),
      keys.participant(scope, MEETING, PARTICIPANT),
    ]);
  });
});

describe('useDeleteParticipant', () => {
  it('takes the participant out of its meeting’s list and drops its detail', async () => {
    const { render, client, queryClient } = setup();
    const { scope } = client;
    // the detail is cached but no longer on screen (its view went away with the participant)
    await queryClient.prefetchQuery(realtimeKitQueries(client).participant(MEETING, PARTICIPANT));
    const views = render(() => ({
      list: useParticipants(MEETING),
      otherList: useParticipants(OTHER_MEETING),
      meetings: useMeetings(),
    }));
    await untilLoaded(views);
    const probe = cacheProbe(queryClient);
    const total = views.result.current.list.data?.paging.total_count ?? 0;
    const { result } = render(() => useDeleteParticipant());
    await act(async () => {
      await result.current.mutateAsync({ meetingId: MEETING, participantId: PARTICIPANT });
    });
    await waitFor(() => expect(views.result.current.list.data?.data.map((p) => p.id)).not.toContain(PARTICIPANT));
    expect(views.result.current.list.data?.paging.total_count).toBe(total - 1);
    expect(queryClient.getQueryData(keys.participant(scope, MEETING, PARTICIPANT))).toBeUndefined();
    const changed = probe.changed();
    expect(changed).toHaveLength(2);
    expect(changed).toEqual(
      expect.arrayContaining([keys.participantList(scope, MEETING), keys.participant(scope, MEETING, PARTICIPANT)]),
    );
  });
});

describe('useRefreshParticipantToken', () => {
  it('returns a new token and changes no cached query; your onSuccess still runs', async () => {
    const { render, probe, count } = await loaded();
    const onSuccess = vi.fn();
    const { result } = render(() => useRefreshParticipantToken({ onSuccess }));
    let refreshed: { token: string } | undefined;
    await act(async () => {
      refreshed = await result.current.mutateAsync({ meetingId: MEETING, participantId: PARTICIPANT });
    });
    expect(typeof refreshed?.token).toBe('string');
    expect(onSuccess).toHaveBeenCalledWith(
      refreshed,
      { meetingId: MEETING, participantId: PARTICIPANT },
      undefined,
      expect.anything(),
    );
    expect(probe.changed()).toEqual([]);
    expect(count(`POST /meetings/${MEETING}/participants/${PARTICIPANT}/token`)).toBe(1);
  });
});
