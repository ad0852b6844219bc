const HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  // answers carry join tokens: no shared cache may keep them
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

export const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { ...HEADERS, ...headers } });

/** A refusal in the RealtimeKit error shape: `{ success: false, error: { code, message } }`. */
export const errorResponse = (status: number, message: string, headers?: Record<string, string>) =>
  jsonResponse(status, { success: false, error: { code: status, message } }, headers);

interface ClientError {
  name?: string;
  kind?: string;
  status?: number;
  message?: string;
  body?: unknown;
}

/**
 * Turns what the server-side client threw into an answer: an upstream error keeps its status and its JSON
 * body; a failure to reach the API is a 502 or 504. Nothing of the request, and so nothing of the token, is in it.
 */
export function upstreamErrorResponse(error: unknown): Response {
  const e = (error ?? {}) as ClientError;
  if (e.name !== 'RealtimeKitError') return errorResponse(500, 'The proxy failed');
  if (e.kind === 'http' && e.status) {
    const body = typeof e.body === 'object' && e.body !== null ? e.body : undefined;
    return body ? jsonResponse(e.status, body) : errorResponse(e.status, e.message || `HTTP ${e.status}`);
  }
  if (e.kind === 'timeout') return errorResponse(504, 'RealtimeKit did not answer in time');
  if (e.kind === 'invalid_argument') return errorResponse(400, e.message || 'Invalid request');
  if (e.kind === 'aborted') return errorResponse(499, 'The request was aborted');
  return errorResponse(502, 'RealtimeKit could not be reached or answered something unreadable');
}
