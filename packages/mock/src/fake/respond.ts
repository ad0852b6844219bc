import { errorBody, type OperationId } from '@realtimekit-meetings/core';
import { errorEnvelope, type Validate, validators } from '../generated/validators.gen';
import type { Success } from './context';
import type { FakeAnswer } from './fake-request';
import { Refusal } from './refusal';

/** Ajv's first error as a sentence: `body must have required property 'preset_name'`, `query/status must be ...`. */
export function describe(validate: Validate, where = 'request') {
  const error = validate.errors?.[0];
  if (!error) return `${where} is invalid`;
  const path = error.instancePath.replace(/^\//, '').replace(/^params\//, '') || where;
  const allowed = error.params.allowedValues as unknown[] | undefined;
  return `${path} ${error.message ?? 'is invalid'}${allowed ? `: ${allowed.map((v) => JSON.stringify(v)).join(', ')}` : ''}`;
}

/** An answer of JSON: the text and the headers the web handler and the node:http server both write. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): FakeAnswer {
  return { status, headers: { 'content-type': 'application/json', ...headers }, text: JSON.stringify(body) };
}

/** The refusal of a body over the fake's `limits.bodyBytes` (413). */
export const tooLarge = (max: number) =>
  `The request body is over ${max} bytes (limits.bodyBytes): the API's bodies are small JSON documents`;

/** An error answered in the envelope, for a request that never reached an operation (bad path, too large). */
export const refused = (status: number, message: string) => json(status, errorBody(status, message));

/** The declared response for a status: exact, then its range (`4XX`), then `default`; undeclared errors use the
 * API's error envelope (the outside-core operations declare no 4xx, yet answer 404 like the rest). */
function responseValidator(operationId: OperationId, status: number): Validate | undefined {
  const declared = validators[operationId].responses;
  return declared[String(status)] ?? declared[`${String(status)[0]}XX`] ?? declared.default ?? errorEnvelope;
}

/**
 * Sends an answer only once it conforms to the spec, and only then runs its `commit`: a fake that drifts from the
 * spec fails loudly, with 500, and changes nothing (no half-applied write poisons the reads after it). A refusal
 * from Cloudflare's gateway (its own body) is sent as it is: the spec describes RealtimeKit's answers only.
 */
export function respond(operationId: OperationId, answer: Success | Refusal): FakeAnswer {
  if (answer instanceof Refusal && answer.body !== undefined) return json(answer.status, answer.body, answer.headers);
  const body =
    answer instanceof Refusal
      ? errorBody(answer.status, answer.message)
      : { success: true, data: answer.data, ...(answer.paging ? { paging: answer.paging } : {}) };
  const check = responseValidator(operationId, answer.status);
  if (check && !check(body)) {
    const problem = describe(check, 'response');
    return refused(
      500,
      `RealtimeKit fake: its own ${answer.status} answer to ${operationId} breaks the spec (${problem}); nothing was changed; this is a bug in the fake, please report it`,
    );
  }
  if (!(answer instanceof Refusal)) answer.commit?.();
  return json(answer.status, body, answer instanceof Refusal ? answer.headers : undefined);
}
