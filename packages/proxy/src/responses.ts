import { errorBody } from '@realtimekit-meetings/core';

const HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  // answers carry join tokens: no shared cache may keep them
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/** What the proxy answers, before an adapter writes it: a web Response, or node:http's writeHead and end. */
export interface ProxyAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const jsonAnswer = (status: number, body: unknown, headers: Record<string, string> = {}): ProxyAnswer => ({
  status,
  headers: { ...HEADERS, ...headers },
  body: JSON.stringify(body),
});

/** A refusal in the RealtimeKit error shape: `{ success: false, error: { code, message } }`, the code the status unless given. */
export const errorAnswer = (status: number, message: string, headers?: Record<string, string>, code = status) =>
  jsonAnswer(status, errorBody(code, message), headers);

/** A web Response of an answer (one the app's `authorize` returned passes through as it is). */
export const toResponse = (answer: ProxyAnswer | Response) =>
  answer instanceof Response ? answer : new Response(answer.body, { status: answer.status, headers: answer.headers });

/** A RealtimeKitError of the client, read by shape (another copy of the client may have made it). */
interface ClientError {
  name?: string;
  kind?: string;
  status?: number;
  message: string;
  body?: unknown;
  retryAfter?: number;
}

/**
 * The longest upstream error message passed on. RealtimeKit's validation messages list what is allowed (the fake's
 * unknown-preset 400 names every preset: 243 characters with the defaults alone), so 300 cut real ones; anything
 * longer than this is not for a browser.
 */
export const MAX_MESSAGE = 1_000;

/**
 * The code and message of an upstream error body, and nothing else of it: RealtimeKit's `{ error: { code, message } }`
 * or Cloudflare's v4 `{ errors: [{ code, message }] }`. A message that is not a string, is longer than `MAX_MESSAGE`
 * or mentions a credential (`Bearer`, `Authorization`: an upstream echoing the request's headers) is left out, as is
 * a code that is not a whole number.
 */
function upstreamRefusal(status: number, body: unknown, retryAfter?: number): ProxyAnswer {
  const b = (body ?? {}) as { error?: unknown; errors?: unknown };
  const e = (typeof b === 'object' ? (b.error ?? (Array.isArray(b.errors) ? b.errors[0] : undefined)) : undefined) as
    | { code?: unknown; message?: unknown }
    | undefined;
  const code = Number.isSafeInteger(e?.code) ? (e?.code as number) : status;
  const message = e?.message;
  const readable =
    typeof message === 'string' && message !== '' && message.length <= MAX_MESSAGE && !CREDENTIAL.test(message);
  // a 429 or 503 says when to come back, as the API said it
  const headers = retryAfter === undefined ? undefined : { 'retry-after': String(retryAfter) };
  return errorAnswer(status, readable ? message : `RealtimeKit answered ${status}`, headers, code);
}
const CREDENTIAL = /bearer|authorization/i;

/**
 * Turns what the server-side client threw into an answer: an upstream error keeps its status, and of its body only the
 * error's code and message (upstreamRefusal: never the rest, which may quote the request and so the token), except a
 * refused API token (401, 403), which is the server's fault (502), and an answer under 400 that says `success: false`
 * (unreadable: 502); a failure to reach the API is a 502 or 504. Nothing of the request is in it.
 */
export function upstreamErrorAnswer(error: unknown): ProxyAnswer {
  const e = (error ?? {}) as ClientError;
  if (e.name !== 'RealtimeKitError') return errorAnswer(500, 'The proxy failed');
  // the client's http errors always carry the status
  if (e.kind === 'http') {
    const status = e.status as number;
    // the API token is the server's: a revoked or under-permitted one is the server's fault, not the browser's
    if (status === 401 || status === 403) {
      return errorAnswer(502, "RealtimeKit refused the server's API token: the proxy's configuration needs fixing");
    }
    // a 2xx with `success: false`: no browser can act on it, and the server should hear of it
    if (status < 400) return errorAnswer(502, `RealtimeKit answered ${status} with success: false`);
    // no browser or Response takes a status past 599 (undici's Response throws on one)
    if (status > 599) return errorAnswer(502, `RealtimeKit answered ${status}, which is no HTTP status`);
    return upstreamRefusal(status, e.body, e.retryAfter);
  }
  if (e.kind === 'timeout') return errorAnswer(504, 'RealtimeKit did not answer in time');
  if (e.kind === 'invalid_argument') return errorAnswer(400, e.message);
  if (e.kind === 'aborted') return errorAnswer(499, 'The request was aborted');
  // the server's rate budget is spent or the API blocked it: nothing was sent; the browser may come back later
  // (its message, which names the server's budget and the operation behind a join, is the server's: not passed on)
  if (e.kind === 'rate_limited') {
    const seconds = e.retryAfter ?? 60;
    return errorAnswer(429, `Too many requests: retry after ${seconds} s`, { 'retry-after': String(seconds) });
  }
  return errorAnswer(502, 'RealtimeKit could not be reached or answered something unreadable');
}
