import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Records the state of every cached query, so that a test can list exactly which ones a mutation touched:
 * `changed()` returns the keys whose data, invalidation or presence differ from the snapshot.
 */
export function cacheProbe(queryClient: QueryClient) {
  const snapshot = () =>
    new Map(
      queryClient
        .getQueryCache()
        .getAll()
        .map((q) => [
          q.queryHash,
          { key: q.queryKey, data: q.state.data, invalidated: q.state.isInvalidated, updated: q.state.dataUpdatedAt },
        ]),
    );
  let before = snapshot();
  return {
    reset() {
      before = snapshot();
    },
    changed(): QueryKey[] {
      const after = snapshot();
      const keys: QueryKey[] = [];
      for (const [hash, was] of before) {
        const now = after.get(hash);
        if (!now || now.data !== was.data || now.invalidated !== was.invalidated || now.updated !== was.updated)
          keys.push(was.key);
      }
      for (const [hash, now] of after) if (!before.has(hash)) keys.push(now.key);
      return keys;
    },
  };
}
