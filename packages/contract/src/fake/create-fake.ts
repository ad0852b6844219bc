import { APP_PATH_PREFIX, type OperationId, operationTable } from '@realtimekit-meetings/core';
import { errorEnvelope, type Validate, validators } from '../generated/validators.gen';
import { type Answer, type Call, type Context, fail, handlers } from './handlers';
import { createRandom, randomSeed } from './random';
import { DEFAULT_LIMITS, emptyState, type FakeLimits } from './state';

export type { FakeLimits } from './state';

export interface RealtimeKitFakeOptions {
  /** Makes IDs and tokens repeat run to run (with `now`, timestamps too). Random when left out. */
  seed?: number;
  /** The fake's clock (default: the real one). */
  now?: () => Date;
  /** What it holds at most before it refuses a creation (defaults: 1,000 meetings, 1,000 participants a meeting). */
  limits?: FakeLimits;
  /**
   * The largest request body it reads, in bytes (default 1 MiB: every RealtimeKit body is a small JSON document; the
   * real API's own limit is not documented). A larger one is answered 413 and nothing is stored.
   */
  maxBodyBytes?: number;
  /**
   * The API token it accepts. Given, any other bearer is refused as Cloudflare refuses a bad token (403, code 10000
   * "Authentication error", in Cloudflare's v4 envelope); left out, any bearer is accepted.
   */
  apiToken?: string;
  /** The account the token belongs to. Given, a path under another account is refused like a bad token (403). */
  accountId?: string;
  /** The apps that exist. Given, a path under another app answers 404 (never an empty list). */
  appId?: string | readonly string[];
}

export interface StartSessionOptions {
  /** IDs of the meeting's participants who are in the session (default: every participant of the meeting). */
  participants?: string[];
}

/**
 * A stateful fake of the RealtimeKit Meetings API: what you create, you can get, list, change and delete, and every
 * request and every answer is checked against the effective spec. Web-standard, so it runs wherever `fetch` does:
 * `startMockServer({ stateful: true })` serves it over HTTP, `realtimeKitHandlers` (the `/msw` entry) in MSW.
 */
export interface RealtimeKitFake {
  /** Answers one request to `.../accounts/{account_id}/realtime/kit/{app_id}/meetings...` (any base URL before it). */
  fetch(request: Request): Promise<Response>;
  /** Forgets everything: for `beforeEach`. Keeps the seed's sequence going (reset does not replay IDs). */
  reset(): void;
  /**
   * Starts an active session in a meeting (replacing one already running), so the active-session calls (kick, mute,
   * poll) have something to act on. Kicking everyone leaves it running, empty.
   * Throws when the meeting or a participant is unknown.
   */
  startSession(meetingId: string, options?: StartSessionOptions): void;
}

const API_PATH = /\/accounts\/([^/]+)\/realtime\/kit\/([^/]+)(\/meetings(?:\/.*)?)$/;

interface Route {
  operationId: OperationId;
  method: string;
  segments: string[];
}
const routes: Route[] = Object.values(operationTable).map((op) => ({
  operationId: op.operationId,
  method: op.method,
  segments: op.path.slice(APP_PATH_PREFIX.length).split('/'),
}));

/** A path segment decoded, or undefined for a malformed escape (`%E0%A4%A`): that path is the API's no route. */
function decoded(part: string) {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

function route(method: string, below: string) {
  const parts = below.split('/');
  for (const r of routes) {
    if (r.method !== method || r.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = r.segments.every((segment, i) => {
      const part = parts[i] as string;
      if (!segment.startsWith('{')) return segment === part;
      const value = decoded(part);
      if (value === undefined || value === '') return false;
      params[segment.slice(1, -1)] = value;
      return true;
    });
    if (ok) return { operationId: r.operationId, params };
  }
  return undefined;
}

/** A query string's values read as the types the spec declares, so `page_no=2` is 2 and `page_no=x` stays "x". */
function readQuery(url: URL, types: Record<string, string>) {
  const query: Record<string, unknown> = {};
  for (const [name, raw] of url.searchParams) {
    const type = types[name];
    if (type === 'number' || type === 'integer') query[name] = raw.trim() !== '' && Number.isFinite(+raw) ? +raw : raw;
    else if (type === 'boolean') query[name] = raw === 'true' ? true : raw === 'false' ? false : raw;
    else query[name] = raw;
  }
  return query;
}

/** Ajv's first error as a sentence: `body must have required property 'preset_name'`, `query/status must be ...`. */
function describe(validate: Validate, where = 'request') {
  const error = validate.errors?.[0];
  if (!error) return `${where} is invalid`;
  const path = error.instancePath.replace(/^\//, '').replace(/^params\//, '') || where;
  const allowed = error.params.allowedValues as unknown[] | undefined;
  return `${path} ${error.message ?? 'is invalid'}${allowed ? `: ${allowed.map((v) => JSON.stringify(v)).join(', ')}` : ''}`;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const errorBody = (status: number, message: string) => ({ success: false, error: { code: status, message } });

/** The declared response for a status: exact, then its range (`4XX`), then `default`; undeclared errors use the
 * API's error envelope (the outside-core operations declare no 4xx, yet answer 404 like the rest). */
function responseValidator(operationId: OperationId, status: number): Validate | undefined {
  const declared = validators[operationId].responses;
  return declared[String(status)] ?? declared[`${String(status)[0]}XX`] ?? declared.default ?? errorEnvelope;
}

export function createRealtimeKitFake(options: RealtimeKitFakeOptions = {}): RealtimeKitFake {
  const clock = options.now ?? (() => new Date());
  const { maxBodyBytes = 1024 * 1024 } = options;
  const apps = options.appId === undefined ? undefined : [options.appId].flat();
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes <= 0) {
    throw new RangeError(`createRealtimeKitFake: maxBodyBytes must be a positive whole number, not ${maxBodyBytes}`);
  }
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 0) {
      throw new RangeError(`createRealtimeKitFake: limits.${name} must be a whole number of 0 or more, not ${value}`);
    }
  }
  if (options.seed !== undefined && !Number.isInteger(options.seed)) {
    throw new TypeError(`createRealtimeKitFake: seed must be a whole number, not ${options.seed}`);
  }
  const ctx: Context = {
    state: emptyState(),
    random: createRandom(options.seed ?? randomSeed()),
    now: () => clock().toISOString(),
    limits,
  };

  /**
   * Sends an answer only once it conforms to the spec: a fake that drifts from the spec fails loudly, with 500
   * (`conforms: false`, so that the caller puts the state back as it was before the request).
   */
  function answer(operationId: OperationId, answer: Answer): { response: Response; conforms: boolean } {
    const body =
      'error' in answer
        ? errorBody(answer.status, answer.error)
        : { success: true, data: answer.data, ...(answer.paging ? { paging: answer.paging } : {}) };
    const check = responseValidator(operationId, answer.status);
    if (check && !check(body)) {
      const problem = describe(check, 'response');
      const response = json(
        500,
        errorBody(
          500,
          `RealtimeKit fake: its own ${answer.status} answer to ${operationId} breaks the spec (${problem}); this is a bug in the fake, please report it`,
        ),
      );
      return { response, conforms: false };
    }
    return { response: json(answer.status, body), conforms: true };
  }
  const reply = (operationId: OperationId, refusal: Answer) => answer(operationId, refusal).response;

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const match = API_PATH.exec(url.pathname);
    const found = match && route(request.method, match[3] as string);
    if (!match || !found) return json(404, errorBody(404, `No route for the URI: ${request.method} ${url.pathname}`));
    const { operationId, params } = found;
    const bearer = /^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
    if (!bearer) {
      return reply(
        operationId,
        fail(401, 'Authentication error: send the API token as "Authorization: Bearer <token>"'),
      );
    }
    const accountId = decoded(match[1] as string);
    const appId = decoded(match[2] as string);
    if (accountId === undefined || appId === undefined) {
      return reply(operationId, fail(400, 'the account or app ID in the path is not a well-formed percent-encoding'));
    }
    // Cloudflare's gateway answers these before RealtimeKit sees the request, in its own v4 envelope
    if (
      (options.apiToken !== undefined && bearer !== options.apiToken) ||
      (options.accountId !== undefined && accountId !== options.accountId)
    ) {
      return json(403, {
        success: false,
        errors: [{ code: 10000, message: 'Authentication error' }],
        messages: [],
        result: null,
      });
    }
    if (apps && !apps.includes(appId)) {
      return reply(operationId, fail(404, `No app ${appId} in this account: create it, or check REALTIMEKIT_APP_ID`));
    }
    const spec = validators[operationId];
    let body: unknown;
    if (Number(request.headers.get('content-length')) > maxBodyBytes) {
      return reply(operationId, fail(413, `the body is larger than ${maxBodyBytes} bytes`));
    }
    const text = operationTable[operationId].hasBody ? await request.text() : '';
    if (text.length > maxBodyBytes)
      return reply(operationId, fail(413, `the body is larger than ${maxBodyBytes} bytes`));
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        return reply(operationId, fail(400, 'body is not valid JSON'));
      }
    }
    const input = { params, query: readQuery(url, spec.query), ...(body === undefined ? {} : { body }) };
    if (!spec.request(input)) return reply(operationId, fail(400, describe(spec.request)));
    // a client writes the fields the spec declares for this request, nothing else: never an ID, a timestamp or a token
    const written: Record<string, unknown> = {};
    const ignored: string[] = [];
    for (const [name, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
      if (spec.fields.includes(name)) written[name] = value;
      else ignored.push(name);
    }
    const call: Call = { accountId, appId, params, query: input.query, body: written };
    // a write whose answer breaks the spec leaves nothing behind: the state is put back as it was
    const before = request.method === 'GET' ? undefined : structuredClone(ctx.state);
    const { response, conforms } = answer(operationId, handlers[operationId](ctx, call));
    if (!conforms && before) ctx.state = before;
    // the spec allows properties it does not declare; the real API's handling of them is unknown: the fake ignores
    // them and says which, so a misspelt field shows up in a test instead of being stored as given
    if (ignored.length > 0) response.headers.set('x-realtimekit-fake-ignored', ignored.join(', '));
    return response;
  }

  return {
    async fetch(request) {
      try {
        return await handle(request);
      } catch (error) {
        return json(500, errorBody(500, `RealtimeKit fake: ${(error as Error)?.message ?? error}`));
      }
    },
    reset() {
      ctx.state = emptyState();
    },
    startSession(meetingId, { participants } = {}) {
      const stored = ctx.state.meetings.get(meetingId);
      if (!stored) throw new Error(`startSession: no meeting ${meetingId} (create it through the API first)`);
      const joined = new Map();
      for (const id of participants ?? [...stored.participants.keys()]) {
        const participant = stored.participants.get(id);
        if (!participant) throw new Error(`startSession: meeting ${meetingId} has no participant ${id}`);
        joined.set(id, participant);
      }
      const now = ctx.now();
      stored.session = {
        id: ctx.random.uuid(),
        started_at: now,
        updated_at: now,
        participants: joined,
        maxConcurrent: joined.size,
      };
    },
  };
}
