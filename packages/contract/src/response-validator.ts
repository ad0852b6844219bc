import type { OperationId } from '@realtimekit-meetings/core';
import { responseValidators } from './generated/response-validators.gen';

/**
 * Checks an answer's JSON body against the schema the spec declares for that operation and status (or its `4XX`
 * range, or `default`): the list of what is wrong, empty when it conforms. The validators are the ones the mock
 * runs, compiled from the spec when the packages are generated (`scripts/codegen/validators.mjs`); each names the
 * first problem it finds.
 */
export function validateResponse(operationId: OperationId, status: number, body: unknown): string[] {
  const responses = responseValidators[operationId];
  const declared = [String(status), `${String(status)[0]}XX`, 'default'].find((key) => key in responses);
  if (declared === undefined) return [`answered ${status}, which the spec does not declare for ${operationId}`];
  const check = responses[declared];
  if (!check || check(body)) return [];
  return (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}
