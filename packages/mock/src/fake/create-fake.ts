import { APP_PATH_PREFIX, type OperationId, operationTable } from '@realtimekit-meetings/core';
import { validators } from '../generated/validators.gen';
import { type Call, type Context, fail, handlers } from './handlers';
import { createRandom, randomSeed } from './random';
import { describe, errorBody, json, refuse, respond } from './respond';
import { DEFAULT_LIMITS, emptyState, type FakeLimits } from './state';

export type { FakeLimits } from './state';

export interface RealtimeKitFakeOptions {
  /** Makes IDs and tokens repeat run to run (with `now`, timestamps too). Random when left out. */
  seed?: number;
  /** The fake's clock (default: the real one). */
  now?: () => Date;
  /**
   * What it holds at most before it refuses a creation (defaults: 1,000 meetings, 1,000 participants a meeting), and
   * the largest request body it reads (default 1 MiB; larger gets 413).
   */
  limits?: FakeLimits;
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

/**
 * The body as text, or undefined when it is over `max` bytes: read chunk by chunk, so a body far over the cap is never
 * held whole (a `content-length` over it is refused before reading).
 */
async function readText(request: Request, max: number): Promise<string | undefined> {
  if (Number(request.headers.get('content-length') ?? 0) > max) return undefined;
  if (!request.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(whole);
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

export function createRealtimeKitFake(options: RealtimeKitFakeOptions = {}): RealtimeKitFake {
  const clock = options.now ?? (() => new Date());
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

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const match = API_PATH.exec(url.pathname);
    const found = match && route(request.method, match[3] as string);
    if (!match || !found) return refuse(404, `No route for the URI: ${request.method} ${url.pathname}`);
    const { operationId, params } = found;
    const accountId = decoded(match[1] as string);
    const appId = decoded(match[2] as string);
    if (accountId === undefined || appId === undefined) {
      const which = accountId === undefined ? 'account' : 'app';
      return refuse(
        400,
        `The ${which} ID in ${url.pathname} has a malformed percent escape: encode it as a URL path segment`,
      );
    }
    if (!/^Bearer \S+/.test(request.headers.get('authorization') ?? '')) {
      return respond(
        operationId,
        fail(401, 'Authentication error: send the API token as "Authorization: Bearer <token>"'),
      );
    }
    const spec = validators[operationId];
    let body: unknown;
    const text = operationTable[operationId].hasBody ? await readText(request, limits.bodyBytes) : '';
    if (text === undefined) {
      return respond(
        operationId,
        fail(
          413,
          `The request body is over ${limits.bodyBytes} bytes (limits.bodyBytes): the API's bodies are small JSON documents`,
        ),
      );
    }
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        return respond(operationId, fail(400, 'body is not valid JSON'));
      }
    }
    const input = { params, query: readQuery(url, spec.query), ...(body === undefined ? {} : { body }) };
    if (!spec.request(input)) return respond(operationId, fail(400, describe(spec.request)));
    const call: Call = { accountId, appId, params, query: input.query, body: (body ?? {}) as Record<string, unknown> };
    return respond(operationId, handlers[operationId](ctx, call));
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
