import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { cacheProbe } from '../test-support/cache-probe';
import { MEETING, OTHER_MEETING, PARTICIPANT, setup, untilLoaded } from '../test-support/render';
import {
  realtimeKitKeys as keys,
  useActiveLivestream,
  useActiveSession,
  useCreatePoll,
  useKickAllParticipants,
  useKickParticipants,
  useMeeting,
  useMuteAllParticipants,
  useMuteParticipants,
  useStartLivestream,
  useStopLivestream,
} from './index';

/** The active session and livestream of this meeting and of another one, and this meeting's detail. */
async function loaded() {
  const env = setup();
  const views = env.render(() => ({
    session: useActiveSession(MEETING),
    otherSession: useActiveSession(OTHER_MEETING),
    livestream: useActiveLivestream(MEETING),
    otherLivestream: useActiveLivestream(OTHER_MEETING),
    meeting: useMeeting(MEETING),
  }));
  await untilLoaded(views);
  return { ...env, probe: cacheProbe(env.queryClient), scope: env.client.scope };
}

const target = { participant_ids: [PARTICIPANT] };
/** The hooks under test differ in their types; each is called with its own variables. */
type AnyMutationHook = () => { mutateAsync(variables: never): Promise<unknown> };

describe.each([
  ['useKickParticipants', () => useKickParticipants(), { meetingId: MEETING, body: target }],
  ['useKickAllParticipants', () => useKickAllParticipants(), { meetingId: MEETING }],
  ['useMuteParticipants', () => useMuteParticipants(), { meetingId: MEETING, body: target }],
  ['useMuteAllParticipants', () => useMuteAllParticipants(), { meetingId: MEETING, body: { allow_unmute: false } }],
] as const)('%s', (_name, useHook, variables) => {
  it('refetches this meeting’s active session, and nothing else', async () => {
    const { render, probe, scope, count } = await loaded();
    const { result } = render(useHook as AnyMutationHook);
    await act(async () => {
      await result.current.mutateAsync(variables as never);
    });
    await waitFor(() => expect(count(`GET /meetings/${MEETING}/active-session`)).toBe(2));
    expect(probe.changed()).toEqual([keys.activeSession(scope, MEETING)]);
    expect(count(`GET /meetings/${OTHER_MEETING}/active-session`)).toBe(1);
  });
});

describe.each([
  ['useStartLivestream', () => useStartLivestream(), { meetingId: MEETING, body: { name: 'main' } }],
  ['useStopLivestream', () => useStopLivestream(), { meetingId: MEETING }],
] as const)('%s', (_name, useHook, variables) => {
  it('refetches this meeting’s active livestream, and nothing else', async () => {
    const { render, probe, scope, count } = await loaded();
    const { result } = render(useHook as AnyMutationHook);
    await act(async () => {
      await result.current.mutateAsync(variables as never);
    });
    await waitFor(() => expect(count(`GET /meetings/${MEETING}/active-livestream`)).toBe(2));
    expect(probe.changed()).toEqual([keys.activeLivestream(scope, MEETING)]);
  });
});

describe('useCreatePoll', () => {
  it('returns the poll and changes no cached query', async () => {
    const { render, probe } = await loaded();
    const { result } = render(() => useCreatePoll());
    let created: { poll?: { question: string } } | undefined;
    await act(async () => {
      created = await result.current.mutateAsync({
        meetingId: MEETING,
        body: { question: 'Ship it?', options: ['yes', 'no'] },
      });
    });
    expect(created?.poll).toMatchObject({ question: expect.any(String) });
    expect(probe.changed()).toEqual([]);
  });
});
