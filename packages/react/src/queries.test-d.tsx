import type {
  ActiveLivestream,
  ActiveSession,
  Meeting,
  MeetingDetails,
  Page,
  Participant,
  RealtimeKitClient,
  RealtimeKitError,
} from '@realtimekit-meetings/client';
import { type InfiniteData, useSuspenseQuery } from '@tanstack/react-query';
import { describe, expectTypeOf, it } from 'vitest';
import {
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

describe('query hook types: data, error, required arguments', () => {
  it('useMeetings', () => {
    const { data, error } = useMeetings({ status: 'ACTIVE', per_page: 10 });
    expectTypeOf(data).toEqualTypeOf<Page<Meeting> | undefined>();
    expectTypeOf(error).toEqualTypeOf<RealtimeKitError | null>();
    useMeetings();
    // @ts-expect-error no such status
    useMeetings({ status: 'LIVE' });
  });

  it('useInfiniteMeetings', () => {
    const { data, error, fetchNextPage } = useInfiniteMeetings();
    expectTypeOf(data).toEqualTypeOf<InfiniteData<Page<Meeting>, number> | undefined>();
    expectTypeOf(error).toEqualTypeOf<RealtimeKitError | null>();
    expectTypeOf(fetchNextPage).toBeFunction();
  });

  it('useMeeting', () => {
    const { data, error } = useMeeting('m', { staleTime: 1000 });
    expectTypeOf(data).toEqualTypeOf<MeetingDetails | undefined>();
    expectTypeOf(error).toEqualTypeOf<RealtimeKitError | null>();
    // @ts-expect-error the meeting ID is required
    useMeeting();
    // @ts-expect-error the key and the function are the hook's own
    useMeeting('m', { queryKey: ['x'] });
  });

  it('useParticipants, useInfiniteParticipants, useParticipant', () => {
    expectTypeOf(useParticipants('m').data).toEqualTypeOf<Page<Participant> | undefined>();
    expectTypeOf(useInfiniteParticipants('m', { per_page: 5 }).data).toEqualTypeOf<
      InfiniteData<Page<Participant>, number> | undefined
    >();
    expectTypeOf(useParticipant('m', 'p').data).toEqualTypeOf<Participant | undefined>();
    expectTypeOf(useParticipant('m', 'p').error).toEqualTypeOf<RealtimeKitError | null>();
    // @ts-expect-error the meeting ID is required
    useParticipants();
    // @ts-expect-error the participant ID is required
    useParticipant('m');
  });

  it('useActiveSession, useActiveLivestream', () => {
    expectTypeOf(useActiveSession('m').data).toEqualTypeOf<ActiveSession | undefined>();
    expectTypeOf(useActiveLivestream('m').data).toEqualTypeOf<ActiveLivestream | undefined>();
    // @ts-expect-error the meeting ID is required
    useActiveSession();
  });

  it('realtimeKitQueries compose with useSuspenseQuery', () => {
    const client = {} as RealtimeKitClient;
    const { data } = useSuspenseQuery(realtimeKitQueries(client).meeting('m'));
    expectTypeOf(data).toEqualTypeOf<MeetingDetails>();
  });
});
