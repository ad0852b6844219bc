/**
 * How a handler refuses a request: it throws, and the fake answers in the API's envelope (`{ success: false, error:
 * { code, message } }`), checked against the spec like any answer. `body` replaces the envelope where the refusal
 * comes from Cloudflare's API gateway rather than RealtimeKit (a token it does not know: its v4 `errors` envelope).
 */
export class Refusal extends Error {
  override name = 'Refusal';
  constructor(
    readonly status: number,
    message: string,
    readonly body?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/** Throws a refusal: `refuse(404, 'No meeting found ...')`. */
export function refuse(status: number, message: string): never {
  throw new Refusal(status, message);
}

/** Cloudflare's v4 envelope, which its API gateway answers with before a request reaches RealtimeKit. */
export const gatewayBody = (code: number, message: string) => ({
  success: false,
  errors: [{ code, message }],
  messages: [],
  result: null,
});
