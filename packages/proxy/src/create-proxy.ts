import {
  createJoinTokens,
  type JoinTokenStore,
  type JoinTokensOptions,
  type JoinUser,
  type RealtimeKitClient,
} from '@realtimekit-meetings/client';
import { APP_PATH_PREFIX, type OperationId, operationRoutes, streamChunks } from '@realtimekit-meetings/core';
import { checkOptions } from './check-options';
import {
  isParticipantOperation,
  PARTICIPANT_OPERATIONS,
  type ParticipantDecision,
  participantBody,
} from './participant-body';
import { type BodySource, isJson, readJsonBody } from './read-body';
import { errorAnswer, jsonAnswer, type ProxyAnswer, toResponse, upstreamErrorAnswer } from './responses';
import { isUuid, type Match, matchRoute, type ProxiedOperation } from './routes';

/** What `authorize` and `join.authorize` answer: `true` lets it through, `false` is a 403, a Response is sent as it is. */
export type Verdict = boolean | Response;

/** The join route: `POST {basePath}/meetings/{meeting_id}/join` answers this user's join token. */
export interface ProxyJoinOptions<U extends JoinUser = JoinUser> {
  /** Who is asking, from your session (a cookie, a JWT): your app's user, or null for nobody (401, nothing sent). */
  identify: (request: Request) => U | null | undefined | Promise<U | null | undefined>;
  /**
   * Whether this user may join this meeting (an invitation, the meeting's owner, a schedule): `true` lets the join
   * go on, `false` answers 403, a Response is sent as it is; nothing is sent upstream unless it answers `true`.
   * Required: `() => true` (every signed-in user may join every meeting) is a decision to write down.
   */
  authorize: (user: U, meetingId: string, request: Request) => Verdict | Promise<Verdict>;
  /**
   * The preset each user joins with, decided on every join: a name or a function of your user and the meeting. When it
   * changes (a host demoted), the next join edits the participant first. Default `group_call_participant`.
   */
  preset?: JoinTokensOptions<U>['preset'];
  /**
   * Where each user's participant is remembered. Default: in memory, for one process. On several instances (Workers
   * isolates, replicas), one store that claims (`compareAndSet`: `@realtimekit-meetings/proxy/join-stores` for D1 and
   * Postgres); Workers KV is a cache, not a claim store.
   */
  store?: JoinTokenStore;
  /** How long one instance's claim to add a user stands before another takes over (createJoinTokens). Default 60 s. */
  leaseMs?: number;
  /** The name of a user `identify` gives none. Default `Participant` (createJoinTokens). */
  defaultName?: string;
}

export type { ParticipantDecision };

export interface RealtimeKitProxyOptions<U extends JoinUser = JoinUser> {
  /** A server-side client from @realtimekit-meetings/client: it holds the API token, the account and the app. */
  client: Pick<RealtimeKitClient, 'request'> & Partial<Pick<RealtimeKitClient, 'participants' | 'scope'>>;
  /** Where the proxy is mounted, e.g. `/api/realtimekit`. Routes mirror the API below the app under it. */
  basePath: string;
  /** The operationIds browsers may call. Nothing is allowed by default; with `join`, this may stay empty. */
  allow?: readonly OperationId[];
  /**
   * Decides whether this request may run this operation (the user's session, ownership of the meeting...).
   * `true` lets it through, `false` answers 403, a Response is sent as it is. Required as soon as `allow` names an
   * operation: a proxy that lets anyone create meetings on your account is a decision to write down.
   */
  authorize?: (request: Request, operation: ProxiedOperation) => Verdict | Promise<Verdict>;
  /**
   * Decides the identity and preset of a participant the browser adds, replaces or edits (`add_participant`,
   * `replace_participant`, `edit_participant`): what it returns replaces the browser's `preset_name` and
   * `custom_participant_id` (the browser's own values are dropped; `body` shows them, for an app that checks them).
   * Required as soon as `allow` names one of these operations.
   */
  decideParticipant?: (
    request: Request,
    operation: ProxiedOperation,
    body: Record<string, unknown>,
  ) => ParticipantDecision | Promise<ParticipantDecision>;
  /**
   * Turns on `POST {basePath}/meetings/{meeting_id}/join`, which answers `{ token, participant_id }` for the user
   * `identify` names, adding the participant on the first join only (createJoinTokens). Identity and preset come from
   * the server: nothing the browser sends changes them.
   */
  join?: ProxyJoinOptions<U>;
  /** Largest request body accepted, in bytes. Default 65 536. */
  maxBodyBytes?: number;
  /**
   * Told about every failure that is not the browser's fault, each answered with a 5xx: authorize, identify or preset
   * threw or returned something unusable, RealtimeKit refused the server's API token (502), is unreachable (502).
   */
  onError?: (error: unknown, request: Request) => void;
}

/** The web-standard handler: a Worker's fetch, a Next.js route handler, Bun.serve, Deno.serve. */
export type RealtimeKitProxyHandler = (request: Request) => Promise<Response>;

/** A call as the proxy's core takes it: what the web handler and the node:http adapter can each give cheaply. */
export interface ProxyCall {
  method: string;
  url: URL;
  /** The Request `authorize` is shown; the node:http adapter's is made without a body (the core reads that). */
  request: Request;
  /** The `Sec-Fetch-Site` header, read without the Request (the node:http adapter's is made only when read). */
  fetchSite: string | null | undefined;
  body: BodySource;
  signal?: AbortSignal;
}

/** The proxy's core: a call in, an answer out (or the Response `authorize` returned). */
export type ProxyCore = (call: ProxyCall) => Promise<ProxyAnswer | Response>;

/** Where the node:http adapter finds the core of a handler, so that it skips the web Request and Response. */
export const CORE = Symbol.for('realtimekit-meetings.proxy.core');

/**
 * Creates a handler that lets browsers call the allowed RealtimeKit operations without ever holding the API
 * token: `GET {basePath}/meetings`, `POST {basePath}/meetings/{meeting_id}/participants`, and so on.
 * It forwards nothing from the caller but the path parameters, the operation's query parameters and a JSON
 * body; it returns nothing from upstream but the status and the JSON body.
 */
export function createRealtimeKitProxy<U extends JoinUser = JoinUser>(
  options: RealtimeKitProxyOptions<U>,
): RealtimeKitProxyHandler {
  checkOptions(options);
  const { client, authorize, decideParticipant, onError, maxBodyBytes = 65_536 } = options;
  if (typeof client?.request !== 'function')
    throw new TypeError('client must be a client from @realtimekit-meetings/client');
  const { allow = [], join } = options;
  if (allow.length > 0 && typeof authorize !== 'function') {
    throw new TypeError('authorize is required with allow: decide who may call what');
  }
  const choosing = allow.filter(isParticipantOperation);
  if (choosing.length > 0 && typeof decideParticipant !== 'function') {
    throw new TypeError(
      `${choosing.join(', ')} would let a browser choose a participant's preset or identity: pass decideParticipant to decide them on the server`,
    );
  }
  if (!join && allow.length === 0) throw new TypeError('nothing to serve: list operations in allow, or configure join');
  if (join && typeof join.identify !== 'function') throw new TypeError('join.identify must say who is asking');
  if (join && typeof join.authorize !== 'function') {
    throw new TypeError(
      'join.authorize is required: decide who may join which meeting (() => true lets every signed-in user join every meeting)',
    );
  }
  if (join && typeof client.participants?.add !== 'function') {
    throw new TypeError('join needs the whole client from createRealtimeKitClient');
  }
  const joinToken =
    join &&
    createJoinTokens<U>({
      client: client as RealtimeKitClient,
      preset: join.preset ?? 'group_call_participant',
      ...(join.store ? { store: join.store } : {}),
      ...(join.leaseMs ? { leaseMs: join.leaseMs } : {}),
      ...(join.defaultName ? { defaultName: join.defaultName } : {}),
    });
  if (!(Number.isInteger(maxBodyBytes) && maxBodyBytes > 0))
    throw new TypeError('maxBodyBytes must be a positive whole number');
  const basePath = options.basePath.replace(/\/+$/, '');
  if (!basePath.startsWith('/')) throw new TypeError('basePath must start with "/"');
  const allowed = new Set<string>(allow);

  /** A fault of the server or its configuration: told to onError, answered with a 5xx that says nothing of it. */
  function fault(error: unknown, request: Request, status: number, message: string): ProxyAnswer {
    onError?.(error, request);
    return errorAnswer(status, message);
  }

  /** What the client threw, as an answer; every 5xx is told to onError. */
  function failure(error: unknown, request: Request, joining: boolean): ProxyAnswer {
    let answer = upstreamErrorAnswer(error);
    const e = error as { name?: string; kind?: string; status?: number };
    if (joining && e?.name === 'RealtimeKitError') {
      // the browser sent nothing but a valid meeting ID: whatever else the API refuses is the server's doing
      if (e.kind === 'invalid_argument') answer = errorAnswer(500, 'The join could not be prepared on the server');
      else if (e.kind === 'http' && answer.status < 500 && !JOIN_REFUSALS_PASSED_ON.has(answer.status)) {
        answer = errorAnswer(502, `RealtimeKit refused the server's join request (${answer.status})`);
      }
    }
    if (answer.status >= 500) onError?.(error, request);
    return answer;
  }

  /** The join route: identity from `identify`, never from the browser, whose body is not even read. */
  async function answerJoin(call: ProxyCall, meetingId: string): Promise<ProxyAnswer | Response> {
    call.body.cancel();
    const { request } = call;
    const { identify, authorize: mayJoin } = join as ProxyJoinOptions<U>;
    let user: U | null | undefined;
    try {
      user = await identify(request);
    } catch (error) {
      return fault(error, request, 500, 'Identifying the user failed');
    }
    if (!user) return errorAnswer(401, 'Sign in to join this meeting');
    if (!isUser(user)) {
      const got = typeof user === 'object' ? `id ${typeof (user as { id?: unknown }).id}` : typeof user;
      const error = new TypeError(
        `identify returned ${got}: it must return { id: string, name?: string, picture?: string } or null`,
      );
      return fault(error, request, 500, 'Identifying the user failed');
    }
    let verdict: Verdict;
    try {
      verdict = await mayJoin(user, meetingId, request);
    } catch (error) {
      return fault(error, request, 500, 'Authorization failed');
    }
    if (verdict instanceof Response) return verdict;
    if (verdict !== true) return errorAnswer(403, 'Not authorized to join this meeting');
    try {
      const { token, participantId } = await (joinToken as NonNullable<typeof joinToken>)(meetingId, user);
      return jsonAnswer(200, { token, participant_id: participantId });
    } catch (error) {
      return failure(error, request, true);
    }
  }

  const core: ProxyCore = async (call) => {
    const { method, url, request, fetchSite, body: source, signal } = call;
    const { pathname } = url;
    // the mount named, so that a client whose proxyUrl is wrong says where the proxy is (a path, no secret)
    if (!pathname.startsWith(`${basePath}/`)) return errorAnswer(404, `No such route: this proxy serves ${basePath}/`);
    const rest = pathname.slice(basePath.length + 1);
    const joining = join && rest.match(/^meetings\/([^/]+)\/join$/);
    if (joining) {
      if (method !== 'POST') return errorAnswer(405, 'Use POST for this route', { allow: 'POST' });
      // refused here, not upstream: a 400 from upstream on a join is the server's fault (502, onError), and a browser
      // must not be able to fill the server's error log at will
      if (!isUuid(joining[1] as string))
        return errorAnswer(400, 'meeting_id is not a valid ID: a meeting ID is a UUID');
      // one spelling per meeting: the join's store and its calls in flight are keyed by the ID, so `ABC…` and `abc…`
      // would each add the user again (the API, like a UUID column, reads them as one meeting)
      const meetingId = (joining[1] as string).toLowerCase();
      // a page on another site can send a form or a text/plain POST with the user's cookie, but not JSON
      if (isCrossSite(fetchSite)) return errorAnswer(403, 'Cross-site requests may not join meetings');
      if (!isJson(source.contentType)) {
        source.cancel();
        return errorAnswer(415, 'Send the join as application/json (a cross-site form cannot)');
      }
      return answerJoin(call, meetingId);
    }
    const match = matchRoute(method, rest);
    if (match.kind !== 'found') return routeRefusal(match);
    const { operation, params } = match;
    if (!allowed.has(operation.operationId))
      return errorAnswer(
        403,
        `${operation.operationId} is not allowed through this proxy: add it to allow in createRealtimeKitProxy`,
      );
    if (method !== 'GET' && isCrossSite(fetchSite)) {
      source.cancel();
      return errorAnswer(403, 'Cross-site requests may not change anything through this proxy');
    }
    // a write says JSON, body or not: a page on another site can POST a form with the user's cookie, but not JSON (that
    // needs a CORS preflight, which the proxy never grants). Checked before authorize: the header alone refuses it.
    if (method !== 'GET' && !isJson(source.contentType)) {
      source.cancel();
      return errorAnswer(
        415,
        operation.hasBody
          ? 'Send the body as application/json'
          : 'Send this request with Content-Type: application/json, even without a body',
      );
    }

    const proxied: ProxiedOperation = {
      operationId: operation.operationId,
      method: operation.method,
      path: operation.path.slice(APP_PATH_PREFIX.length),
      params,
    };
    let verdict: Verdict;
    try {
      const given = (authorize as NonNullable<typeof authorize>)(request, proxied);
      // a verdict given at once is taken at once: no microtask turn per request for the usual synchronous authorize
      verdict = isThenable(given) ? await given : given;
    } catch (error) {
      return fault(error, request, 500, 'Authorization failed');
    }
    if (verdict instanceof Response) return verdict;
    if (verdict !== true) return errorAnswer(403, 'Not authorized for this operation');

    let body: Record<string, unknown> | undefined;
    if (operation.hasBody) {
      const read = await readJsonBody(source, maxBodyBytes);
      if (!read.ok) return errorAnswer(read.status, read.message);
      body = read.value;
    }
    const { operationId } = operation;
    if (body && isParticipantOperation(operationId)) {
      const fields = PARTICIPANT_OPERATIONS[operationId];
      let decision: ParticipantDecision;
      try {
        decision = await (decideParticipant as NonNullable<typeof decideParticipant>)(request, proxied, body);
      } catch (error) {
        return fault(error, request, 500, 'Deciding the participant failed');
      }
      const required = operationId !== 'edit_participant';
      const valid =
        typeof decision === 'object' &&
        decision !== null &&
        fields.every((field) =>
          decision[field] === undefined ? !required : typeof decision[field] === 'string' && decision[field] !== '',
        );
      if (!valid) {
        const error = new TypeError(
          `decideParticipant must return { ${fields.join(', ')} } as non-empty strings for ${operationId}${required ? '' : ' (each optional)'}`,
        );
        return fault(error, request, 500, 'Deciding the participant failed');
      }
      // only what the spec declares, less what the server decides, then the decision: no alias, no __proto__
      body = participantBody(operationId, body, decision);
    }
    // every value of each declared parameter: the client sends one as one, several repeated, none not at all; one the
    // spec sends comma-separated (`status=A,B`, explode: false) split at its commas, so the server client joins it again
    const comma: readonly string[] = operationRoutes[operation.operationId][3] ?? [];
    const query =
      operation.queryParams.length > 0
        ? Object.fromEntries(
            operation.queryParams.map((name) => {
              const values = url.searchParams.getAll(name);
              return [name, comma.includes(name) ? values.flatMap((value) => value.split(',')) : values];
            }),
          )
        : undefined;

    try {
      // the route decides the operation at run time; client.request() validates params, query and body before sending
      const result = await client.request(operation.operationId, { params, query, body } as never, { signal });
      return jsonAnswer(operation.successStatus, result);
    } catch (error) {
      return failure(error, request, false);
    }
  };

  const handle: RealtimeKitProxyHandler = async (request) => {
    // a Request's url is always absolute and parses
    const url = new URL(request.url);
    const stream = streamChunks(request.body);
    const body = {
      contentType: request.headers.get('content-type'),
      contentLength: request.headers.get('content-length'),
      ...stream,
    };
    return toResponse(
      await core({
        method: request.method,
        url,
        request,
        fetchSite: request.headers.get('sec-fetch-site'),
        body,
        signal: request.signal,
      }),
    );
  };
  return Object.assign(handle, { [CORE]: core });
}

/**
 * Upstream refusals of a join passed on to the browser: the meeting is not there (404, 410), or not open to joins
 * (409, 422: e.g. an INACTIVE meeting; the API's status for it is not documented), or the account is rate limited (429). Any other 4xx comes
 * from what the server sent (its token, a preset name, a user's name) and is a 502.
 */
const JOIN_REFUSALS_PASSED_ON = new Set([404, 409, 410, 422, 429]);

const isUser = (user: unknown): user is JoinUser => {
  const u = user as Partial<JoinUser>;
  return (
    typeof u === 'object' &&
    typeof u.id === 'string' &&
    u.id !== '' &&
    (u.name === undefined || typeof u.name === 'string') &&
    (u.picture === undefined || typeof u.picture === 'string')
  );
};

const isThenable = <T>(value: T | PromiseLike<T>): value is PromiseLike<T> =>
  typeof (value as PromiseLike<T> | null)?.then === 'function';

/** `Sec-Fetch-Site: cross-site`, which every current browser sends on a request from another site. */
const isCrossSite = (fetchSite: string | null | undefined) => fetchSite?.toLowerCase() === 'cross-site';

/** Why a path below the base path is not an operation: 404, a bad ID 400, or 405 with what the route takes. */
function routeRefusal(match: Exclude<Match, { kind: 'found' }>): ProxyAnswer {
  if (match.kind === 'bad-id') return errorAnswer(400, `${match.param} is not a valid ID`);
  if (match.kind === 'wrong-method') {
    return errorAnswer(405, `Use ${match.allow.join(' or ')} for this route`, { allow: match.allow.join(', ') });
  }
  return errorAnswer(404, 'No such route');
}
