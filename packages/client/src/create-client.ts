import type { RealtimeKitClient } from './client';
import { createResources } from './generated/resources.gen';
import { ApiClient } from './internal/api-client';
import { createJoinMeeting } from './join-meeting';
import type { RawClient, RealtimeKitClientOptions } from './options';
import { createRateBudget, type RateBudget } from './rate-budget';
import { createRawClient } from './raw-client';
import { createSend, type RequestConfig } from './request';
import { createRequest } from './request-by-id';
import { createTransport } from './transport';
import { check, checkHeaders, checkLimits, isPlainObject } from './validate-input';

const CLOUDFLARE = 'https://api.cloudflare.com/client/v4';

/**
 * The defaults from the environment where there is one (Node, Bun, Deno, workerd with nodejs_compat); empty = unset.
 * None in the browser build: a browser has no environment, and a token from one would be refused there anyway.
 */
function fromEnvironment(): Record<string, string | undefined> {
  if (typeof __RTK_BROWSER__ !== 'undefined' || typeof process !== 'object') return {};
  const env = (process as { env?: Record<string, string | undefined> }).env ?? {};
  return {
    apiToken: env.CLOUDFLARE_API_TOKEN || undefined,
    accountId: env.CLOUDFLARE_ACCOUNT_ID || undefined,
    appId: env.REALTIMEKIT_APP_ID || undefined,
    baseUrl: env.CLOUDFLARE_BASE_URL || undefined,
  };
}

/** Every option a client takes: anything else is a typo (`baseURL`, `timeoutMS`) that would silently do nothing. */
const OPTIONS = [
  'apiToken',
  'accountId',
  'appId',
  'baseUrl',
  'proxyUrl',
  'dangerouslyAllowBrowser',
  'fetch',
  'timeoutMs',
  'maxRetries',
  'maxResponseBytes',
  'headers',
  'middleware',
  'logger',
  'scope',
  'rateBudget',
];

/**
 * The known option spelt the same but for case and separators (`baseURL`, `timeout_ms`); none when there is none.
 * Not core's closestName (which also takes a typo): this one is in every browser bundle, and costs it 100 B less.
 */
const normal = (name: string) => name.toLowerCase().replace(/[^a-z]/g, '');
const closestOption = (name: string) => OPTIONS.find((known) => normal(known) === normal(name));

const inBrowser = () => typeof window !== 'undefined' && typeof document !== 'undefined';

/** `value` as an option named `name`: a string when given (not `"is required"` when it is a number). */
function stringOption(name: string, value: unknown) {
  check(value === undefined || typeof value === 'string', `${name} must be a string, not ${typeof value}`);
  return value as string | undefined;
}

/** The host of an absolute http(s) URL (or, in a browser, a path), for error messages; refused otherwise. */
function hostOf(name: string, value: string, relativeAllowed: boolean) {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  const relative = value.startsWith('/') && !value.startsWith('//');
  check(
    url ? /^https?:$/.test(url.protocol) : relative && relativeAllowed,
    // quoted without what a URL may carry before its host (`user:secret@`)
    `${name} must be an absolute http(s) URL such as ${name === 'proxyUrl' ? 'https://app.example.com/api/realtimekit' : CLOUDFLARE}, not "${value.replace(/\/\/[^/]*@/, '//')}"${relative ? ' (a path works only in a browser)' : ''}`,
  );
  return url?.host ?? value;
}

/**
 * The options checked (setup mistakes refused as `invalid_argument`, with the fix in the message) and turned into
 * what a client sends with: the request pipeline's config, and what `raw`, `joinMeeting` and `scope` are made of.
 * createRealtimeKitClient and each resource's own client (createMeetingsClient...) share it.
 */
function setUp(options: RealtimeKitClientOptions) {
  check(isPlainObject(options as unknown), 'options must be a plain object');
  for (const name of Object.keys(options)) {
    if (OPTIONS.includes(name)) continue;
    const closest = closestOption(name);
    check(
      false,
      `unknown option "${name}"${closest ? `: did you mean "${closest}"?` : `; the options are ${OPTIONS.join(', ')}`}`,
    );
  }
  const { fetch, headers, middleware, logger, timeoutMs = 60_000, maxRetries = 2 } = options;
  const { maxResponseBytes = 16 * 1024 * 1024 } = options;
  checkLimits(timeoutMs, maxRetries);
  check(
    Number.isInteger(maxResponseBytes) && maxResponseBytes > 0,
    'maxResponseBytes must be a positive whole number of bytes',
  );
  check(fetch === undefined || typeof fetch === 'function', 'fetch must be a function');
  checkHeaders(headers, 'headers');
  check(
    middleware === undefined || Array.isArray(middleware),
    'middleware must be an array of openapi-fetch middleware',
  );
  check(logger === undefined || typeof logger?.debug === 'function', 'logger must have a debug(line) method');
  const proxyUrl = stringOption('proxyUrl', options.proxyUrl);
  const proxy = proxyUrl !== undefined;
  const env = proxy ? {} : fromEnvironment();
  const apiToken = stringOption('apiToken', options.apiToken) ?? env.apiToken;
  const accountId = stringOption('accountId', options.accountId) ?? env.accountId;
  const appId = stringOption('appId', options.appId) ?? env.appId;
  const baseUrl = proxyUrl ?? stringOption('baseUrl', options.baseUrl) ?? env.baseUrl ?? CLOUDFLARE;
  const host = hostOf(proxy ? 'proxyUrl' : 'baseUrl', baseUrl, proxy && inBrowser());
  if (proxy) {
    check(
      (options.apiToken ?? options.accountId ?? options.appId ?? options.baseUrl) === undefined,
      'proxyUrl excludes apiToken, accountId, appId and baseUrl: the proxy holds them',
    );
  } else {
    check(apiToken, 'apiToken is missing: pass apiToken or set CLOUDFLARE_API_TOKEN (in a browser, use proxyUrl)');
    // never quoted: it is the secret
    check(
      /^[\x21-\x7e]+$/.test(apiToken),
      'apiToken cannot be sent in a header (a space, line break, control or non-ASCII character): copy it again; a trailing newline is the usual cause',
    );
    check(
      accountId,
      'accountId is missing: pass accountId or set CLOUDFLARE_ACCOUNT_ID (a call may still override it)',
    );
    check(appId, 'appId is missing: pass appId or set REALTIMEKIT_APP_ID (a call may still override it)');
    check(
      options.dangerouslyAllowBrowser || !inBrowser(),
      'An apiToken in a browser is readable by anyone: use proxyUrl and @realtimekit-meetings/proxy (or dangerouslyAllowBrowser: true)',
    );
  }

  const authorization = apiToken ? { Authorization: `Bearer ${apiToken}` } : undefined;
  const transport = createTransport({
    baseUrl,
    headers: { ...headers, ...authorization },
    fetch,
    middleware: middleware ?? [],
    maxBytes: maxResponseBytes,
    jsonWrites: proxy,
  });
  // on by default where the client calls Cloudflare; behind the proxy, the server's client holds the budget. The
  // browser build leaves it out (a browser calls the proxy; with dangerouslyAllowBrowser it has no budget).
  const rateBudget = options.rateBudget ?? (proxy ? false : {});
  let budget: RateBudget | undefined;
  if (typeof __RTK_BROWSER__ === 'undefined') {
    check(rateBudget === false || isPlainObject(rateBudget), 'rateBudget must be an object or false');
    budget = rateBudget === false ? undefined : createRateBudget(rateBudget, `account:${accountId}`);
  }
  const config: RequestConfig = {
    transport,
    proxy,
    host,
    accountId,
    appId,
    timeoutMs,
    maxRetries,
    authorized: !!apiToken,
    // a real token is 40 characters; cutting a test's `t` out of every message would only garble them
    secret: apiToken && apiToken.length >= 8 ? apiToken : undefined,
    logger,
    budget,
  };
  const scope = stringOption('scope', options.scope) || (proxy ? `proxy:${proxyUrl}` : `${accountId}/${appId}`);
  // what `raw` is made of (the browser build's `raw` only says it is not there: none of it is kept there)
  const raw = { baseUrl, headers: { ...headers, ...authorization }, fetch, middleware };
  return { config, scope, raw: typeof __RTK_NO_NODE__ === 'undefined' ? raw : (undefined as never) };
}

/**
 * Creates a client for the RealtimeKit Meetings API. On a server it needs a token, an account and an app: from the
 * options or CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID and REALTIMEKIT_APP_ID. In a browser, pass `proxyUrl`
 * instead. Setup mistakes are refused here, as `invalid_argument`, with the fix in the message.
 */
export function createRealtimeKitClient(options: RealtimeKitClientOptions = {}): RealtimeKitClient {
  const { config, scope, raw: rawOptions } = setUp(options);
  const { transport, proxy, timeoutMs, host } = config;
  const send = createSend(config);
  const client = {
    ...createResources(new ApiClient(send)),
    // by operationId, from core's table of every operation; the browser build's says what to do instead
    request: createRequest(send),
    joinMeeting: createJoinMeeting(transport, proxy, timeoutMs, host),
    scope,
  } as RealtimeKitClient;
  // `raw`, the openapi-fetch client over the same base URL, headers, fetch and middleware, is made on first use
  // (and is left out of the browser build, which carries no openapi-fetch: see raw-client.ts).
  let raw: RawClient | undefined;
  Object.defineProperty(client, 'raw', {
    get: () => {
      raw ??= createRawClient(rawOptions);
      return raw;
    },
  });
  return client;
}

/**
 * @internal What a resource's own client sends through (createMeetingsClient and the rest, generated): the options
 * checked as createRealtimeKitClient checks them, and the same pipeline, without the rest of the client.
 */
export const createApiClient = (options: RealtimeKitClientOptions = {}) =>
  new ApiClient(createSend(setUp(options).config));
