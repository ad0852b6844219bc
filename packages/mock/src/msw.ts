import { APP_PATH_PREFIX, createRouter } from '@realtimekit-meetings/core';
import { http, type RequestHandler } from 'msw';
import type { RealtimeKitFake } from './fake/create-fake';

export interface RealtimeKitHandlersOptions {
  /** The fake that answers (from `createRealtimeKitFake`). */
  fake: RealtimeKitFake;
  /** The client's base URL, for a server-mode client (default Cloudflare's, `https://api.cloudflare.com/client/v4`). */
  baseUrl?: string;
  /**
   * The client's `proxyUrl`, for a browser app that calls `@realtimekit-meetings/proxy` (`/api/realtimekit`): its
   * calls are answered as the proxy would forward them, under `accountId` and `appId`.
   */
  proxyUrl?: string;
  accountId?: string;
  appId?: string;
}

const FAKE_ACCOUNT = '0123456789abcdef0123456789abcdef';
const FAKE_APP = '00000000-0000-4000-8000-0000000000a1';
/** Where `verifyWebhook` fetches RealtimeKit's webhook key by default (the client's `WEBHOOK_KEY_URL`). */
const CLOUDFLARE_KEY_URL = 'https://api.realtime.cloudflare.com/.well-known/webhooks.json';

/**
 * MSW v2 request handlers that answer the RealtimeKit Meetings API from the stateful fake, in the browser or in
 * Node (`setupServer(...realtimeKitHandlers({ fake }))`): the client's requests never leave the process.
 *
 * They also publish the fake's webhook key where `verifyWebhook` looks for RealtimeKit's by default
 * (`https://api.realtime.cloudflare.com/.well-known/webhooks.json`) and at `{baseUrl}/.well-known/webhooks.json`, so
 * an app's receiver verifies the fake's webhooks unchanged. The fake POSTs them with the global `fetch`, which MSW
 * intercepts: a handler of yours for the webhook's URL receives them. They cannot loop back into the fake: a delivery
 * carries no API token, so one aimed at the fake's API is refused 401, changes nothing and emits nothing.
 */
export function realtimeKitHandlers(options: RealtimeKitHandlersOptions): RequestHandler[] {
  const { fake, baseUrl = 'https://api.cloudflare.com/client/v4', proxyUrl } = options;
  if (!URL.canParse(baseUrl))
    throw new TypeError(`realtimeKitHandlers: baseUrl must be an absolute URL, not ${baseUrl}`);
  const api = baseUrl.replace(/\/+$/, '');
  const handlers = [
    http.all(`${api}/accounts/*`, ({ request }) => fake.fetch(request)),
    http.get(`${api}/.well-known/webhooks.json`, ({ request }) => fake.fetch(request)),
    http.get(CLOUDFLARE_KEY_URL, ({ request }) => fake.fetch(request)),
  ];
  if (proxyUrl !== undefined) {
    const mount = proxyUrl.replace(/\/+$/, '');
    // the mount's own path (a relative proxyUrl is one already), so a mount that holds `/meetings` is cut off whole
    const mountPath = URL.canParse(mount) ? new URL(mount).pathname.replace(/\/+$/, '') : mount.split(/[?#]/)[0];
    const app = `${api}/accounts/${options.accountId ?? FAKE_ACCOUNT}/realtime/kit/${options.appId ?? FAKE_APP}`;
    // the routes the proxy mirrors: every operation below the app (meetings, recordings, sessions, webhooks…)
    const route = createRouter(APP_PATH_PREFIX);
    handlers.push(
      http.all(`${mount}/*`, async ({ request }) => {
        const url = new URL(request.url);
        const below = url.pathname.slice((mountPath as string).length);
        // anything else under the mount (the proxy's join route, the app's own routes) is not the fake's to answer:
        // left unhandled, as MSW leaves what no handler answers
        if (route(request.method, below).kind === 'not-found') return undefined;
        const headers = new Headers(request.headers);
        headers.set('authorization', 'Bearer realtimekit-msw'); // the proxy adds the server's token
        const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
        const body = hasBody ? await request.arrayBuffer() : undefined;
        return fake.fetch(new Request(`${app}${below}${url.search}`, { method: request.method, headers, body }));
      }),
    );
  }
  return handlers;
}
