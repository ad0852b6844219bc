import type { Page } from '@realtimekit-meetings/client';
import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import { realtimeKitKeys } from './keys';

type Item = { id: string };
type ListData = Page<Item> | InfiniteData<Page<Item>>;

/** Applies `change` to the pages of a cached list, plain or infinite (`first` only to its first page). */
function mapPages(data: ListData, change: (page: Page<Item>, index: number) => Page<Item>): ListData {
  return 'pages' in data ? { ...data, pages: data.pages.map(change) } : change(data, 0);
}

/** A list that starts at page 1 with no filters: a new item belongs at its top. */
const showsEverything = (key: QueryKey) => {
  const { page_no = 1, per_page, ...filters } = (key.at(-1) ?? {}) as Record<string, unknown>;
  return page_no === 1 && Object.keys(filters).length === 0 && per_page !== 0;
};

/**
 * Changes the cached lists under `prefix` and marks the changed ones stale without refetching them (the
 * next mount or focus refetches); lists the change cannot be applied to are invalidated and refetched.
 */
function updateLists(
  queryClient: QueryClient,
  prefix: QueryKey,
  change: (page: Page<Item>, index: number, key: QueryKey) => Page<Item> | undefined,
) {
  const changed = new Set<string>();
  for (const query of queryClient.getQueryCache().findAll({ queryKey: prefix })) {
    const data = query.state.data as ListData | undefined;
    if (!data) continue;
    let applied = true;
    const next = mapPages(data, (page, index) => {
      const result = change(page, index, query.queryKey);
      if (!result) applied = false;
      return result ?? page;
    });
    if (applied) {
      queryClient.setQueryData(query.queryKey, next);
      changed.add(query.queryHash);
    }
  }
  return Promise.all([
    queryClient.invalidateQueries({
      queryKey: prefix,
      predicate: (q) => changed.has(q.queryHash),
      refetchType: 'none',
    }),
    queryClient.invalidateQueries({ queryKey: prefix, predicate: (q) => !changed.has(q.queryHash) }),
  ]);
}

const counted = (page: Page<Item>, data: Item[], delta: number): Page<Item> => ({
  data,
  paging: { ...page.paging, total_count: page.paging.total_count + delta, end_offset: page.paging.end_offset + delta },
});

/** A created item goes to the top of the unfiltered lists; filtered ones are refetched. */
export const insertIntoLists = (queryClient: QueryClient, prefix: QueryKey, item: Item) =>
  updateLists(queryClient, prefix, (page, index, key) =>
    !showsEverything(key) ? undefined : index === 0 ? counted(page, [item, ...page.data], 1) : page,
  );

/** A changed item replaces its old self wherever it is listed. */
export const replaceInLists = (queryClient: QueryClient, prefix: QueryKey, item: Item) =>
  updateLists(queryClient, prefix, (page) => ({
    ...page,
    data: page.data.map((old) => (old.id === item.id ? { ...old, ...item } : old)),
  }));

/** A deleted item leaves every list it was in. */
export const removeFromLists = (queryClient: QueryClient, prefix: QueryKey, id: string) =>
  updateLists(queryClient, prefix, (page) => {
    const data = page.data.filter((old) => old.id !== id);
    return data.length === page.data.length ? page : counted(page, data, -1);
  });

/** Join tokens stay in the mutation's result (to hand to a browser) and out of the shared cache. */
const withoutToken = <T extends { token?: string }>({ token: _token, ...rest }: T) => rest;

type Place = typeof insertIntoLists;

/** A meeting the API just returned: its detail cached, and `place`d in the meeting lists. */
export function cacheMeeting(queryClient: QueryClient, scope: string, meeting: Item, place: Place) {
  queryClient.setQueryData(realtimeKitKeys.meeting(scope, meeting.id), meeting);
  return place(queryClient, realtimeKitKeys.meetingLists(scope), meeting);
}

/** A participant the API just returned: its detail cached without the join token, and `place`d in its meeting's lists. */
export function cacheParticipant(
  queryClient: QueryClient,
  scope: string,
  meetingId: string,
  participant: Item & { token?: string },
  place: Place,
) {
  const cached = withoutToken(participant);
  queryClient.setQueryData(realtimeKitKeys.participant(scope, meetingId, participant.id), cached);
  return place(queryClient, realtimeKitKeys.participantLists(scope, meetingId), cached);
}
