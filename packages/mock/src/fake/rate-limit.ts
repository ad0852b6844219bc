import { gatewayBody, Refusal } from './refusal';

/** A limit of `requests` in a fixed window of `windowSeconds`. */
export interface Rate {
  requests: number;
  windowSeconds: number;
}

/**
 * Cloudflare's API rate limit on the fake's clock (`rateLimit`): each request counted in a fixed window, every answer
 * with `Ratelimit` and `Ratelimit-Policy` as Cloudflare's API sends them, and past `requests` a 429 with `Retry-After`
 * in the gateway's envelope (code 10100). Without a rate, nothing is counted and no header is added.
 */
export function createRateLimit(rate: Rate | undefined, clock: () => Date) {
  /** The window: when it started (ms on the fake's clock) and the requests in it. */
  let window = { start: 0, used: 0 };
  return {
    /** Counts a request: its headers, and a 429 refusal once the window is spent. */
    count(): { headers: Record<string, string>; refusal?: Refusal } {
      if (!rate) return { headers: {} };
      const { requests, windowSeconds } = rate;
      const now = clock().getTime();
      if (now - window.start >= windowSeconds * 1000) window = { start: now, used: 0 };
      window.used++;
      const reset = Math.max(1, Math.ceil((window.start + windowSeconds * 1000 - now) / 1000));
      const headers = {
        ratelimit: `"default";r=${Math.max(0, requests - window.used)};t=${reset}`,
        'ratelimit-policy': `"default";q=${requests};w=${windowSeconds}`,
      };
      if (window.used <= requests) return { headers };
      const message = `More than ${requests} requests per ${windowSeconds} seconds reached. Please wait and consider throttling your request speed`;
      const refusal = new Refusal(429, message, gatewayBody(10100, message), {
        ...headers,
        'retry-after': String(reset),
      });
      return { headers, refusal };
    },
    /** A new window on the next request: for `reset()`. */
    reset() {
      window = { start: 0, used: 0 };
    },
  };
}
