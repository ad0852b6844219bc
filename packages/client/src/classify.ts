import type { Answer } from './attempt';
import { describeErrorBody, type RealtimeKitError, type RealtimeKitErrorKind } from './errors';
import { parseRetryAfter } from './retry';
import { isPlainObject } from './validate-input';

type Fail = (kind: RealtimeKitErrorKind, message: string, details?: object) => RealtimeKitError;

/**
 * Sorts an answer: a 2xx JSON object without `success: false` is the result; anything else is an `http` error
 * (with the server's Retry-After, if any). A 2xx that is not a JSON object is thrown at once: no retry mends it.
 */
export function classifyAnswer(
  { response, data, error: errorBody }: Answer,
  fail: Fail,
): Record<string, unknown> | RealtimeKitError {
  const { status, ok } = response;
  const payload = ok ? data : errorBody;
  const requestId = response.headers.get('cf-ray') ?? undefined;
  if (ok && !isPlainObject(payload)) {
    throw fail('invalid_response', 'The API answered with a body that is not a JSON object', { status, requestId });
  }
  if (ok && payload.success !== false) return payload;
  const described = describeErrorBody(payload, status);
  return fail('http', described.message, {
    ...described,
    status,
    requestId,
    retryAfter: parseRetryAfter(response.headers.get('retry-after')),
  });
}

/**
 * Sorts a failure to get an answer: our timeout, or a network error. Bad Unicode in an ID and unreadable JSON are
 * thrown at once: no retry mends them.
 */
export function classifyFailure(thrown: unknown, timedOut: boolean, timeoutMs: number, fail: Fail): RealtimeKitError {
  if (thrown instanceof URIError) throw fail('invalid_argument', 'IDs and query values must be well-formed Unicode');
  if (thrown instanceof SyntaxError) throw fail('invalid_response', 'The API answered with invalid JSON');
  if (timedOut) return fail('timeout', `No answer within ${timeoutMs} ms`);
  const code = (thrown as { cause?: { code?: string } })?.cause?.code ?? (thrown as Error)?.message;
  return fail('network', `Network error: ${code}`, { cause: thrown });
}
