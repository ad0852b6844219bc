import { createRealtimeKitClient } from '@realtimekit-meetings/client';
import type { OperationId } from '@realtimekit-meetings/core';
import { operationTable } from '@realtimekit-meetings/core';
import { inject } from 'vitest';
import { createRealtimeKitProxy, type RealtimeKitProxyOptions } from '../src/index';

export const ACCOUNT = '023e105f4ecef8ad9ca31a8372d0c353';
export const APP = '14a396e7-ca44-4937-bf1f-050a69118543';
export const MEETING = 'bbb03399-24e3-4b0c-90ec-172e97e636be';
export const PARTICIPANT = '4f2a7c1e-8f3b-4d39-9c55-1f0e6a7b2c11';
export const TOKEN = 'cf-proxy-test-token-NEVER-IN-A-RESPONSE';
export const BASE = '/api/realtimekit';
export const ALL = Object.keys(operationTable) as OperationId[];

export interface Upstream {
  method: string;
  url: string;
  headers: Headers;
}

/**
 * A proxy whose server-side client talks to the Prism mock, recording every request that leaves for upstream.
 * `upstream` overrides the base URL (another server); `fetch` intercepts before the network.
 */
export function proxyWith(
  options: Partial<RealtimeKitProxyOptions> & { upstream?: string; fetch?: (r: Request) => Promise<Response> } = {},
) {
  const sent: Upstream[] = [];
  const client = createRealtimeKitClient({
    baseUrl: options.upstream ?? inject('realtimekitMockUrl'),
    apiToken: TOKEN,
    accountId: ACCOUNT,
    appId: APP,
    maxRetries: 0,
    fetch: (request) => {
      sent.push({ method: request.method, url: request.url, headers: new Headers(request.headers) });
      return (options.fetch ?? fetch)(request);
    },
  });
  const handle = createRealtimeKitProxy({ client, basePath: BASE, allow: ALL, authorize: () => true, ...options });
  return { handle, sent, client };
}

/** A request to the proxy as a browser on https://app.example.test would send it. */
export const browserRequest = (path: string, init: RequestInit = {}) =>
  new Request(`https://app.example.test${BASE}${path}`, init);
