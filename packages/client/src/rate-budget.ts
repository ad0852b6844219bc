import { RealtimeKitError } from './errors';
import { memoryRateBudgetStore, type RateBudgetStore } from './rate-budget-store';
import { parseRetryAfter, sleep } from './retry';
import { check, isPlainObject } from './validate-input';

/**
 * How many calls a client may send, shared by every client given the same `store` and `key`. Cloudflare's API
 * allows 1,200 requests per 5 minutes per user, counting the dashboard and every token, and blocks every call for
 * the next 5 minutes once over (developers.cloudflare.com/fundamentals/api/reference/limits); RealtimeKit's calls
 * count toward it (developers.cloudflare.com/realtime/realtimekit/limits).
 */
export interface RateBudgetOptions {
  /** Calls per window. Default 1,200: lower it when the account's user also calls the API elsewhere. */
  requests?: number;
  /** The sliding window, in seconds. Default 300. */
  windowSeconds?: number;
  /**
   * How long a call may wait for a slot to free before it fails as `rate_limited`, in seconds. Default 10. A call
   * never waits out a block (a 429, or `Ratelimit` saying none are left): it fails at once.
   */
  maxWaitSeconds?: number;
  /** Where calls are counted. Default: this client's own count (`memoryRateBudgetStore()`, one per client made). */
  store?: RateBudgetStore;
  /** The budget's name in the store: one per API token. Default `account:{accountId}`. */
  key?: string;
  /** Time, for tests: `now()` in ms since the epoch, and `sleep(ms)`. Default the real clock. */
  clock?: { now(): number; sleep(ms: number, signal?: AbortSignal): Promise<void> };
}

/** Cloudflare's documented lock-out after a 429 (developers.cloudflare.com/fundamentals/api/reference/limits). */
export const BLOCK_SECONDS = 300;

const OPTIONS = ['requests', 'windowSeconds', 'maxWaitSeconds', 'store', 'key', 'clock'];

/** An RFC 9651 list item's integer parameter: `r` of `"default";r=50;t=30`. */
const param = (item: string, name: string) => {
  const match = new RegExp(`;\\s*${name}=(\\d+)`).exec(item);
  return match ? Number(match[1]) : undefined;
};

/**
 * The client's rate budget: `take` before each attempt (waits for a slot, or throws `rate_limited` without
 * sending), `observe` after each answer (a 429 or `Ratelimit: ...;r=0` blocks the budget until the API's reset).
 */
export function createRateBudget(options: RateBudgetOptions, defaultKey: string) {
  check(
    isPlainObject(options as unknown),
    'rateBudget must be an object such as { requests: 1200, windowSeconds: 300 }, or false',
  );
  for (const name of Object.keys(options)) {
    check(OPTIONS.includes(name), `unknown rateBudget option "${name}"; the options are ${OPTIONS.join(', ')}`);
  }
  const { requests = 1200, windowSeconds = 300, maxWaitSeconds = 10, key = defaultKey } = options;
  check(Number.isInteger(requests) && requests > 0, 'rateBudget.requests must be a whole number over 0');
  check(windowSeconds > 0 && windowSeconds <= 86_400, 'rateBudget.windowSeconds must be over 0 and at most a day');
  check(maxWaitSeconds >= 0 && maxWaitSeconds <= 3_600, 'rateBudget.maxWaitSeconds must be 0 to 3,600');
  check(typeof key === 'string' && key !== '', 'rateBudget.key must be a non-empty string');
  const store = options.store ?? memoryRateBudgetStore();
  check(
    typeof store?.take === 'function' && typeof store.block === 'function',
    'rateBudget.store must have take() and block()',
  );
  const clock = options.clock ?? { now: Date.now, sleep };
  const windowMs = windowSeconds * 1000;
  /** The block this client saw (a 429, or `r=0`) and why, for the message; another instance's shows as spent. */
  let block = { until: 0, reason: '' };
  /** The API's own policy, from `Ratelimit-Policy`, for the message. */
  let policy = '';

  /** Waits for a slot until maxWaitSeconds after `start`, or throws `rate_limited`; `retryAt`: the store's answer. */
  async function wait(
    details: { operationId: string; method?: string },
    start: number,
    answer: number | Promise<number>,
    signal?: AbortSignal,
  ): Promise<void> {
    const deadline = start + maxWaitSeconds * 1000;
    let now = start;
    for (let retryAt = await answer; retryAt !== 0; retryAt = await store.take(key, requests, windowMs, now)) {
      const blocked = block.until >= retryAt;
      if (retryAt > deadline || blocked) {
        const retryAfter = Math.max(1, Math.ceil((retryAt - now) / 1000));
        const why = blocked
          ? block.reason
          : `the rate budget (${requests} calls per ${windowSeconds} s${policy}) is spent`;
        throw new RealtimeKitError(
          'rate_limited',
          `not sent: ${why}; retry after ${new Date(retryAt).toISOString()} (in ${retryAfter} s)`,
          { ...details, retryAfter, retryAt: new Date(retryAt) },
        );
      }
      await clock.sleep(Math.max(1, retryAt - now), signal);
      if (signal?.aborted) throw signal.reason;
      now = clock.now();
    }
  }

  return {
    /**
     * Takes a slot, waiting up to maxWaitSeconds for one; throws `rate_limited` (nothing sent) otherwise. Undefined
     * when a store that answers at once (memory) gave a slot: the request is then sent in the same tick.
     */
    take(details: { operationId: string; method?: string }, signal?: AbortSignal): Promise<void> | undefined {
      const start = clock.now();
      const first = store.take(key, requests, windowMs, start);
      return first === 0 ? undefined : wait(details, start, first, signal);
    },
    /** Reads the answer's rate-limit headers: a 429 blocks for Retry-After (else 5 min), `r=0` until `t`. */
    observe(status: number, headers: HeaderReader): Promise<void> | undefined {
      const limit = headers.get('ratelimit');
      const declaredPolicy = headers.get('ratelimit-policy');
      // most answers: nothing to read, nothing to record, and no promise to wait on
      if (status !== 429 && !limit && !declaredPolicy) return undefined;
      const now = clock.now();
      const items = (limit ?? '').split(',');
      const left = items.map((item) => [param(item, 'r'), param(item, 't')] as const).filter(([r]) => r === 0);
      const declared = (declaredPolicy ?? '')
        .split(',')
        .map((item) => [param(item, 'q'), param(item, 'w')])
        .filter(([q, w]) => q && w);
      if (declared.length > 0) policy = `; the API's: ${declared.map(([q, w]) => `${q} per ${w} s`).join(', ')}`;
      let until = 0;
      let reason = '';
      if (status === 429) {
        const retryAfter = parseRetryAfter(headers.get('retry-after') ?? null, now);
        until = now + (retryAfter ?? BLOCK_SECONDS) * 1000;
        reason = `the API answered 429 (too many requests)${retryAfter === undefined ? ` without Retry-After: Cloudflare blocks every call for ${BLOCK_SECONDS} s after one` : ''}`;
      } else if (left.length > 0) {
        until = now + Math.max(...left.map(([, t]) => t ?? 1)) * 1000;
        reason = 'the API says none of its budget is left (Ratelimit: r=0)';
      }
      if (until <= now) return undefined;
      if (until >= block.until) block = { until, reason };
      return Promise.resolve(store.block(key, until)).then(() => {});
    },
  };
}

/** Reads one header of an answer (Headers, or node:http's answer without building Headers). */
export interface HeaderReader {
  get(name: string): string | null | undefined;
}

/** The budget a client holds, when it has one. */
export type RateBudget = ReturnType<typeof createRateBudget>;
