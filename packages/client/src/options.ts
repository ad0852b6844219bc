import type { paths } from '@realtimekit-meetings/core';
import type { Client, Middleware } from 'openapi-fetch';

/**
 * Receives one line per attempt: method, path, status, attempt, duration, and `Authorization: [redacted]` when a
 * token was sent. Never a token, never a body. `console` fits.
 */
export interface Logger {
  debug(line: string): void;
}

export interface RealtimeKitClientOptions {
  /** Cloudflare account ID. Default: `CLOUDFLARE_ACCOUNT_ID` from the environment, where there is one. */
  accountId?: string;
  /** RealtimeKit app ID. Default: `REALTIMEKIT_APP_ID` from the environment. */
  appId?: string;
  /**
   * Cloudflare API token with Realtime permissions. Default: `CLOUDFLARE_API_TOKEN` from the environment.
   * Without one, no Authorization header is sent. Refused in a browser unless `dangerouslyAllowBrowser`.
   */
  apiToken?: string;
  /** Default `https://api.cloudflare.com/client/v4`. */
  baseUrl?: string;
  /**
   * Browser mode, behind `@realtimekit-meetings/proxy`: every operation goes to `{proxyUrl}/meetings/...`
   * with no token, account or app (the server fixes those). Excludes `apiToken`, `accountId`, `appId`, `baseUrl`.
   */
  proxyUrl?: string;
  /** A fetch implementation; default `globalThis.fetch`. */
  fetch?: (input: Request) => Promise<Response>;
  /** Per attempt. Default 60 000. */
  timeoutMs?: number;
  /** Retries after the first attempt, for failures that are safe to retry. Default 2. */
  maxRetries?: number;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** openapi-fetch middleware, run on every attempt. */
  middleware?: Middleware[];
  logger?: Logger;
  /** Allow an `apiToken` where `window` and `document` exist. Anyone who opens the page can read it. */
  dangerouslyAllowBrowser?: boolean;
}

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
