import type { OperationId, OperationResponseBody } from '@realtimekit-meetings/core';
import { RealtimeKitError } from './errors';

/**
 * `rtk.request` in the browser build (the `browser` export condition; tsup.config.mts puts this file in place of
 * request-by-id.ts): finding an operation by its ID takes core's table of every operation, which a browser bundle
 * should not pay for, so asking for it says what to do instead. The `worker` build (Workers, edge runtimes) has it.
 */
export const createRequest =
  (_send: unknown) =>
  <K extends OperationId>(operationId: K, ..._args: unknown[]): Promise<OperationResponseBody<K>> =>
    Promise.reject(
      new RealtimeKitError(
        'invalid_argument',
        "request(operationId) is not in the browser build, which carries no table of every operation: call the operation's method (rtk.meetings.get(id))",
        { operationId },
      ),
    );
