import { APP_PATH_PREFIX, createRouter, operationTable } from '@realtimekit-meetings/core';
import { validators } from '../generated/validators.gen';
import { endSession, joinParticipant, leaveParticipant, startSession } from './active-session';
import { ingest } from './app-livestreams';
import type { Call, Context } from './context';
import type { EventScope, FakeEvent } from './events';
import { type FakeAnswer, type FakeRequest, webFakeRequest, webResponse } from './fake-request';
import { handlers } from './handlers';
import { newLivestream } from './livestreams';
import { createRandom, randomSeed } from './random';
import { RECORDING_RATE_LIMIT } from './recordings';
import { gatewayBody, Refusal } from './refusal';
import { describe, json, refused, respond } from './respond';
import { DEFAULT_LIMITS, DEFAULT_PRESETS, emptyState, type FakeLimits } from './state';
import {
  checkDeliveryOptions,
  createWebhookSender,
  subscribers,
  type WebhookDelivery,
  type WebhookDeliveryOptions,
} from './webhook-sender';
import { createWebhookSigningKey } from './webhook-signing-key';

export type { FakeLimits } from './state';
export { DEFAULT_PRESETS } from './state';

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
  /** The only API token it accepts: another bearer is refused as Cloudflare refuses it (401). Any, when left out. */
  apiToken?: string;
  /** The only account it serves: another is refused (403). Any, when left out. */
  accountId?: string;
  /** The only app it serves: another is unknown (404). Any, when left out. */
  appId?: string;
  /** Presets every app has besides RealtimeKit's defaults ({@link DEFAULT_PRESETS}). */
  presets?: string[];
  /**
   * Cloudflare's API rate limit, on the fake's clock: past `requests` in a window of `windowSeconds` (the real API:
   * 1,200 in 300 s), a request is answered 429 with `Retry-After`, and every answer carries `Ratelimit` and
   * `Ratelimit-Policy` as Cloudflare's API sends them. Off when left out.
   */
  rateLimit?: { requests: number; windowSeconds: number };
  /**
   * The recording APIs' own limit, on the fake's clock: past `requests` calls to them in `windowSeconds`, a call is
   * answered 429 with `Retry-After`. Default: Cloudflare's, 1,000 in 50 s
   * (developers.cloudflare.com/realtime/realtimekit/limits/); `false` turns it off.
   */
  recordingRateLimit?: { requests: number; windowSeconds: number } | false;
  /**
   * Called with each webhook event the fake's state changes produce (a session starts, a participant joins, a
   * recording changes status...), once the change is committed, whether or not a webhook is subscribed to it.
   */
  onEvent?: (scope: EventScope, event: FakeEvent) => void;
  /**
   * How events reach the registered webhooks: the `fetch` that POSTs them, the `retryDelays` of a 5xx or network
   * error, the `timeoutMs` of an attempt ({@link WebhookDeliveryOptions}).
   */
  webhookDelivery?: WebhookDeliveryOptions;
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
  /**
   * Answers one request to `.../accounts/{account_id}/realtime/kit/{app_id}/...` (any base URL before it),
   * and to the fake's control routes, `POST .../__fake/sessions` and `POST .../__fake/livestreams` (`{ meeting_id }`
   * starts a meeting's livestream; `{ livestream_id, live }` connects or disconnects an independent one's encoder).
   */
  fetch(request: Request): Promise<Response>;
  /** Forgets everything: for `beforeEach`. Keeps the seed's sequence going (reset does not replay IDs). */
  reset(): void;
  /**
   * The PEM public key (SPKI) this fake signs its webhooks with, made on first use: pass it to
   * `verifyWebhook(raw, headers, { publicKey })`. Also served at `GET {base}/.well-known/webhooks.json` in Cloudflare's
   * shape, for a receiver whose `keyUrl` points at the fake.
   */
  webhookPublicKey(): Promise<string>;
  /** Every webhook delivery so far (the latest 1,000), oldest first: pending ones too. */
  webhookDeliveries(): WebhookDelivery[];
  /** Waits until no webhook delivery is pending (retries included), then answers {@link webhookDeliveries}. */
  settled(): Promise<WebhookDelivery[]>;
  /**
   * Starts an active session in a meeting (replacing one already running), so the active-session calls (kick, mute,
   * poll) have something to act on. Kicking everyone leaves it running, empty.
   * Throws when the meeting or a participant is unknown.
   */
  startSession(meetingId: string, options?: StartSessionOptions): void;
  /** A participant of the meeting joins it (a new peer), starting its session if none is live. */
  joinParticipant(meetingId: string, participantId: string): JoinedParticipant;
  /** A participant leaves the live session; when the last one leaves, the session ends (`ALL_PARTICIPANTS_LEFT`). */
  leaveParticipant(meetingId: string, participantId: string): void;
  /** The host ends the live session: everyone leaves, and it ends (`HOST_ENDED_MEETING`), kept as history. */
  endSession(meetingId: string): void;
  /**
   * Connects (`live`, the default) or disconnects the encoder of an independent livestream (`POST /livestreams`), as
   * an RTMP encoder would: it goes LIVE (a new session when it was IDLE) or IDLE, announced as
   * `livestreaming.statusUpdate`. Throws when the livestream is unknown or already in that state.
   */
  ingestLivestream(livestreamId: string, live?: boolean): void;
}

/** Who joined, as which peer, in which session. */
export interface JoinedParticipant {
  session_id: string;
  meeting_id: string;
  participant_id: string;
  peer_id: string;
}

/** The header on every answer of the fake: what tells a contract run it may start sessions on the control routes. */
export const FAKE_HEADER = 'x-realtimekit-fake';
/**
 * Where the control routes are, below any base URL: `POST {base}/__fake/sessions` (and `/sessions/join`,
 * `/sessions/leave`, `/sessions/end`), `POST {base}/__fake/livestreams`.
 */
export const CONTROL_PATH = '/__fake';
/** The header that names the body properties the spec does not declare, which the fake ignored. */
export const IGNORED_HEADER = 'x-realtimekit-fake-ignored';
/** Where the fake publishes its webhook key below any base URL, as Cloudflare does at api.realtime.cloudflare.com. */
export const WEBHOOK_KEY_PATH = '/.well-known/webhooks.json';

/**
 * Any path below RealtimeKit's prefix (an app's resources, or the account's `apps`): which of them is an operation
 * is the route table's answer, not a resource root's.
 */
const API_PATH = /\/accounts\/([^/]+)\/realtime\/kit(\/.*)$/;
/** The prefix of every operation's path, the app's (`/{app_id}/…`) and the account's (`/apps`). */
const KIT_PREFIX = APP_PATH_PREFIX.slice(0, -'/{app_id}'.length);
const CONTROL = /\/__fake\/(sessions(?:\/(?:join|leave|end))?|livestreams)$/;

/** Every operation's route below RealtimeKit's prefix, from core's one route table (the proxy's too). */
const matchKit = createRouter(KIT_PREFIX);

/** A path segment decoded, or undefined for a malformed escape (`%E0%A4%A`): that path is the API's no route. */
function decoded(part: string) {
  if (!part.includes('%')) return part; // nothing to decode: most IDs
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/**
 * The operation a method and a path below RealtimeKit's prefix (`/{app_id}/recordings/track`, `/apps`) name, with its
 * path IDs: the method and the literal segments both decide (the most literal template of that method wins), so
 * `POST recordings/track` is the track recording and never the recording "track". Exported for its tests.
 */
export function route(method: string, below: string) {
  const match = matchKit(method, below);
  if (match.kind !== 'found') return undefined;
  const params: Record<string, string> = {};
  for (const [name, raw] of Object.entries(match.params)) {
    // the app's ID as it came: a malformed escape in it is refused by name, by the caller
    const value = name === 'app_id' ? raw : decoded(raw);
    if (value === undefined || value === '') return undefined;
    params[name] = value;
  }
  return { operationId: match.operation.operationId, params };
}

/**
 * A query string's values read as the types the spec declares, so `page_no=2` is 2 and `page_no=x` stays "x"; an
 * array's values whether repeated (`status=A&status=B`, how clients send them) or comma-separated (`status=A,B`, the
 * spec's `explode: false`).
 */
function readQuery(url: URL, types: Record<string, string>) {
  const query: Record<string, unknown> = {};
  if (url.search === '') return query; // no URLSearchParams made for a request without a query
  for (const [name, raw] of url.searchParams) {
    const type = types[name];
    if (type === 'array') query[name] = [...((query[name] as string[] | undefined) ?? []), ...raw.split(',')];
    else if (type === 'number' || type === 'integer')
      query[name] = raw.trim() !== '' && Number.isFinite(+raw) ? +raw : raw;
    else if (type === 'boolean') query[name] = raw === 'true' ? true : raw === 'false' ? false : raw;
    else query[name] = raw;
  }
  return query;
}

/** Runs a control method: a refusal becomes a plain Error with its message, for a test to read. */
function thrown<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw error instanceof Refusal ? new Error(error.message) : error;
  }
}

const tooLarge = (max: number) =>
  `The request body is over ${max} bytes (limits.bodyBytes): the API's bodies are small JSON documents`;

const validRate = (rate: unknown) => {
  const { requests, windowSeconds } = (rate ?? {}) as { requests?: unknown; windowSeconds?: unknown };
  return (
    Number.isInteger(requests) && (requests as number) > 0 && typeof windowSeconds === 'number' && windowSeconds > 0
  );
};

function checkOptions(options: RealtimeKitFakeOptions, limits: Required<FakeLimits>) {
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 0) {
      throw new RangeError(`createRealtimeKitFake: limits.${name} must be a whole number of 0 or more, not ${value}`);
    }
  }
  if (options.seed !== undefined && !Number.isInteger(options.seed)) {
    throw new TypeError(`createRealtimeKitFake: seed must be a whole number, not ${options.seed}`);
  }
  for (const name of ['apiToken', 'accountId', 'appId'] as const) {
    const value = options[name];
    if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) {
      // the token's value is never echoed
      throw new TypeError(`createRealtimeKitFake: ${name} must be a non-empty string when given`);
    }
  }
  for (const name of ['rateLimit', 'recordingRateLimit'] as const) {
    const rate = options[name];
    if (rate !== undefined && !(name === 'recordingRateLimit' && rate === false) && !validRate(rate)) {
      throw new RangeError(
        `createRealtimeKitFake: ${name} needs requests (a whole number over 0) and windowSeconds over 0${name === 'recordingRateLimit' ? ', or false' : ''}`,
      );
    }
  }
  if (options.presets !== undefined && !options.presets.every((p) => typeof p === 'string' && p !== '')) {
    throw new TypeError('createRealtimeKitFake: presets must be a list of preset names');
  }
}

export function createRealtimeKitFake(options: RealtimeKitFakeOptions = {}): RealtimeKitFake {
  const clock = options.now ?? (() => new Date());
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  checkOptions(options, limits);
  checkDeliveryOptions(options.webhookDelivery ?? {});
  const key = createWebhookSigningKey();
  // rtk-uuid from the seeded sequence, so a seeded run repeats its delivery IDs too
  const sender = createWebhookSender(key, () => ctx.random.uuid(), options.webhookDelivery);
  const ctx: Context = {
    state: emptyState(),
    random: createRandom(options.seed ?? randomSeed()),
    now: () => clock().toISOString(),
    limits,
    presets: [...new Set([...DEFAULT_PRESETS, ...(options.presets ?? [])])],
    recordingRateLimit:
      options.recordingRateLimit === false ? undefined : (options.recordingRateLimit ?? RECORDING_RATE_LIMIT),
    // No webhook delivery yet: the sender wraps this.
    emit: (scope, event) => options.onEvent?.(scope, event),
  };
  // delivery first, so an onEvent that throws cannot keep an event from the webhooks
  const onEvent = ctx.emit;
  ctx.emit = (scope, event) => {
    sender.send(subscribers(ctx.state.webhooks.values(), scope, event.event), event);
    onEvent(scope, event);
  };

  /** Refuses what the API's gateway and RealtimeKit refuse before an operation runs: token, account, app. */
  /** `appId` is '' for the account's own operations, which are in no app. */
  function admit(request: FakeRequest, accountId: string, appId: string) {
    const bearer = /^Bearer (\S+)$/.exec(request.header('authorization') ?? '')?.[1];
    if (!bearer) {
      throw new Refusal(401, 'Authentication error: send the API token as "Authorization: Bearer <token>"');
    }
    if (options.apiToken !== undefined && bearer !== options.apiToken) {
      throw new Refusal(401, 'Authentication error', gatewayBody(10000, 'Authentication error'));
    }
    if (options.accountId !== undefined && accountId !== options.accountId) {
      throw new Refusal(403, 'Authentication error', gatewayBody(10000, 'Authentication error'));
    }
    if (appId !== '' && options.appId !== undefined && appId !== options.appId) {
      throw new Refusal(404, `No app found with id ${appId} in account ${accountId}`);
    }
  }

  /** The rate limit's fixed window: when it started (ms on the fake's clock) and the requests in it. */
  let window = { start: 0, used: 0 };
  /** Counts a request against the rate limit: its headers, and a 429 refusal once the window is spent. */
  function limited(): { headers: Record<string, string>; refusal?: Refusal } {
    if (!options.rateLimit) return { headers: {} };
    const { requests, windowSeconds } = options.rateLimit;
    const now = clock().getTime();
    if (now - window.start >= windowSeconds * 1000) window = { start: now, used: 0 };
    window.used++;
    const reset = Math.max(1, Math.ceil((window.start + windowSeconds * 1000 - now) / 1000));
    const headers = {
      ratelimit: `"default";r=${Math.max(0, requests - window.used)};t=${reset}`,
      'ratelimit-policy': `"default";q=${requests};w=${windowSeconds}`,
    };
    if (window.used <= requests) return { headers };
    const message = `More than ${requests} requests per ${windowSeconds} seconds reached. Please wait and consider throttling your request speed`;
    const refusal = new Refusal(429, message, gatewayBody(10100, message), {
      ...headers,
      'retry-after': String(reset),
    });
    return { headers, refusal };
  }

  async function control(request: FakeRequest, what: string): Promise<FakeAnswer> {
    if (request.method !== 'POST') return refused(405, `Use POST for ${CONTROL_PATH}/${what}`);
    const text = await request.text(limits.bodyBytes);
    if (text === undefined) return refused(413, tooLarge(limits.bodyBytes));
    let body: {
      meeting_id?: unknown;
      participants?: unknown;
      name?: unknown;
      participant_id?: unknown;
      livestream_id?: unknown;
      live?: unknown;
    };
    try {
      body = JSON.parse(text || '{}');
    } catch {
      return refused(400, 'body is not valid JSON');
    }
    if (what === 'livestreams' && body.livestream_id !== undefined) {
      if (typeof body.livestream_id !== 'string' || (body.live !== undefined && typeof body.live !== 'boolean')) {
        return refused(400, 'body must be {"livestream_id": "...", "live": true | false}');
      }
      try {
        return json(200, { success: true, data: ingest(ctx, body.livestream_id, body.live !== false) });
      } catch (error) {
        if (error instanceof Refusal) return refused(error.status, error.message);
        throw error;
      }
    }
    const meetingId = body.meeting_id;
    if (typeof meetingId !== 'string') return refused(400, `body must have a meeting_id: {"meeting_id": "..."}`);
    const participants = body.participants;
    if (
      participants !== undefined &&
      !(Array.isArray(participants) && participants.every((p) => typeof p === 'string'))
    ) {
      return refused(400, 'participants must be a list of participant IDs');
    }
    const participantId = body.participant_id;
    if (/join|leave/.test(what) && typeof participantId !== 'string') {
      return refused(400, `body must have a participant_id: {"meeting_id": "...", "participant_id": "..."}`);
    }
    try {
      if (what === 'sessions') return json(201, { success: true, data: startSession(ctx, meetingId, participants) });
      if (what === 'sessions/join') {
        return json(201, { success: true, data: joinParticipant(ctx, meetingId, participantId as string) });
      }
      if (what === 'sessions/leave') {
        return json(200, { success: true, data: leaveParticipant(ctx, meetingId, participantId as string) });
      }
      if (what === 'sessions/end') return json(200, { success: true, data: endSession(ctx, meetingId) });
      const stored = ctx.state.meetings.get(meetingId);
      if (!stored) return refused(404, `No meeting ${meetingId} (create it through the API first)`);
      const { livestream, commit } = newLivestream(ctx, stored, body.name);
      commit();
      return json(201, { success: true, data: livestream });
    } catch (error) {
      if (error instanceof Refusal) return refused(error.status, error.message);
      throw error;
    }
  }

  async function handle(request: FakeRequest, rateHeaders: Record<string, string>): Promise<FakeAnswer> {
    const { url } = request;
    const match = API_PATH.exec(url.pathname);
    const found = match && route(request.method, match[2] as string);
    if (!match || !found) {
      // a base URL may hold an account and an app, so the control routes are looked for where no operation is
      const controlRoute = CONTROL.exec(url.pathname);
      if (controlRoute) return control(request, controlRoute[1] as string);
      if (url.pathname.endsWith(WEBHOOK_KEY_PATH) && request.method === 'GET') {
        return json(200, { success: true, data: { publicKey: await key.publicKeyPem() }, message: '' });
      }
      return refused(404, `No route for the URI: ${request.method} ${url.pathname}`);
    }
    const { operationId, params } = found;
    const accountId = decoded(match[1] as string);
    // the app the call is in: none for the account's own list and create (`/apps`)
    const appId = params.app_id === undefined ? '' : decoded(params.app_id);
    const inApp = operationTable[operationId].path.startsWith(APP_PATH_PREFIX);
    if (appId !== undefined && params.app_id !== undefined) {
      if (inApp) delete params.app_id;
      else params.app_id = appId;
    }
    if (accountId === undefined || appId === undefined) {
      const which = accountId === undefined ? 'account' : 'app';
      return refused(
        400,
        `The ${which} ID in ${url.pathname} has a malformed percent escape: encode it as a URL path segment`,
      );
    }
    const rated = limited();
    Object.assign(rateHeaders, rated.headers);
    if (rated.refusal) return respond(operationId, rated.refusal);
    try {
      // the account's own operations (`apps`) are in no app: the gateway checks token and account only
      admit(request, accountId, inApp ? appId : '');
    } catch (refusal) {
      return respond(operationId, refusal as Refusal);
    }
    const handler = handlers[operationId];
    if (!handler) {
      const { method, path } = operationTable[operationId];
      return refused(
        501,
        `The RealtimeKit fake does not implement ${operationId} (${method} ${path}) yet: test it against Prism (startMockServer()), or add it to the fake`,
      );
    }
    const spec = validators[operationId];
    let body: unknown;
    const text = operationTable[operationId].hasBody ? await request.text(limits.bodyBytes) : '';
    if (text === undefined) return respond(operationId, new Refusal(413, tooLarge(limits.bodyBytes)));
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        return respond(operationId, new Refusal(400, 'body is not valid JSON'));
      }
    }
    const input = { params, query: readQuery(url, spec.query), ...(body === undefined ? {} : { body }) };
    if (!spec.request(input)) return respond(operationId, new Refusal(400, describe(spec.request)));
    // properties the spec does not declare: refused where it forbids them, else ignored and named in a header
    const writable = spec.body?.writable ?? [];
    const undeclared =
      body && typeof body === 'object' && !Array.isArray(body)
        ? Object.keys(body).filter((k) => !writable.includes(k))
        : [];
    if (undeclared.length > 0 && spec.body?.others === false) {
      return respond(
        operationId,
        new Refusal(400, `body must NOT have additional properties: ${undeclared.join(', ')}`),
      );
    }
    const call: Call = { accountId, appId, params, query: input.query, body: (body ?? {}) as Record<string, unknown> };
    let response: FakeAnswer;
    try {
      response = respond(operationId, handler(ctx, call));
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      response = respond(operationId, error);
    }
    if (undeclared.length > 0) response.headers[IGNORED_HEADER] = undeclared.join(', ');
    return response;
  }

  /** The core both the web handler and the node:http server call: one request in, one answer out. */
  async function answer(request: FakeRequest): Promise<FakeAnswer> {
    let response: FakeAnswer;
    const rateHeaders: Record<string, string> = {};
    try {
      response = await handle(request, rateHeaders);
    } catch (error) {
      response = refused(500, `RealtimeKit fake: ${(error as Error)?.message ?? error}`);
    }
    response.headers[FAKE_HEADER] = CONTROL_PATH;
    Object.assign(response.headers, rateHeaders);
    return response;
  }

  const settled = () => sender.settled();
  contexts.set(settled, ctx);
  const fake: RealtimeKitFake = {
    webhookPublicKey: () => key.publicKeyPem(),
    webhookDeliveries: () => sender.deliveries(),
    settled,
    fetch: async (request) => webResponse(await answer(webFakeRequest(request))),
    reset() {
      ctx.state = emptyState();
      window = { start: 0, used: 0 };
      sender.reset();
    },
    startSession(meetingId, { participants } = {}) {
      thrown(() => startSession(ctx, meetingId, participants));
    },
    joinParticipant: (meetingId, participantId) => thrown(() => joinParticipant(ctx, meetingId, participantId)),
    leaveParticipant(meetingId, participantId) {
      thrown(() => leaveParticipant(ctx, meetingId, participantId));
    },
    endSession(meetingId) {
      thrown(() => endSession(ctx, meetingId));
    },
    ingestLivestream(livestreamId, live = true) {
      try {
        ingest(ctx, livestreamId, live);
      } catch (error) {
        throw error instanceof Refusal ? new Error(error.message) : error;
      }
    },
  };
  cores.set(fake, answer);
  return fake;
}

/** Each fake's core, for the node:http server ({@link fakeCore}). */
const cores = new WeakMap<RealtimeKitFake, (request: FakeRequest) => Promise<FakeAnswer>>();
/**
 * @internal The core of a fake made by {@link createRealtimeKitFake}, which the node:http server calls with what it
 * reads from an `IncomingMessage` (no web `Request` or `Response` made per request). Not exported from the package.
 */
export function fakeCore(fake: RealtimeKitFake): (request: FakeRequest) => Promise<FakeAnswer> {
  const core = cores.get(fake);
  if (!core) throw new TypeError('fakeCore: not a fake made by createRealtimeKitFake');
  return core;
}

/** Each fake's context, under its `settled` (a function of its own), for {@link internalContext}. */
const contexts = new WeakMap<RealtimeKitFake['settled'], Context>();
/**
 * @internal For this package's tests: the fake's context, to emit an event as a state change would
 * (`internalContext(fake).emit(scope, event)`). Not exported from the package.
 */
export function internalContext(fake: RealtimeKitFake): Context {
  const ctx = contexts.get(fake.settled);
  if (!ctx) throw new TypeError('internalContext: not a fake made by createRealtimeKitFake');
  return ctx;
}
