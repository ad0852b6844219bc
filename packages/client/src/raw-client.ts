import type { paths } from '@realtimekit-meetings/core';
import createClient, { type Middleware } from 'openapi-fetch';
import type { RawClient } from './options';

/**
 * `rtk.raw`: an openapi-fetch client typed by the spec's `paths`, with the client's base URL, headers, fetch and
 * middleware. The browser build replaces this file with raw-client.browser.ts, so a browser bundle carries no
 * openapi-fetch. In proxy mode its paths are not the proxy's anyway.
 */
export function createRawClient(options: {
  baseUrl: string;
  headers: Record<string, string>;
  fetch?: (request: Request) => Promise<Response>;
  middleware?: Middleware[];
}): RawClient {
  const raw = createClient<paths>(options);
  if (options.middleware?.length) raw.use(...options.middleware);
  return raw;
}
