import { APP_PATH_PREFIX, operationTable } from '@realtimekit-meetings/core';
import { validators } from '../generated/validators.gen';
import { endSession, joinParticipant, leaveParticipant, startSession } from './active-session';
import { admit } from './admit';
import { ingest } from './app-livestreams';
import { inAccount } from './apps';
import { checkOptions } from './check-options';
import type { Call, Context } from './context';
import { CONTROL_PATH, controlRoute, controlRouteOf } from './control-route';
import type { EventScope, FakeEvent } from './events';
import { FAKE_CORE } from './fake-core';
import { type FakeAnswer, type FakeRequest, webFakeRequest, webResponse } from './fake-request';
import { handlers } from './handlers';
import { refusalWithIgnored, undeclaredProperties } from './ignored-properties';
import { API_PATH, decoded, readQuery, route } from './operation-route';
import { createRandom, randomSeed } from './random';
import { createRateLimit } from './rate-limit';
import { RECORDING_RATE_LIMIT } from './recordings';
import { Refusal } from './refusal';
import { refused, respond, tooLarge } from './respond';
import { DEFAULT_LIMITS, DEFAULT_PRESETS, emptyState, type FakeLimits } from './state';
import { checkDeliveryOptions, type WebhookDelivery, type WebhookDeliveryOptions } from './webhook-sender';
import { WEBHOOK_KEY_PATH, wireWebhooks } from './wire-webhooks';

export type { FakeLimits } from './state';
export { DEFAULT_PRESETS } from './state';
// where the control routes and the webhook key are, and the operation router (exported for its tests)
export { CONTROL_PATH, route, WEBHOOK_KEY_PATH };

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
  /**
   * The only app it serves besides those created in it (`create_app`): another is unknown (404). `GET /apps` lists it
   * (named `app`, created when the fake was). Any, when left out.
   */
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
   * Ends the webhook deliveries and sends no more, so nothing the fake started keeps running (the mock server's
   * `close()` calls it): in-flight attempts are aborted, retries dropped, and each pending delivery, like each event
   * after, is logged as failed with `why`. Its state and the log stay; `reset()` starts delivering again.
   */
  stopDeliveries(why?: string): void;
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
/** The header that names the body properties the spec does not declare, which the fake ignored. */
export const IGNORED_HEADER = 'x-realtimekit-fake-ignored';

/** Runs a control method: a refusal becomes a plain Error with its message, for a test to read. */
function thrown<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw error instanceof Refusal ? new Error(error.message) : error;
  }
}

export function createRealtimeKitFake(options: RealtimeKitFakeOptions = {}): RealtimeKitFake {
  const clock = options.now ?? (() => new Date());
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  checkOptions(options, limits);
  checkDeliveryOptions(options.webhookDelivery ?? {});
  const ctx: Context = {
    state: emptyState(),
    random: createRandom(options.seed ?? randomSeed()),
    now: () => clock().toISOString(),
    limits,
    presets: [...new Set([...DEFAULT_PRESETS, ...(options.presets ?? [])])],
    ...(options.appId === undefined
      ? {}
      : { app: { id: options.appId, accountId: options.accountId, createdAt: clock().toISOString() } }),
    recordingRateLimit:
      options.recordingRateLimit === false ? undefined : (options.recordingRateLimit ?? RECORDING_RATE_LIMIT),
    // No webhook delivery yet: wireWebhooks wraps this.
    emit: (scope, event) => options.onEvent?.(scope, event),
  };
  const webhooks = wireWebhooks(ctx, options.webhookDelivery);
  const rateLimit = createRateLimit(options.rateLimit, clock);

  async function handle(request: FakeRequest, rateHeaders: Record<string, string>): Promise<FakeAnswer> {
    const { url } = request;
    const match = API_PATH.exec(url.pathname);
    const found = match && route(request.method, match[2] as string);
    if (!match || !found) {
      // a base URL may hold an account and an app, so the control routes are looked for where no operation is
      const control = controlRouteOf(url.pathname);
      if (control) return controlRoute(ctx, request, control);
      if (url.pathname.endsWith(WEBHOOK_KEY_PATH) && request.method === 'GET') return webhooks.keyAnswer();
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
    const rated = rateLimit.count();
    Object.assign(rateHeaders, rated.headers);
    if (rated.refusal) return respond(operationId, rated.refusal);
    try {
      // the account's own operations (`apps`) are in no app: the gateway checks token and account only
      admit(request, accountId, inApp ? appId : '', options, (account, app) => inAccount(ctx, account, app));
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
    // properties the spec does not declare: refused where it forbids them, else ignored and named in a header
    const undeclared = undeclaredProperties(body, spec.body?.writable ?? []);
    const input = { params, query: readQuery(url, spec.query), ...(body === undefined ? {} : { body }) };
    if (!spec.request(input)) {
      const refusal = respond(operationId, new Refusal(400, refusalWithIgnored(spec.request, undeclared)));
      if (undeclared.length > 0) refusal.headers[IGNORED_HEADER] = undeclared.join(', ');
      return refusal;
    }
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

  const settled = () => webhooks.sender.settled();
  contexts.set(settled, ctx);
  const fake: RealtimeKitFake = {
    webhookPublicKey: () => webhooks.key.publicKeyPem(),
    webhookDeliveries: () => webhooks.sender.deliveries(),
    settled,
    stopDeliveries(why = 'webhook deliveries were stopped (fake.stopDeliveries())') {
      webhooks.sender.stop(why);
    },
    fetch: async (request) => webResponse(await answer(webFakeRequest(request))),
    reset() {
      ctx.state = emptyState();
      rateLimit.reset();
      webhooks.sender.reset();
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
  Object.defineProperty(fake, FAKE_CORE, { value: answer });
  return fake;
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
