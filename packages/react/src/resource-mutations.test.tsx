import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { cacheProbe } from '../test-support/cache-probe';
import { PARTICIPANT as EXAMPLE_ID, MEETING, OTHER_MEETING, setup, untilLoaded } from '../test-support/render';
import {
  realtimeKitKeys as keys,
  useActiveLivestream,
  useActiveRecording,
  useControlRecording,
  useCreateLivestream,
  useLivestreamSession,
  useLivestreams,
  useMeeting,
  useRecordings,
  useStartLivestream,
  useStartRecording,
  useStartTrackRecording,
  useStopLivestream,
} from './index';

// The mutations of recordings and livestreams whose answer does not say all they changed: each refetches the
// reads it changed, under any query (a filter, a page size) and for every item its path does not name, and nothing
// else. Through the proxy, in front of the Prism mock.

/**
 * Reads of recordings and livestreams, two of them under two queries each, and a meeting no mutation touches (the
 * account's apps are not the proxy's to serve: useCreateApp is tested on a server client, in fake-lifecycle.test.tsx).
 */
async function loaded() {
  const env = setup();
  const views = env.render(() => ({
    activeRecording: useActiveRecording(MEETING),
    otherActiveRecording: useActiveRecording(OTHER_MEETING),
    recordings: useRecordings(),
    livestreams: useLivestreams(),
    liveLivestreams: useLivestreams({ status: 'LIVE' }),
    activeLivestream: useActiveLivestream(MEETING),
    otherActiveLivestream: useActiveLivestream(OTHER_MEETING),
    livestreamSession: useLivestreamSession(MEETING, { per_page: 5 }),
    meeting: useMeeting(MEETING),
  }));
  await untilLoaded(views);
  return { ...env, probe: cacheProbe(env.queryClient), scope: env.client.scope };
}

/** The hooks under test differ in their types; each is called with its own variables. */
type AnyMutationHook = () => { mutateAsync(variables: never): Promise<unknown> };
type Scope = string;

describe.each([
  [
    'useStartRecording',
    () => useStartRecording(),
    { meeting_id: MEETING },
    // the new recording is cached (the mock answers the spec's example ID) and goes into the lists; the active
    // recording of the meeting the body names refetches, not another meeting's
    (scope: Scope) => [
      keys.recording(scope, EXAMPLE_ID),
      keys.activeRecordingOf(scope, MEETING),
      keys.recordingList(scope),
    ],
  ],
  [
    'useControlRecording',
    () => useControlRecording(),
    // the mock answers both meetings' active recording with the spec's example, so both hold this recording
    { recordingId: EXAMPLE_ID, body: { action: 'pause' } },
    (scope: Scope) => [
      keys.recording(scope, EXAMPLE_ID),
      keys.activeRecordingOf(scope, MEETING),
      keys.activeRecordingOf(scope, OTHER_MEETING),
      keys.recordingList(scope),
    ],
  ],
  [
    'useControlRecording, of a recording no active one is',
    () => useControlRecording(),
    { recordingId: MEETING, body: { action: 'pause' } },
    (scope: Scope) => [keys.recording(scope, MEETING), keys.recordingList(scope)],
  ],
  [
    'useStartTrackRecording',
    () => useStartTrackRecording(),
    { meeting_id: MEETING },
    (scope: Scope) => [keys.activeRecordingOf(scope, MEETING), keys.recordingList(scope)],
  ],
  [
    'useCreateLivestream',
    () => useCreateLivestream(),
    { name: 'town hall' },
    (scope: Scope) => [keys.livestreamList(scope), keys.livestreamList(scope, { status: 'LIVE' })],
  ],
  [
    'useStartLivestream',
    () => useStartLivestream(),
    { meetingId: MEETING, body: { name: 'main' } },
    (scope: Scope) => [
      keys.livestreamList(scope),
      keys.livestreamList(scope, { status: 'LIVE' }),
      keys.activeLivestream(scope, MEETING),
      keys.meetingLivestreamSession(scope, MEETING, { per_page: 5 }),
    ],
  ],
  [
    'useStopLivestream',
    () => useStopLivestream(),
    { meetingId: MEETING },
    (scope: Scope) => [
      keys.livestreamList(scope),
      keys.livestreamList(scope, { status: 'LIVE' }),
      keys.activeLivestream(scope, MEETING),
      keys.meetingLivestreamSession(scope, MEETING, { per_page: 5 }),
    ],
  ],
] as const)('%s', (_name, useHook, variables, touched) => {
  it('changes exactly the reads it changed on the server, under every query, and nothing else', async () => {
    const { render, probe, scope, requests } = await loaded();
    const sent = requests.length;
    const { result } = render(useHook as AnyMutationHook);
    await act(async () => {
      await result.current.mutateAsync(variables as never);
    });
    const expected = touched(scope);
    const sorted = (list: readonly unknown[]) => list.map((key) => JSON.stringify(key)).sort();
    await waitFor(() => expect(sorted(probe.changed())).toEqual(sorted(expected)));
    // the meeting no mutation touches was not fetched again
    expect(requests.slice(sent).filter((r) => r === `GET /meetings/${MEETING}`)).toEqual([]);
  });
});
