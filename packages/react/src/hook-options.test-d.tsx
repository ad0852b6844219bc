import type {
  Meeting,
  MeetingCreateBody,
  MeetingDetails,
  Page,
  Participant,
  RealtimeKitClient,
} from '@realtimekit-meetings/client';
import {
  type InfiniteData,
  QueryClient,
  useMutation,
  useMutationState,
  useSuspenseInfiniteQuery,
  useSuspenseQuery,
} from '@tanstack/react-query';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type RealtimeKitMutationId,
  realtimeKitKeys,
  realtimeKitMutations,
  realtimeKitQueries,
  useCreateMeeting,
  useInfiniteMeetings,
  useInfiniteParticipants,
  useMeeting,
  useMeetings,
  useParticipant,
  useRealtimeKitQueries,
  useUpdateMeeting,
} from './index';

const client = {} as RealtimeKitClient;

describe('query hooks take the whole of TanStack typing', () => {
  it('select changes the type of data', () => {
    expectTypeOf(useMeeting('m', { select: (m) => m.title }).data).toEqualTypeOf<string | undefined>();
    expectTypeOf(useMeetings({}, { select: (page) => page.data.length }).data).toEqualTypeOf<number | undefined>();
    // @ts-expect-error select gets the meeting, which has no name
    useMeeting('m', { select: (m) => m.name });
  });

  it('placeholderData keeps the previous answer while the next loads', () => {
    const { data, isPlaceholderData } = useMeetings({ page_no: 2 }, { placeholderData: (previous) => previous });
    expectTypeOf(data).toEqualTypeOf<Page<Meeting> | undefined>();
    expectTypeOf(isPlaceholderData).toEqualTypeOf<boolean>();
    // @ts-expect-error a placeholder has the query's own shape
    useMeeting('m', { placeholderData: { title: 3 } });
  });

  it('an ID not known yet is undefined, and the query waits (dependent queries)', () => {
    const meetingId = undefined as string | undefined;
    expectTypeOf(useMeeting(meetingId).data).toEqualTypeOf<MeetingDetails | undefined>();
    useParticipant(meetingId, undefined);
    // @ts-expect-error the ID is still a required argument: undefined says "not yet", leaving it out is a mistake
    useMeeting();
  });

  it('infinite hooks take enabled, maxPages and a select that changes the type', () => {
    const all = useInfiniteMeetings(
      { per_page: 20 },
      {
        enabled: true,
        maxPages: 5,
        select: (data) => data.pages.flatMap((page) => page.data),
      },
    );
    expectTypeOf(all.data).toEqualTypeOf<Meeting[] | undefined>();
    expectTypeOf(useInfiniteParticipants('m').data?.pages[0]?.paging.total_count).toEqualTypeOf<number | undefined>();
    // @ts-expect-error the paging is the hook's own
    useInfiniteMeetings({}, { getNextPageParam: () => 2 });
  });

  it('suspense: the query options go to useSuspenseQuery and useSuspenseInfiniteQuery, data never undefined', () => {
    expectTypeOf(useSuspenseQuery(realtimeKitQueries(client).meeting('m')).data).toEqualTypeOf<MeetingDetails>();
    expectTypeOf(useSuspenseQuery(useRealtimeKitQueries().participants('m')).data).toEqualTypeOf<Page<Participant>>();
    expectTypeOf(useSuspenseInfiniteQuery(realtimeKitQueries(client).infiniteMeetings()).data).toEqualTypeOf<
      InfiniteData<Page<Meeting>, number>
    >();
  });
});

describe('mutations: options factories with keys, and the cache update can be turned off', () => {
  it('realtimeKitMutations gives mutationOptions with their key, for useMutation', () => {
    const create = useMutation(realtimeKitMutations(client).createMeeting());
    expectTypeOf(create.mutateAsync).parameter(0).toEqualTypeOf<MeetingCreateBody>();
    expectTypeOf(create.mutateAsync).returns.resolves.toEqualTypeOf<MeetingDetails>();
    expectTypeOf(realtimeKitKeys.mutation(client.scope, 'update_meeting')).toEqualTypeOf<
      readonly ['realtimekit', string, 'mutation', RealtimeKitMutationId]
    >();
  });

  it('the keys serve useMutationState and setMutationDefaults', () => {
    const pending = useMutationState({
      filters: { mutationKey: realtimeKitKeys.mutation(client.scope, 'update_meeting'), status: 'pending' },
      select: (mutation) => mutation.state.variables as { meetingId: string } | undefined,
    });
    expectTypeOf(pending).toEqualTypeOf<({ meetingId: string } | undefined)[]>();
    new QueryClient().setMutationDefaults(realtimeKitKeys.mutation(client.scope, 'create_meeting'), { retry: 1 });
    // @ts-expect-error a read has no mutation key
    realtimeKitKeys.mutation(client.scope, 'get_meeting');
  });

  it('cacheUpdate: false turns the built-in update off; the hooks still take every TanStack option', () => {
    useCreateMeeting({
      cacheUpdate: false,
      mutationKey: ['mine'],
      onMutate: (body) => expectTypeOf(body).toEqualTypeOf<MeetingCreateBody>(),
    });
    useUpdateMeeting({ cacheUpdate: true });
    // @ts-expect-error a boolean
    useUpdateMeeting({ cacheUpdate: 'off' });
  });
});
