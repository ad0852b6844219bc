import type { paths } from '@realtimekit-meetings/core';
import createClient from 'openapi-fetch';
import type { RealtimeKitClient } from './client';
import { createResources } from './generated/resources.gen';
import type { OperationCaller } from './operation-caller';
import type { RealtimeKitClientOptions } from './options';
import { createRequest } from './request';
import { check, checkLimits, isPlainObject } from './validate-input';

/**
 * The defaults from the environment where there is one (Node, Bun, Deno, workerd with nodejs_compat); empty = unset.
 * None in the browser build: a browser has no environment, and a token from one would be refused there anyway.
 */
function fromEnvironment(): { apiToken?: string; accountId?: string; appId?: string } {
  if (typeof __RTK_BROWSER__ !== 'undefined' || typeof process !== 'object') return {};
  const env = (process as { env?: Record<string, string | undefined> }).env ?? {};
  return {
    apiToken: env.CLOUDFLARE_API_TOKEN || undefined,
    accountId: env.CLOUDFLARE_ACCOUNT_ID || undefined,
    appId: env.REALTIMEKIT_APP_ID || undefined,
  };
}

/**
 * Creates a client for the RealtimeKit Meetings API. On a server it reads CLOUDFLARE_API_TOKEN,
 * CLOUDFLARE_ACCOUNT_ID and REALTIMEKIT_APP_ID by default; in a browser, pass `proxyUrl` instead.
 */
export function createRealtimeKitClient(options: RealtimeKitClientOptions = {}): RealtimeKitClient {
  check(isPlainObject(options as unknown), 'options must be a plain object');
  const { proxyUrl, fetch, headers, middleware, logger, timeoutMs = 60_000, maxRetries = 2 } = options;
  checkLimits(timeoutMs, maxRetries);
  const proxy = proxyUrl !== undefined;
  if (proxy) {
    check(typeof proxyUrl === 'string' && proxyUrl, 'proxyUrl must be a non-empty string');
    check(
      (options.apiToken ?? options.accountId ?? options.appId ?? options.baseUrl) === undefined,
      'proxyUrl excludes apiToken, accountId, appId and baseUrl: the proxy holds them',
    );
  }
  const env = proxy ? {} : fromEnvironment();
  // in proxy mode these options were refused above, and the environment is not read
  const apiToken = options.apiToken ?? env.apiToken;
  check(apiToken === undefined || (typeof apiToken === 'string' && apiToken), 'apiToken must be a non-empty string');
  check(
    !apiToken || options.dangerouslyAllowBrowser || typeof window === 'undefined' || typeof document === 'undefined',
    'An apiToken in a browser is readable by anyone: use proxyUrl and @realtimekit-meetings/proxy (or dangerouslyAllowBrowser: true)',
  );
  const accountId = options.accountId ?? env.accountId;
  const appId = options.appId ?? env.appId;

  const baseUrl = proxy ? proxyUrl : (options.baseUrl ?? 'https://api.cloudflare.com/client/v4');
  const raw = createClient<paths>({
    baseUrl,
    fetch,
    headers: apiToken ? { ...headers, Authorization: `Bearer ${apiToken}` } : headers,
  });
  // The fast path (direct-fetch.ts) hands openapi-fetch no real Request, so it is for calls nobody intercepts: no
  // custom fetch, and no middleware, whether given here or added later through `raw.use`.
  let direct = typeof __RTK_BROWSER__ === 'undefined' && !fetch && !middleware?.length;
  if (typeof __RTK_BROWSER__ === 'undefined') {
    const use = raw.use;
    raw.use = (...added) => {
      direct = false;
      use(...added);
    };
  }
  if (middleware?.length) raw.use(...middleware);
  const request = createRequest({
    raw,
    direct: () => direct,
    fetch,
    proxy,
    accountId,
    appId,
    timeoutMs,
    maxRetries,
    authorized: !!apiToken,
    logger,
  });
  return {
    ...createResources(request as OperationCaller),
    request: request as RealtimeKitClient['request'],
    raw,
    scope: proxy ? `proxy:${proxyUrl}` : `${accountId}/${appId}`,
  };
}
