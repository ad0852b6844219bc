/** What went wrong, in a word a program can switch on. */
export type RealtimeKitErrorKind =
  | 'http' // the API answered with an error status, or a 2xx with `success: false`
  | 'timeout' // every attempt took longer than `timeoutMs`
  | 'network' // the request could not be sent or its answer not read
  | 'aborted' // the caller's AbortSignal fired
  | 'invalid_response' // a 2xx whose body is not the JSON the API promises
  | 'invalid_argument' // bad input or a setup mistake, refused before anything was sent
  | 'rate_limited'; // not sent: the client's rate budget is spent, or the API blocked it (see retryAt)

export interface RealtimeKitErrorDetails {
  status?: number;
  code?: number | string;
  operationId?: string;
  method?: string;
  requestId?: string;
  retryAfter?: number;
  retryAt?: Date;
  attempts?: number;
  body?: unknown;
  headers?: Headers;
  cause?: unknown;
}

/**
 * The one error class the client throws. Its message says what happened and where, `422 add_participant: body must
 * have required property 'preset_name'`; the same facts are fields. It never carries the API token or a join token:
 * the request is not kept, only the answer's status, headers and error body.
 */
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
  /** For `rate_limited`: when a call may be sent again. */
  declare readonly retryAt?: Date;
  /** How many attempts were made (retries included) before this error was thrown. */
  declare attempts?: number;
  /** The parsed error body, or a short excerpt of a body that is not JSON. */
  declare readonly body?: unknown;
  /** The answer's headers, for `http` errors (`sl-violations`, `cf-ray`, `retry-after`...). */
  declare readonly headers?: Headers;

  /** @param detail what happened, without the kind or operation: the message puts them in front. */
  constructor(kind: RealtimeKitErrorKind, detail: string, { cause, ...details }: RealtimeKitErrorDetails = {}) {
    super(
      `${details.status ?? kind}${details.operationId ? ` ${details.operationId}` : ''}: ${detail}`,
      cause === undefined ? undefined : { cause },
    );
    this.kind = kind;
    for (const key in details) {
      const value = details[key as keyof typeof details];
      if (value === undefined) continue;
      // the headers are read on purpose (error.headers, toJSON without set-cookie), never dumped by util.inspect
      if (key === 'headers') Object.defineProperty(this, key, { value, enumerable: false });
      else Object.assign(this, { [key]: value });
    }
  }

  /** The message and the fields, for logs and JSON: never the request, so never a token; no `set-cookie`. */
  toJSON() {
    const { headers, ...fields } = this;
    const shown = headers && Object.fromEntries([...headers].filter(([name]) => name !== 'set-cookie'));
    return { ...fields, name: this.name, message: this.message, headers: shown };
  }
}

/**
 * Reads code and message from whichever error shape the body has: RealtimeKit's `{ error: { code, message } }`,
 * Cloudflare's v4 `{ errors: [{ code, message }] }`, or problem+json `{ title, detail }` (no message when it has
 * none). A body that is not JSON becomes a one-line excerpt, so an HTML page from a gateway never turns into a
 * parse crash.
 */
export function describeErrorBody(body: unknown): { message?: string; code?: number | string; body?: unknown } {
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
    return { message: e.message || b.detail || b.title || undefined, code: e.code, body };
  }
  const excerpt = typeof body === 'string' ? body.replace(/\s+/g, ' ').trim().slice(0, 200) : '';
  return {
    message: excerpt ? `the answer is not JSON: ${excerpt}` : 'the answer is empty',
    body: excerpt || undefined,
  };
}
