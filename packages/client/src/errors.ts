/** What went wrong, in a word a program can switch on. */
export type RealtimeKitErrorKind =
  | 'http' // the API answered with an error status, or a 2xx with `success: false`
  | 'timeout' // an attempt took longer than `timeoutMs`
  | 'network' // the request could not be sent or its answer not read
  | 'aborted' // the caller's AbortSignal fired
  | 'invalid_response' // a 2xx whose body is not the JSON the API promises
  | 'invalid_argument'; // bad input, refused before anything was sent

export interface RealtimeKitErrorDetails {
  status?: number;
  code?: number | string;
  operationId?: string;
  method?: string;
  requestId?: string;
  retryAfter?: number;
  body?: unknown;
  cause?: unknown;
}

/** The one error class the client throws. It never carries the API token or a join token. */
export class RealtimeKitError extends Error {
  override name = 'RealtimeKitError';
  readonly kind: RealtimeKitErrorKind;
  /** HTTP status, for `http` errors. */
  declare readonly status?: number;
  /** `error.code` of a RealtimeKit error body, or `errors[0].code` of a Cloudflare v4 envelope. */
  declare readonly code?: number | string;
  declare readonly operationId?: string;
  declare readonly method?: string;
  /** The `cf-ray` header of the answer, to quote to Cloudflare support. */
  declare readonly requestId?: string;
  /** Seconds the server asked us to wait (`Retry-After`). */
  declare readonly retryAfter?: number;
  /** The parsed error body, or a short excerpt of a body that is not JSON. */
  declare readonly body?: unknown;

  constructor(kind: RealtimeKitErrorKind, message: string, { cause, ...details }: RealtimeKitErrorDetails = {}) {
    super(message, cause === undefined ? undefined : { cause });
    this.kind = kind;
    for (const key in details) {
      const value = details[key as keyof typeof details];
      if (value !== undefined) Object.assign(this, { [key]: value });
    }
  }
}

/**
 * Reads code and message from whichever error shape the body has: RealtimeKit's `{ error: { code, message } }`,
 * Cloudflare's v4 `{ errors: [{ code, message }] }`, or problem+json `{ title, detail }`. A body that is not
 * JSON becomes a one-line excerpt, so an HTML page from a gateway never turns into a parse crash.
 */
export function describeErrorBody(
  body: unknown,
  status: number,
): { message: string; code?: number | string; body?: unknown } {
  if (typeof body === 'object' && body) {
    type Shape = {
      error?: Shape;
      errors?: Shape[];
      message?: string;
      code?: number | string;
      detail?: string;
      title?: string;
    };
    const b = body as Shape;
    const e = b.error ?? b.errors?.[0] ?? b;
    return { message: e.message || b.detail || b.title || `HTTP ${status}`, code: e.code, body };
  }
  const excerpt = typeof body === 'string' ? body.replace(/\s+/g, ' ').trim().slice(0, 200) : '';
  return { message: `HTTP ${status}${excerpt ? `: ${excerpt}` : ' with an empty body'}`, body: excerpt || undefined };
}
