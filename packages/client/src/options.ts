import type { paths } from '@realtimekit-meetings/core';
import type { Client, Middleware } from 'openapi-fetch';
import type { RateBudgetOptions } from './rate-budget';

/**
 * Receives one line per attempt: method, path, status, attempt, duration, and `Authorization: [redacted]` when a
 * token was sent. Never a token, never a body. `console` fits.
 */
export interface Logger {
  debug(line: string): void;
}

/** Options every client takes, on a server or behind the proxy. */
interface CommonOptions {
  /** A fetch implementation; default `globalThis.fetch`. */
  fetch?: (input: Request) => Promise<Response>;
  /** Per attempt. Default 60 000. */
  timeoutMs?: number;
  /** Retries after the first attempt, for failures that are safe to retry. Default 2. */
  maxRetries?: number;
  /**
   * The largest answer body read, in bytes once decoded (a compressed answer is counted inflated). A larger one is not
   * read, and the call fails as `invalid_response`. Default 16 MiB.
   */
  maxResponseBytes?: number;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** openapi-fetch middleware, run on every attempt. */
  middleware?: Middleware[];
  logger?: Logger;
  /**
   * Where this client's data lives, for cache keys (`rtk.scope`). Default: `{accountId}/{appId}` on a server,
   * `proxy:{proxyUrl}` behind the proxy. Give a browser client the server's `rtk.scope` (not a secret) so that
   * queries prefetched on the server hydrate in the browser without a refetch.
   */
  scope?: string;
  /**
   * Spaces calls so the account stays under Cloudflare's API limit, and once the API blocks (a 429), fails every
   * call at once as `rate_limited` with `retryAt`, sending nothing. Default on, 1,200 calls per 300 s in this
   * process, on a server; off behind the proxy. `false` turns it off. Share it across instances with `store`.
   */
  rateBudget?: RateBudgetOptions | false;
}

/** A client on a server: it holds the API token and calls Cloudflare (or a mock) directly. */
export interface ServerClientOptions extends CommonOptions {
  /**
   * Cloudflare API token with Realtime permissions. Default: `CLOUDFLARE_API_TOKEN` from the environment; one is
   * required. Refused in a browser unless `dangerouslyAllowBrowser`.
   */
  apiToken?: string;
  /** Cloudflare account ID. Default: `CLOUDFLARE_ACCOUNT_ID`; one is required (a call's options may override it). */
  accountId?: string;
  /** RealtimeKit app ID. Default: `REALTIMEKIT_APP_ID`; one is required (a call's options may override it). */
  appId?: string;
  /**
   * An absolute http(s) URL. Default: `CLOUDFLARE_BASE_URL` from the environment (the variable Cloudflare's SDK
   * reads), else `https://api.cloudflare.com/client/v4`. A mock's URL for tests.
   */
  baseUrl?: string;
  /** Allow an `apiToken` where `window` and `document` exist. Anyone who opens the page can read it. */
  dangerouslyAllowBrowser?: boolean;
  proxyUrl?: never;
}

/**
 * A client in a browser, behind `@realtimekit-meetings/proxy`: every operation goes to `{proxyUrl}/meetings/...`
 * with no token, account or app; the server fixes those.
 */
export interface ProxyClientOptions extends CommonOptions {
  /** Where the proxy is mounted: an absolute http(s) URL, or in a browser a path such as `/api/realtimekit`. */
  proxyUrl: string;
  apiToken?: never;
  accountId?: never;
  appId?: never;
  baseUrl?: never;
  dangerouslyAllowBrowser?: never;
}

/** A server client's options, or a browser client's behind the proxy: the two cannot be mixed. */
export type RealtimeKitClientOptions = ServerClientOptions | ProxyClientOptions;

/** Accepted as the last argument of every method. */
export interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  maxRetries?: number;
  headers?: Record<string, string>;
  /** Overrides the client's account for this call (not in proxy mode). */
  accountId?: string;
  /** Overrides the client's app for this call (not in proxy mode). */
  appId?: string;
}

/** The underlying openapi-fetch client, typed by the spec's `paths`. */
export type RawClient = Client<paths>;
