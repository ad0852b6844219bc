/**
 * Where a rate budget's recent calls are counted: in this process (`memoryRateBudgetStore`), or shared by every
 * instance using the same API token (the D1, Postgres and Durable Object stores of
 * `@realtimekit-meetings/proxy/join-stores`). Both operations must be atomic across the instances sharing it.
 */
export interface RateBudgetStore {
  /**
   * Takes one slot of `requests` per `windowMs` for `key` at `now` (ms since the epoch): the budget is a sliding
   * window, so a slot is free when fewer than `requests` were taken in `(now - windowMs, now]` and `key` is not
   * blocked. Answers 0 when the slot was taken, else the time (ms) at which one may be free; at once or as a promise.
   */
  take(key: string, requests: number, windowMs: number, now: number): number | Promise<number>;
  /** Blocks `key` until `until` (ms since the epoch), or keeps a later block: the API answered 429, or `r=0`. */
  block(key: string, until: number): void | Promise<void>;
}

/**
 * The reference RateBudgetStore, for one process: per key, the times of the last `requests` calls and a block.
 * Keys are few (one per token), so nothing is evicted.
 */
export function memoryRateBudgetStore(): RateBudgetStore {
  const keys = new Map<string, { times: number[]; blockedUntil: number }>();
  const entry = (key: string) => {
    const found = keys.get(key) ?? { times: [], blockedUntil: 0 };
    keys.set(key, found);
    return found;
  };
  return {
    take(key, requests, windowMs, now) {
      const budget = entry(key);
      if (budget.blockedUntil > now) return budget.blockedUntil;
      const { times } = budget;
      while (times.length > 0 && (times[0] as number) <= now - windowMs) times.shift();
      // a smaller budget than before (a new option) keeps only the newest calls it counts
      if (times.length >= requests) return (times[times.length - requests] as number) + windowMs;
      times.push(now);
      return 0;
    },
    block(key, until) {
      const budget = entry(key);
      budget.blockedUntil = Math.max(budget.blockedUntil, until);
    },
  };
}
