import type { Page } from '@realtimekit-meetings/client';
import type { InfiniteData, QueryClient, QueryFilters, QueryKey } from '@tanstack/react-query';

type Item = { id: string };
type ListData = Page<Item> | InfiniteData<Page<Item>>;

/** A plain list's first page, with no filter: a new item provably belongs at its top, a deleted one leaves it. */
const firstUnfilteredPage = (key: QueryKey) => {
  const { page_no = 1, per_page, ...filters } = (key.at(-1) ?? {}) as Record<string, unknown>;
  return page_no === 1 && Object.keys(filters).length === 0 && per_page !== 0;
};

/**
 * Applies a change to the cached lists under `prefix` only where it provably still matches: unfiltered plain pages
 * (`patchable`). Those are marked stale without a refetch (the next mount or focus reconciles them); every other list
 * (filtered, a later page, infinite) is invalidated and refetched, because its members or its paging may have moved.
 * In-flight fetches of these lists are cancelled first, so an older answer cannot land on top of the change.
 */
async function updateLists(
  queryClient: QueryClient,
  prefix: QueryKey,
  patchable: (key: QueryKey) => boolean,
  change: (page: Page<Item>) => Page<Item>,
) {
  await queryClient.cancelQueries({ queryKey: prefix });
  const patched = new Set<string>();
  for (const query of queryClient.getQueryCache().findAll({ queryKey: prefix })) {
    const data = query.state.data as ListData | undefined;
    if (!data || 'pages' in data || !patchable(query.queryKey)) continue;
    queryClient.setQueryData(query.queryKey, change(data));
    patched.add(query.queryHash);
  }
  await Promise.all([
    queryClient.invalidateQueries({
      queryKey: prefix,
      predicate: (q) => patched.has(q.queryHash),
      refetchType: 'none',
    }),
    queryClient.invalidateQueries({ queryKey: prefix, predicate: (q) => !patched.has(q.queryHash) }),
  ]);
}

const counted = (page: Page<Item>, data: Item[], delta: number): Page<Item> => ({
  data,
  paging: { ...page.paging, total_count: page.paging.total_count + delta, end_offset: page.paging.end_offset + delta },
});

/** A created item goes to the top of the unfiltered first pages; everything else under `prefix` is refetched. */
export const insertIntoLists = (queryClient: QueryClient, prefix: QueryKey, item: Item) =>
  updateLists(queryClient, prefix, firstUnfilteredPage, (page) => counted(page, [item, ...page.data], 1));

/**
 * A changed item replaces its old self in the unfiltered pages, where its membership cannot have changed; filtered
 * lists (it may no longer match) and infinite ones are refetched.
 */
export const replaceInLists = (queryClient: QueryClient, prefix: QueryKey, item: Item) =>
  updateLists(
    queryClient,
    prefix,
    (key) => {
      const { page_no: _page, per_page: _size, ...filters } = (key.at(-1) ?? {}) as Record<string, unknown>;
      return Object.keys(filters).length === 0;
    },
    (page) => ({ ...page, data: page.data.map((old) => (old.id === item.id ? { ...old, ...item } : old)) }),
  );

/** A deleted item leaves the unfiltered first pages; later pages, filtered and infinite lists are refetched. */
export const removeFromLists = (queryClient: QueryClient, prefix: QueryKey, id: string) =>
  updateLists(queryClient, prefix, firstUnfilteredPage, (page) => {
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
export async function cacheItem(
  queryClient: QueryClient,
  detailKey: QueryKey | undefined,
  listsKey: QueryKey | undefined,
  item: Item & { token?: unknown },
  place: Place,
) {
  const cached = withoutToken(item);
  if (detailKey) {
    await queryClient.cancelQueries({ queryKey: detailKey, exact: true });
    queryClient.setQueryData(detailKey, cached);
  }
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

/**
 * Refetches what `filters` match, then drops the data of those the refetch found gone (404: a stopped recording is
 * no longer the active one): TanStack keeps the last data of a query whose refetch failed, which would show the
 * recording as running beside the error.
 */
async function refetch(queryClient: QueryClient, filters: QueryFilters[]) {
  const since = Date.now();
  await Promise.all(filters.map((filter) => queryClient.invalidateQueries(filter)));
  for (const query of filters.flatMap((filter) => queryClient.getQueryCache().findAll(filter))) {
    // this refetch's 404 (a success since clears the error; a query not refetched keeps its data till its own fetch)
    const { error, errorUpdatedAt } = query.state;
    if (errorUpdatedAt >= since && (error as { status?: unknown } | null)?.status === 404)
      query.setState({ data: undefined, dataUpdatedAt: 0 });
  }
}

/**
 * Refetches the reads a mutation changed on the server: exactly the queries at `keys`, and every query under each of
 * `prefixes` (a list under any filter or page, every item of a collection). A prefix may end in `{}`, a read's key
 * with no query: TanStack Query matches an object in a key by the properties it names, so `{}` matches every query.
 * A read the change made gone (404) keeps no stale data.
 */
export const invalidate = (queryClient: QueryClient, keys: QueryKey[], prefixes: QueryKey[] = []) =>
  refetch(queryClient, [
    ...keys.map((queryKey) => ({ queryKey, exact: true })),
    ...prefixes.map((queryKey) => ({ queryKey })),
  ]);

/**
 * Refetches the items under `prefix` whose cached data is the item `id` (the meeting's active recording that is this
 * recording), and no other: a mutation whose path names the item, not where else it shows.
 */
export const invalidateHolding = (queryClient: QueryClient, prefix: QueryKey, id: string) =>
  refetch(queryClient, [{ queryKey: prefix, predicate: (query) => (query.state.data as Partial<Item>)?.id === id }]);
