import { http, type RequestHandler } from 'msw';
import type { RealtimeKitFake } from './fake/create-fake';

export interface RealtimeKitHandlersOptions {
  /** The fake that answers (from `createRealtimeKitFake`). */
  fake: RealtimeKitFake;
  /** The client's base URL (default Cloudflare's, `https://api.cloudflare.com/client/v4`). */
  baseUrl?: string;
}

/**
 * MSW v2 request handlers that answer the RealtimeKit Meetings API from the stateful fake, in the browser or in
 * Node (`setupServer(...realtimeKitHandlers({ fake }))`): the client's requests never leave the process.
 */
export function realtimeKitHandlers({
  fake,
  baseUrl = 'https://api.cloudflare.com/client/v4',
}: RealtimeKitHandlersOptions): RequestHandler[] {
  if (!URL.canParse(baseUrl))
    throw new TypeError(`realtimeKitHandlers: baseUrl must be an absolute URL, not ${baseUrl}`);
  return [http.all(`${baseUrl.replace(/\/+$/, '')}/accounts/*`, ({ request }) => fake.fetch(request))];
}
