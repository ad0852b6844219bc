import {
  createJoinTokens,
  type JoinTokenStore,
  type JoinTokensOptions,
  type JoinUser,
  type RealtimeKitClient,
} from '@realtimekit-meetings/client';
import { APP_PATH_PREFIX, type OperationId } from '@realtimekit-meetings/core';
import { type BodySource, readJsonBody, streamSource } from './read-body';
import { errorAnswer, jsonAnswer, type ProxyAnswer, toResponse, upstreamErrorAnswer } from './responses';
import { isProxiedId, type Match, matchRoute, type ProxiedOperation } from './routes';

/** The join route: `POST {basePath}/meetings/{meeting_id}/join` answers this user's join token. */
export interface ProxyJoinOptions<U extends JoinUser = JoinUser> {
  /** Who is asking, from your session (a cookie, a JWT): your app's user, or null for nobody (401, nothing sent). */
  identify: (request: Request) => U | null | undefined | Promise<U | null | undefined>;
  /** The preset each user joins with, decided here: a name or a function of your user. Default `group_call_participant`. */
  preset?: JoinTokensOptions<U>['preset'];
  /** Where each user's participant ID is remembered (Workers KV, Redis, SQL). Default: in memory. */
  store?: JoinTokenStore;
}

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
  authorize?: (request: Request, operation: ProxiedOperation) => boolean | Response | Promise<boolean | Response>;
  /**
   * Turns on `POST {basePath}/meetings/{meeting_id}/join`, which answers `{ token, participant_id }` for the user
   * `identify` names, adding the participant on the first join only (createJoinTokens). Identity and preset come from
   * the server: nothing the browser sends changes them.
   */
  join?: ProxyJoinOptions<U>;
  /** Largest request body accepted, in bytes. Default 65 536. */
  maxBodyBytes?: number;
  /** Told about failures that are not the caller's fault (authorize threw, the upstream is unreachable). */
  onError?: (error: unknown, request: Request) => void;
}

/** The web-standard handler: a Worker's fetch, a Next.js route handler, Bun.serve, Deno.serve. */
export type RealtimeKitProxyHandler = (request: Request) => Promise<Response>;

/** A call as the proxy's core takes it: what the web handler and the node:http adapter can each give cheaply. */
export interface ProxyCall {
  method: string;
  url: URL;
  /** The Request `authorize` is shown; the node:http adapter makes it without a body (the core reads that). */
  request(): Request;
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
  const { client, authorize, onError, maxBodyBytes = 65_536 } = options;
  if (typeof client?.request !== 'function')
    throw new TypeError('client must be a client from @realtimekit-meetings/client');
  const { allow = [], join } = options;
  if (!Array.isArray(allow)) throw new TypeError('allow must list the operationIds browsers may call');
  if (allow.length > 0 && typeof authorize !== 'function') {
    throw new TypeError('authorize is required with allow: decide who may call what');
  }
  if (!join && allow.length === 0) throw new TypeError('nothing to serve: list operations in allow, or configure join');
  if (join && typeof join.identify !== 'function') throw new TypeError('join.identify must say who is asking');
  if (join && typeof client.participants?.add !== 'function') {
    throw new TypeError('join needs the whole client from createRealtimeKitClient');
  }
  const joinToken =
    join &&
    createJoinTokens<U>({
      client: client as RealtimeKitClient,
      preset: join.preset ?? 'group_call_participant',
      ...(join.store ? { store: join.store } : {}),
    });
  if (!(Number.isInteger(maxBodyBytes) && maxBodyBytes > 0))
    throw new TypeError('maxBodyBytes must be a positive whole number');
  const basePath = options.basePath.replace(/\/+$/, '');
  if (!basePath.startsWith('/')) throw new TypeError('basePath must start with "/"');
  const allowed = new Set<string>(allow);

  /** The join route: identity from `identify`, never from the browser, whose body is not even read. */
  async function answerJoin(call: ProxyCall, meetingId: string): Promise<ProxyAnswer> {
    call.body.cancel();
    let user: U | null | undefined;
    try {
      user = await (join as ProxyJoinOptions<U>).identify(call.request());
    } catch (error) {
      onError?.(error, call.request());
      return errorAnswer(500, 'Identifying the user failed');
    }
    if (!user) return errorAnswer(401, 'Sign in to join this meeting');
    try {
      const { token, participantId } = await (joinToken as NonNullable<typeof joinToken>)(meetingId, user);
      return jsonAnswer(200, { token, participant_id: participantId });
    } catch (error) {
      const answer = upstreamErrorAnswer(error);
      if (answer.status >= 500) onError?.(error, call.request());
      return answer;
    }
  }

  const core: ProxyCore = async (call) => {
    const { method, url, request, body: source, signal } = call;
    const { pathname } = url;
    if (!pathname.startsWith(`${basePath}/`)) return errorAnswer(404, 'No such route');
    const rest = pathname.slice(basePath.length + 1);
    const joining = join && rest.match(/^meetings\/([^/]+)\/join$/);
    if (joining) {
      if (method !== 'POST') return errorAnswer(405, 'Use POST for this route', { allow: 'POST' });
      const meetingId = isProxiedId(joining[1] as string);
      return meetingId ? answerJoin(call, meetingId) : errorAnswer(400, 'meeting_id is not a valid ID');
    }
    const match = matchRoute(method, rest);
    if (match.kind !== 'found') return routeRefusal(match);
    const { operation, params } = match;
    if (!allowed.has(operation.operationId))
      return errorAnswer(403, `${operation.operationId} is not allowed through this proxy`);

    let verdict: boolean | Response;
    try {
      verdict = await (authorize as NonNullable<typeof authorize>)(request(), {
        operationId: operation.operationId,
        method: operation.method,
        path: operation.path.slice(APP_PATH_PREFIX.length),
        params,
      });
    } catch (error) {
      onError?.(error, request());
      return errorAnswer(500, 'Authorization failed');
    }
    if (verdict instanceof Response) return verdict;
    if (verdict !== true) return errorAnswer(403, 'Not authorized for this operation');

    let body: unknown;
    if (operation.hasBody) {
      const read = await readJsonBody(source, maxBodyBytes);
      if (!read.ok) return errorAnswer(read.status, read.message);
      body = read.value;
    }
    // every value of each declared parameter: the client sends one as one, several repeated, none not at all
    const query = Object.fromEntries(operation.queryParams.map((name) => [name, url.searchParams.getAll(name)]));

    try {
      // the route decides the operation at run time; request() validates params, query and body before sending
      const result = await client.request(operation.operationId, { params, query, body } as never, { signal });
      return jsonAnswer(operation.successStatus, result);
    } catch (error) {
      const answer = upstreamErrorAnswer(error);
      if (answer.status >= 500) onError?.(error, request());
      return answer;
    }
  };

  const handle: RealtimeKitProxyHandler = async (request) => {
    // a Request's url is always absolute and parses
    const url = new URL(request.url);
    const stream = streamSource(request.body);
    const body = {
      contentType: request.headers.get('content-type'),
      contentLength: request.headers.get('content-length'),
      ...stream,
    };
    return toResponse(
      await core({ method: request.method, url, request: () => request, body, signal: request.signal }),
    );
  };
  return Object.assign(handle, { [CORE]: core });
}

/** Why a path below the base path is not an operation: 404, a bad ID 400, or 405 with what the route takes. */
function routeRefusal(match: Exclude<Match, { kind: 'found' }>): ProxyAnswer {
  if (match.kind === 'bad-id') return errorAnswer(400, `${match.param} is not a valid ID`);
  if (match.kind === 'wrong-method') {
    return errorAnswer(405, `Use ${match.allow.join(' or ')} for this route`, { allow: match.allow.join(', ') });
  }
  return errorAnswer(404, 'No such route');
}
