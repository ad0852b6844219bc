import type {
  ActiveLivestream,
  ActiveSession,
  Meeting,
  MeetingDetails,
  MeetingListQuery,
  Page,
  Participant,
  ParticipantListQuery,
  RealtimeKitClient,
  RealtimeKitError,
} from '@realtimekit-meetings/client';
import {
  type InfiniteData,
  infiniteQueryOptions,
  type QueryFunctionContext,
  type QueryKey,
  queryOptions,
} from '@tanstack/react-query';
import { realtimeKitKeys as keys } from './keys';

const query = <T>(queryKey: QueryKey, fetch: (signal: AbortSignal) => Promise<T>) =>
  queryOptions<T, RealtimeKitError, T, QueryKey>({ queryKey, queryFn: ({ signal }) => fetch(signal) });

/** Pages by `page_no` until `paging.end_offset` reaches `total_count`. */
const infinite = <T>(
  queryKey: QueryKey,
  first: number | undefined,
  fetch: (page: number, signal: AbortSignal) => Promise<Page<T>>,
) =>
  infiniteQueryOptions<Page<T>, RealtimeKitError, InfiniteData<Page<T>, number>, QueryKey, number>({
    queryKey,
    queryFn: ({ pageParam, signal }: QueryFunctionContext<QueryKey, number>) => fetch(pageParam, signal),
    initialPageParam: first ?? 1,
    getNextPageParam: (last, _all, page) =>
      last.data.length > 0 && last.paging.end_offset < last.paging.total_count ? page + 1 : undefined,
  });

/**
 * `queryOptions` for every read, in the TanStack v5 idiom: pass them to `useQuery`, `useSuspenseQuery`,
 * `prefetchQuery` on a server, or your own hooks. `realtimeKitQueries(client).meeting(id)`.
 */
export function realtimeKitQueries(client: RealtimeKitClient) {
  const { scope } = client;
  return {
    meetings: (q?: MeetingListQuery) =>
      query<Page<Meeting>>(keys.meetingList(scope, q), (signal) => client.meetings.list(q, { signal })),
    infiniteMeetings: (q?: MeetingListQuery) =>
      infinite<Meeting>(keys.infiniteMeetingList(scope, q), q?.page_no, (page_no, signal) =>
        client.meetings.list({ ...q, page_no }, { signal }),
      ),
    meeting: (meetingId: string) =>
      query<MeetingDetails>(keys.meeting(scope, meetingId), (signal) => client.meetings.get(meetingId, { signal })),
    participants: (meetingId: string, q?: ParticipantListQuery) =>
      query<Page<Participant>>(keys.participantList(scope, meetingId, q), (signal) =>
        client.participants.list(meetingId, q, { signal }),
      ),
    infiniteParticipants: (meetingId: string, q?: ParticipantListQuery) =>
      infinite<Participant>(keys.infiniteParticipantList(scope, meetingId, q), q?.page_no, (page_no, signal) =>
        client.participants.list(meetingId, { ...q, page_no }, { signal }),
      ),
    participant: (meetingId: string, participantId: string) =>
      query<Participant>(keys.participant(scope, meetingId, participantId), (signal) =>
        client.participants.get(meetingId, participantId, { signal }),
      ),
    activeSession: (meetingId: string) =>
      query<ActiveSession>(keys.activeSession(scope, meetingId), (signal) =>
        client.activeSession.get(meetingId, { signal }),
      ),
    activeLivestream: (meetingId: string) =>
      query<ActiveLivestream>(keys.activeLivestream(scope, meetingId), (signal) =>
        client.livestreams.getActive(meetingId, { signal }),
      ),
  };
}
