import { type OperationId, operationRoutes, type paths } from '@realtimekit-meetings/core';
import createClient from 'openapi-fetch';
import type { RealtimeKitClient } from './client-types';
import { RealtimeKitError } from './errors';
import type { RealtimeKitClientOptions, RequestOptions } from './options';
import { paginate } from './pagination';
import { check, checkLimits, createRequest, isPlainObject, pathParams } from './request';
import { LIST, QUERY, resourceMethods } from './resources';

/** An environment variable where there is an environment (Node, Bun, Deno, workerd with nodejs_compat); empty = unset. */
const env = (name: string): string | undefined =>
  (typeof process === 'object' ? (process as { env?: Record<string, string | undefined> }).env?.[name] : undefined) ||
  undefined;

/** What openapi-fetch builds in place of a Request on the light path: the URL and init that fetch will take. */
class Pending {
  method?: string;
  constructor(
    readonly url: string,
    readonly init: RequestInit,
  ) {
    this.method = init.method;
  }
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
  const apiToken = proxy ? undefined : (options.apiToken ?? env('CLOUDFLARE_API_TOKEN'));
  check(apiToken === undefined || (typeof apiToken === 'string' && apiToken), 'apiToken must be a non-empty string');
  check(
    !apiToken || options.dangerouslyAllowBrowser || typeof window === 'undefined' || typeof document === 'undefined',
    'An apiToken in a browser is readable by anyone who opens the page: use proxyUrl with ' +
      '@realtimekit-meetings/proxy (or dangerouslyAllowBrowser: true)',
  );
  const accountId = proxy ? undefined : (options.accountId ?? env('CLOUDFLARE_ACCOUNT_ID'));
  const appId = proxy ? undefined : (options.appId ?? env('REALTIMEKIT_APP_ID'));

  const baseUrl = proxy ? proxyUrl : (options.baseUrl ?? 'https://api.cloudflare.com/client/v4');
  const allHeaders = apiToken ? { ...headers, Authorization: `Bearer ${apiToken}` } : headers;
  const raw = createClient<paths>({ baseUrl, fetch, headers: allHeaders });
  if (middleware) raw.use(...middleware);
  // With no middleware or custom fetch to hand a Request to, the methods skip building one: fetch(url, init) then
  // constructs the only Request, where raw openapi-fetch builds one and fetch copies it (a sizeable share of a call).
  const light = !fetch && !middleware;
  const transport = light ? (request: Pending) => globalThis.fetch(request.url, request.init) : fetch;
  const engineClient = light
    ? createClient<paths>({ baseUrl, headers: allHeaders, fetch: transport as never, Request: Pending as never })
    : raw;
  const request = createRequest({
    raw: engineClient,
    fetch: transport as never,
    proxy,
    accountId,
    appId,
    timeoutMs,
    maxRetries,
    authorized: !!apiToken,
    logger,
  });

  const client = { request, raw, scope: proxy ? `proxy:${proxyUrl}` : `${accountId}/${appId}` } as RealtimeKitClient &
    Record<string, Record<string, unknown>>;
  for (const [resource, methods] of Object.entries(resourceMethods)) {
    const target: Record<string, unknown> = {};
    client[resource] = target;
    for (const [name, entry] of Object.entries(methods) as [string, OperationId | [OperationId, number]][]) {
      const [operationId, flags = 0] = typeof entry === 'string' ? [entry] : entry;
      const [method, below, hasBody] = operationRoutes[operationId];
      const ids = pathParams(below);
      /** Spreads a method's arguments (IDs, then body, then query, then options) into a request, and unwraps it. */
      const call = async (args: unknown[], pageQuery?: object) => {
        const params: Record<string, string> = {};
        let next = 0;
        for (const id of ids) params[id] = args[next++] as string;
        const body = hasBody ? args[next++] : undefined;
        const query = flags & QUERY ? (pageQuery ?? args[next++]) : undefined;
        const result = (await request(operationId, { params, body, query } as never, args[next] as RequestOptions)) as {
          data?: unknown;
          paging?: unknown;
        };
        const missing = result.data === undefined ? 'data' : flags === LIST && !result.paging ? 'paging' : '';
        if (missing) {
          throw new RealtimeKitError('invalid_response', `The API answered without ${missing}`, {
            operationId,
            method,
          });
        }
        return flags === LIST ? { data: result.data, paging: result.paging } : result.data;
      };
      target[name] = (...args: unknown[]) => call(args);
      if (flags === LIST) {
        target.listAll = (...args: unknown[]) => {
          const first = args[ids.length];
          check(first === undefined || isPlainObject(first), 'query must be a plain object');
          return paginate((query) => call(args, query) as never, first);
        };
      }
    }
  }
  return client;
}
