import type { Page } from '@realtimekit-meetings/client';
import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';

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
const withoutToken = <T extends { token?: unknown }>({ token: _token, ...rest }: T) => rest;

type Place = typeof insertIntoLists;

/**
 * An item the API just returned: its detail cached (without any join token) under `detailKey`, and `place`d in
 * the lists under `listsKey`. Either key is left out where no read gets or lists that kind of item.
 */
export function cacheItem(
  queryClient: QueryClient,
  detailKey: QueryKey | undefined,
  listsKey: QueryKey | undefined,
  item: Item & { token?: unknown },
  place: Place,
) {
  const cached = withoutToken(item);
  if (detailKey) queryClient.setQueryData(detailKey, cached);
  return listsKey ? place(queryClient, listsKey, cached) : undefined;
}

/** An item that is gone: its detail dropped, and taken out of every list under `listsKey`. */
export function removeItem(
  queryClient: QueryClient,
  detailKey: QueryKey | undefined,
  listsKey: QueryKey | undefined,
  id: string,
) {
  if (detailKey) queryClient.removeQueries({ queryKey: detailKey, exact: true });
  return listsKey ? removeFromLists(queryClient, listsKey, id) : undefined;
}

/** Refetches exactly these queries (the reads a mutation changed on the server). */
export const invalidate = (queryClient: QueryClient, keys: QueryKey[]) =>
  Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey, exact: true })));
