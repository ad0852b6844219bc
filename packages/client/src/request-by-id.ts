import { closestName, type OperationId, type OperationResponseBody, operationRoutes } from '@realtimekit-meetings/core';
import { RealtimeKitError } from './errors';
import type { RequestOptions } from './options';
import type { RequestInput, Route, SendFunction } from './request';

/**
 * `rtk.request(operationId, input, options)`: the operation's route from core's table of every operation, then the
 * pipeline (`send`, createSend in request.ts). Only this needs the table, so the browser build has none (request-by-id.browser.ts).
 */
export function createRequest(send: SendFunction) {
  return function request<K extends OperationId>(
    operationId: K,
    input?: RequestInput<K>,
    options?: RequestOptions,
  ): Promise<OperationResponseBody<K>> {
    // own properties only: `toString` names no operation either
    const route: Route | undefined = Object.hasOwn(operationRoutes, operationId)
      ? operationRoutes[operationId]
      : undefined;
    // an operationId from untyped code: refused as the pipeline refuses bad input, in a rejected promise
    if (!route) return Promise.reject(unknownOperation(operationId));
    return send(operationId, route, input, options);
  };
}

function unknownOperation(operationId: unknown) {
  const closest = typeof operationId === 'string' && closestName(operationId, Object.keys(operationRoutes));
  return new RealtimeKitError(
    'invalid_argument',
    `unknown operationId${typeof operationId === 'string' ? '' : ` (a ${typeof operationId})`}${closest ? `: did you mean "${closest}"?` : ": the operation IDs are the spec's (rtk.request('get_meeting', ...)); the typed methods (rtk.meetings.get) need none"}`,
    { operationId: typeof operationId === 'string' ? operationId : undefined },
  );
}
