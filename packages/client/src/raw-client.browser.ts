import { RealtimeKitError } from './errors';
import type { RawClient } from './options';

/**
 * `rtk.raw` in the browser and worker builds, which carry no openapi-fetch (to keep a browser
 * bundle small): asking for it says what to do instead. tsup.config.mts puts this file in place of raw-client.ts.
 */
export const createRawClient = (_options: object): RawClient => {
  throw new RealtimeKitError(
    'invalid_argument',
    "raw is not in the browser or worker build: call the methods, or createClient<paths>() from 'openapi-fetch'",
  );
};
