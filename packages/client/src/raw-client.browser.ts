import { RealtimeKitError } from './errors';
import type { RawClient } from './options';

/**
 * `rtk.raw` in the browser build (the `browser` export condition), which carries no openapi-fetch to keep a browser
 * bundle small: asking for it says what to do instead. tsup.config.mts puts this file in place of raw-client.ts.
 */
export const createRawClient = (_options: object): RawClient => {
  throw new RealtimeKitError(
    'invalid_argument',
    "raw is not in the browser build: call the methods, or createClient<paths>() from 'openapi-fetch'",
  );
};
