import type { Webhook, WebhookCreateBody } from '@realtimekit-meetings/core';
import { RealtimeKitError } from '../errors';
import type { WebhooksResource } from '../generated/webhooks.gen';
import type { RequestOptions } from '../options';
import { WEBHOOK_EVENT_NAMES } from './events';

/** An event a webhook can ask for: the spec's list (`addWebhook`'s `events`), the docs' nine. */
export type WebhookEventName = NonNullable<WebhookCreateBody['events']>[number];

export interface EnsureWebhookOptions {
  /** Where RealtimeKit POSTs the events: an absolute http(s) URL, reachable from the internet. */
  url: string;
  /** What it should POST: at least one name of {@link WEBHOOK_EVENT_NAMES}. Order and repeats do not matter. */
  events: readonly WebhookEventName[];
  /** The webhook's name. Left out: `realtimekit-meetings` for a new webhook, and an existing one keeps its own. */
  name?: string;
  /** Whether RealtimeKit sends to it (default true): a disabled webhook is enabled again. */
  enabled?: boolean;
}

/** What `ensureWebhook` found and did. */
export interface EnsureWebhookResult {
  /** The one webhook of the app with this URL, as the API last answered it. */
  webhook: Webhook;
  /** `created`: there was none; `updated`: it was edited (PATCH) to the wanted events, name or state; `unchanged`. */
  action: 'created' | 'updated' | 'unchanged';
  /** Other webhooks with the same URL, deleted so that the app has one (as the API answered their deletion). */
  deleted: Webhook[];
}

/** What `ensureWebhook` needs of a client: `rtk`, or anything with its `webhooks` methods. */
export interface EnsureWebhookClient {
  webhooks: Pick<WebhooksResource, 'list' | 'create' | 'update' | 'delete'>;
}

const DEFAULT_NAME = 'realtimekit-meetings';

/**
 * Makes the app have exactly one webhook for `url`, asking for exactly `events`, from any start state, and returns it
 * with what was done. Registering on every deploy is safe: when nothing differs it only lists (1 call).
 *
 * - Absent: list, create, list again (3 calls). The second list catches a concurrent `ensureWebhook` that created
 *   the same URL at the same time (where the API allows two): both keep the same one, the oldest, and delete the other.
 * - Present with other events, name or `enabled: false`: list, PATCH in place (2 calls); its ID and its deliveries'
 *   history stay.
 * - Present more than once: the oldest is kept (the same choice for every caller), the others deleted, one call
 *   each; a deletion answered 404 was someone else's and counts as done.
 * - A create refused because the URL is taken (400, as the spec declares, or 409, as users report the API answers):
 *   list again and converge on what is there (one more call, never a second create). Any other error is thrown as
 *   it came, a `RealtimeKitError`; writes are never repeated.
 *
 * `getAllWebhooks` does not page (the spec gives it no `page_no` and its answer no `paging`), so one list sees every
 * webhook. Bad input is an `invalid_argument` error before anything is sent, naming what is wrong.
 */
export async function ensureWebhook(
  rtk: EnsureWebhookClient,
  wanted: EnsureWebhookOptions,
  options?: RequestOptions,
): Promise<EnsureWebhookResult> {
  const { url, events, name, enabled } = checkWanted(rtk, wanted);
  const api = rtk.webhooks;
  const deleted: Webhook[] = [];

  const converge = async (all: Webhook[], created?: Webhook): Promise<EnsureWebhookResult> => {
    const same = all.filter((w) => sameUrl(w.url, url));
    const [keep, ...others] = same.sort(oldestFirst);
    if (!keep)
      throw new RealtimeKitError(
        'invalid_response',
        `ensureWebhook: the webhook list has no webhook for the URL just created; run ensureWebhook again`,
      );
    for (const other of others) {
      const gone = await api.delete(other.id, options).catch((error: unknown) => {
        if (statusOf(error) === 404) return undefined; // deleted by another caller
        throw error;
      });
      deleted.push(gone ?? other);
    }
    const change = difference(keep, { events, name, enabled });
    if (change) return { webhook: await api.update(keep.id, change, options), action: 'updated', deleted };
    return { webhook: keep, action: created?.id === keep.id ? 'created' : 'unchanged', deleted };
  };

  const listed = await api.list(options);
  if (listed.some((w) => sameUrl(w.url, url))) return converge(listed);

  let created: Webhook;
  try {
    created = await api.create({ name: name ?? DEFAULT_NAME, url, events: [...events], enabled }, options);
  } catch (error) {
    // The URL was registered between our list and our create: converge on that one. Not found: the refusal was
    // about something else, and is thrown as it came.
    if (statusOf(error) !== 400 && statusOf(error) !== 409) throw error;
    const relisted = await api.list(options);
    if (!relisted.some((w) => sameUrl(w.url, url))) throw error;
    return converge(relisted);
  }
  const after = await api.list(options);
  return converge(after.some((w) => w.id === created.id) ? after : [...after, created], created);
}

function checkWanted(rtk: unknown, wanted: unknown) {
  const fail = (message: string): never => {
    throw new RealtimeKitError('invalid_argument', `ensureWebhook: ${message}`);
  };
  const client = rtk as Partial<EnsureWebhookClient> | undefined;
  if (typeof client?.webhooks?.list !== 'function')
    fail('the first argument must be a client: createRealtimeKitClient()');
  if (typeof wanted !== 'object' || wanted === null) fail('pass { url, events }');
  const { url, events, name, enabled = true } = wanted as Record<string, unknown>;
  let parsed: URL | undefined;
  try {
    parsed = new URL(url as string);
  } catch {}
  // The URL is not quoted: it may carry a secret of the receiving app in its query.
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    fail('url must be an absolute http(s) URL that RealtimeKit can reach, such as https://example.com/realtimekit');
  }
  if (!Array.isArray(events) || events.length === 0) {
    fail(`events must list at least one of ${WEBHOOK_EVENT_NAMES.join(', ')}`);
  }
  for (const event of events as unknown[]) {
    if (!(WEBHOOK_EVENT_NAMES as readonly unknown[]).includes(event)) {
      fail(`unknown event ${JSON.stringify(event)}: the API knows ${WEBHOOK_EVENT_NAMES.join(', ')}`);
    }
  }
  if (name !== undefined && (typeof name !== 'string' || name.trim() === '')) fail('name must be a non-empty string');
  if (typeof enabled !== 'boolean') fail('enabled must be true or false');
  return {
    url: url as string,
    events: [...new Set(events as WebhookEventName[])],
    name: name as string | undefined,
    enabled: enabled as boolean,
  };
}

/**
 * The HTTP status of a `RealtimeKitError`, read from its fields rather than with `instanceof`: in CommonJS this subpath
 * and the main entry are separate bundles, each with its own copy of the class, and `rtk` throws the main entry's.
 */
const statusOf = (error: unknown) => (error as { status?: unknown } | null)?.status;

/** Two spellings of one URL (`HTTPS://Example.com` and `https://example.com:443/`) are the same webhook. */
const sameUrl = (a: string, b: string) => normalized(a) === normalized(b);

function normalized(url: string) {
  try {
    return new URL(url).href;
  } catch {
    return url; // not a URL: compared as written
  }
}

/** The oldest first, then by ID (code-point order): every caller that sees the same webhooks keeps the same one. */
const age = (w: Webhook) => `${w.created_at} ${w.id}`;
const oldestFirst = (a: Webhook, b: Webhook) => (age(a) < age(b) ? -1 : 1);

/** The PATCH body that makes `have` what is wanted, or undefined when nothing differs. */
function difference(have: Webhook, want: { events: WebhookEventName[]; name?: string; enabled: boolean }) {
  const haveEvents = new Set(have.events);
  const sameEvents = haveEvents.size === want.events.length && want.events.every((e) => haveEvents.has(e));
  const change: { events?: WebhookEventName[]; name?: string; enabled?: boolean } = {};
  if (!sameEvents) change.events = want.events;
  if (want.name !== undefined && have.name !== want.name) change.name = want.name;
  if (have.enabled !== want.enabled) change.enabled = want.enabled;
  return Object.keys(change).length > 0 ? change : undefined;
}
