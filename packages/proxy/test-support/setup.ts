import { createRealtimeKitClient } from '@realtimekit-meetings/client';
import type { OperationId } from '@realtimekit-meetings/core';
import { APP_PATH_PREFIX, operationTable } from '@realtimekit-meetings/core';
// types inject('realtimekitMockUrl'), which that globalSetup (vitest.config.mts) provides
import type {} from '@realtimekit-meetings/mock/vitest-global-setup';
import { ACCOUNT, APP } from '@realtimekit-meetings/test-fixtures/ids';
import { inject } from 'vitest';
import { createRealtimeKitProxy, type RealtimeKitProxyOptions } from '../src/index';

export { ACCOUNT, APP, MEETING, PARTICIPANT } from '@realtimekit-meetings/test-fixtures/ids';
export const TOKEN = 'cf-proxy-test-token-NEVER-IN-A-RESPONSE';
export const BASE = '/api/realtimekit';
/** Every operation of an app (the proxy serves one app: the account's own `apps` are not its to route). */
export const ALL = (Object.keys(operationTable) as OperationId[]).filter((id) =>
  operationTable[id].path.startsWith(`${APP_PATH_PREFIX}/`),
);

export interface Upstream {
  method: string;
  url: string;
  headers: Headers;
  body: string;
}

/**
 * A proxy whose server-side client talks to the Prism mock, recording every request that leaves for upstream.
 * `upstream` overrides the base URL (another server); `fetch` intercepts before the network.
 */
export function proxyWith(
  options: Partial<RealtimeKitProxyOptions> & { upstream?: string; fetch?: (r: Request) => Promise<Response> } = {},
) {
  const { upstream, fetch: intercept, ...proxyOptions } = options;
  const sent: Upstream[] = [];
  const client = createRealtimeKitClient({
    baseUrl: upstream ?? inject('realtimekitMockUrl'),
    apiToken: TOKEN,
    accountId: ACCOUNT,
    appId: APP,
    maxRetries: 0,
    fetch: async (request) => {
      const body = await request.clone().text();
      sent.push({ method: request.method, url: request.url, headers: new Headers(request.headers), body });
      return (intercept ?? fetch)(request);
    },
  });
  const handle = createRealtimeKitProxy({
    client,
    basePath: BASE,
    allow: ALL,
    authorize: () => true,
    decideParticipant: echoParticipant,
    ...proxyOptions,
  });
  return { handle, sent, client };
}

/** A decideParticipant that trusts the browser (an admin tool): for tests of what the proxy does with the rest. */
export const echoParticipant = (_request: Request, _operation: unknown, body: Record<string, unknown>) =>
  ({ preset_name: body.preset_name, custom_participant_id: body.custom_participant_id }) as {
    preset_name?: string;
    custom_participant_id?: string;
  };

/** A request to the proxy as a browser on https://app.example.test would send it. */
export const browserRequest = (path: string, init: RequestInit = {}) =>
  new Request(`https://app.example.test${BASE}${path}`, init);
