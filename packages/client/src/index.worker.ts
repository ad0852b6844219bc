// The `worker` export condition (Cloudflare Workers, edge runtimes): the browser build's modules (nothing of Node),
// and `request()` by operationId, which finds its operation in core's table. tsup builds it with the `browser`
// entry in one run, so that the two share one chunk (tsup.config.mts).
import { createClientWith } from './create-client';
import type { RealtimeKitClientOptions } from './options';
import { createRequest } from './request-by-id';

export * from './index';

/**
 * Creates a client for the RealtimeKit Meetings API. On a server it needs a token, an account and an app: from the
 * options or CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID and REALTIMEKIT_APP_ID. In a browser, pass `proxyUrl`
 * instead. Setup mistakes are refused here, as `invalid_argument`, with the fix in the message.
 */
export function createRealtimeKitClient(options: RealtimeKitClientOptions = {}) {
  return createClientWith(options, createRequest);
}
