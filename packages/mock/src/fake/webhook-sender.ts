import type { EventScope, FakeEvent, FakeEventName } from './events';
import type { WebhookSigningKey } from './webhook-signing-key';
import type { StoredWebhook } from './webhooks';

/** How the fake delivers its webhooks. Every field has a default. */
export interface WebhookDeliveryOptions {
  /**
   * What POSTs each delivery (default: `globalThis.fetch` as it is at the time of sending, so MSW's and a test's
   * stubs see it). Called as `fetch(url, { method: 'POST', headers, body, signal, redirect: 'manual' })`.
   */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  /**
   * The wait in ms before each retry of a delivery answered 5xx or not answered at all (network error, timeout): as
   * many retries as delays. Default `[100, 400, 1600]`, 4 attempts in about 2 s; `[]` never retries, `[0, 0]` retries
   * twice at once (for tests). Cloudflare retries too but documents no schedule.
   */
  retryDelays?: number[];
  /** How long one attempt may take before it counts as a network error and is retried (default 10,000 ms). */
  timeoutMs?: number;
}

/** One delivery of one event to one webhook, as `fake.webhookDeliveries()` and `fake.settled()` report it. */
export interface WebhookDelivery {
  event: FakeEventName;
  /** The webhook's ID, sent as `rtk-webhook-id`. */
  webhookId: string;
  /** Where it was POSTed: the webhook's URL when the event was emitted. */
  url: string;
  /** The delivery's ID, sent as `rtk-uuid`: the same on each of its retries. */
  uuid: string;
  /** `pending` until a 2xx (`delivered`), or a non-2xx below 500, a bad URL or the last retry (`failed`). */
  outcome: 'pending' | 'delivered' | 'failed';
  /** How many times it was POSTed so far. */
  attempts: number;
  /** The HTTP status of the last attempt; absent when it got no answer. */
  status?: number;
  /** Why the last attempt got no answer (`ECONNREFUSED`, a timeout...), or why it was never sent. */
  error?: string;
}

/** The webhooks of `scope` that receive `event`: enabled, and subscribed to it. */
export function subscribers(webhooks: Iterable<StoredWebhook>, scope: EventScope, event: FakeEventName) {
  const key = `${scope.accountId}/${scope.appId}`;
  const found: { id: string; url: string }[] = [];
  for (const { scope: of, webhook } of webhooks) {
    const events = webhook.events;
    if (of !== key || webhook.enabled === false || !Array.isArray(events) || !events.includes(event)) continue;
    found.push({ id: webhook.id, url: webhook.url });
  }
  return found;
}

export const DEFAULT_RETRY_DELAYS = [100, 400, 1600];
export const DEFAULT_TIMEOUT_MS = 10_000;
/** The log keeps the latest deliveries only, so a long-running mock server does not grow without bound. */
export const DELIVERY_LOG_LIMIT = 1000;

export function checkDeliveryOptions(options: WebhookDeliveryOptions) {
  const { fetch, retryDelays, timeoutMs } = options;
  if (fetch !== undefined && typeof fetch !== 'function') {
    throw new TypeError('createRealtimeKitFake: webhookDelivery.fetch must be a function (url, init) => Response');
  }
  if (
    retryDelays !== undefined &&
    !(Array.isArray(retryDelays) && retryDelays.length <= 10 && retryDelays.every((d) => Number.isFinite(d) && d >= 0))
  ) {
    throw new RangeError(
      'createRealtimeKitFake: webhookDelivery.retryDelays must be a list of at most 10 waits in ms, each 0 or more',
    );
  }
  if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new RangeError(`createRealtimeKitFake: webhookDelivery.timeoutMs must be over 0 ms, not ${timeoutMs}`);
  }
}

/** Why a fetch failed, in words that quote no header: Node's `fetch failed` hides the reason in `cause`. */
function reason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } })?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return String((error as Error)?.message ?? error);
}

/**
 * What `reset()` stops: a flag and callbacks rather than an AbortSignal, because workerd ties a signal to the request
 * that made it and refuses it in another ("Cannot perform I/O on behalf of a different request").
 */
interface Generation {
  stopped: boolean;
  onStop: Set<() => void>;
  /** Why it stopped, for the deliveries it ended. */
  why: string;
}
const newGeneration = (): Generation => ({ stopped: false, onStop: new Set(), why: 'the fake was reset' });

/** Waits `ms`, or less when `stop` is stopped. */
const pause = (ms: number, stop: Generation) =>
  new Promise<void>((resolve) => {
    if (stop.stopped) return resolve();
    const done = () => {
      clearTimeout(timer);
      stop.onStop.delete(done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    stop.onStop.add(done);
  });

/**
 * The fake's webhook sender: `send` queues one delivery per webhook and returns at once; each webhook gets its
 * events one at a time, in the order they were sent (a later one waits for an earlier one's delivery or final
 * failure), signed with `key`. Nothing it does throws into the caller or rejects unhandled.
 */
export function createWebhookSender(key: WebhookSigningKey, uuid: () => string, options: WebhookDeliveryOptions = {}) {
  const retryDelays = [...(options.retryDelays ?? DEFAULT_RETRY_DELAYS)];
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let log: WebhookDelivery[] = [];
  /** Per webhook ID, the end of its queue: the next delivery starts when it settles (it never rejects). */
  let queues = new Map<string, Promise<void>>();
  /** Deliveries not settled yet. */
  let pending = new Set<Promise<void>>();
  /** Stopped by `reset()`: in-flight attempts and waits end, queued deliveries never start. */
  let generation = newGeneration();

  async function attempt(delivery: WebhookDelivery, body: string, signature: string, stop: Generation) {
    // made here, in the request that runs the attempt (workerd)
    const controller = new AbortController();
    // the attempt ends when its signal does, even if the fetch (an injected one, an MSW handler) ignores the signal
    const aborted = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
    });
    aborted.catch(() => undefined);
    const timer = setTimeout(
      () => controller.abort(new Error(`no answer within ${timeoutMs} ms (webhookDelivery.timeoutMs)`)),
      timeoutMs,
    );
    const abort = () => {
      clearTimeout(timer);
      controller.abort(new Error(stop.why));
    };
    stop.onStop.add(abort);
    delivery.attempts++;
    try {
      const sent = (options.fetch ?? globalThis.fetch)(delivery.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'rtk-signature': signature,
          'rtk-uuid': delivery.uuid,
          'rtk-webhook-id': delivery.webhookId,
        },
        body,
        signal: controller.signal,
        // a 3xx is an answer below 500: failed, not followed
        redirect: 'manual',
      });
      sent.catch(() => undefined); // settles after the race when the attempt ended first
      const response = await Promise.race([sent, aborted]);
      // not awaited: under MSW a mocked body's cancel() never settles; the answer's body is not read either way
      response.body?.cancel().catch(() => undefined);
      if (stop.stopped) return; // answered as it was stopped: the delivery stays as stop() left it
      delivery.status = response.status;
      delete delivery.error;
    } catch (error) {
      delete delivery.status;
      delivery.error = controller.signal.aborted ? reason(controller.signal.reason) : reason(error);
    } finally {
      clearTimeout(timer);
      stop.onStop.delete(abort);
    }
  }

  /** Delivers one event to one webhook, retrying 5xx and network errors as `retryDelays` says. */
  async function deliver(delivery: WebhookDelivery, body: string, signed: Promise<string>, stop: Generation) {
    if (stop.stopped) return;
    if (!(URL.canParse(delivery.url) && /^https?:$/.test(new URL(delivery.url).protocol))) {
      delivery.outcome = 'failed';
      delivery.error = `the webhook's URL is not an http(s) URL: change it with PATCH webhooks/${delivery.webhookId}`;
      return;
    }
    let signature: string;
    try {
      signature = await signed;
    } catch (error) {
      delivery.outcome = 'failed';
      delivery.error = `the fake could not sign the event: ${reason(error)}`;
      return;
    }
    if (stop.stopped) return; // reset while the key was being made
    for (let retry = 0; ; retry++) {
      await attempt(delivery, body, signature, stop);
      if (stop.stopped) return;
      const status = delivery.status;
      if (status !== undefined && status >= 200 && status < 300) {
        delivery.outcome = 'delivered';
        return;
      }
      const retryable = status === undefined || status >= 500;
      const wait = retryDelays[retry];
      if (!retryable || wait === undefined) {
        delivery.outcome = 'failed';
        return;
      }
      await pause(wait, stop);
      if (stop.stopped) return;
    }
  }

  return {
    /** Queues `event` for each webhook in `to`; returns at once and never throws. */
    send(to: { id: string; url: string }[], event: FakeEvent) {
      if (to.length === 0) return;
      const stop = generation;
      /** Logs the event as failed for each webhook, never sent. */
      const neverSent = (why: string) => {
        for (const { id, url } of to) {
          log.push({
            event: event.event,
            webhookId: id,
            url,
            uuid: uuid(),
            outcome: 'failed',
            attempts: 0,
            error: why,
          });
        }
        if (log.length > DELIVERY_LOG_LIMIT) log.splice(0, log.length - DELIVERY_LOG_LIMIT);
      };
      // stopped for good (stopDeliveries)
      if (stop.stopped) return neverSent(stop.why);
      let body: string;
      try {
        body = JSON.stringify(event);
      } catch (error) {
        return neverSent(`the event is not JSON: ${reason(error)}`);
      }
      // one body, one signature, whichever webhooks receive it
      const signed = key.sign(new TextEncoder().encode(body));
      signed.catch(() => undefined); // each delivery reports it
      for (const { id, url } of to) {
        const delivery: WebhookDelivery = {
          event: event.event,
          webhookId: id,
          url,
          uuid: uuid(),
          outcome: 'pending',
          attempts: 0,
        };
        log.push(delivery);
        if (log.length > DELIVERY_LOG_LIMIT) log.splice(0, log.length - DELIVERY_LOG_LIMIT);
        const done = (queues.get(id) ?? Promise.resolve())
          .then(() => deliver(delivery, body, signed, stop))
          .catch((error) => {
            delivery.outcome = 'failed';
            delivery.error = `the fake's sender failed: ${reason(error)}`;
          });
        const current = pending;
        const queue = queues;
        current.add(done);
        queue.set(id, done);
        done.then(() => {
          current.delete(done);
          if (queue.get(id) === done) queue.delete(id);
        });
      }
    },

    /** Every delivery so far (the latest {@link DELIVERY_LOG_LIMIT}), oldest first, as copies. */
    deliveries: (): WebhookDelivery[] => log.map((delivery) => ({ ...delivery })),

    /** Waits until no delivery is pending (those queued meanwhile included), then answers the log. */
    async settled(): Promise<WebhookDelivery[]> {
      while (pending.size > 0) await Promise.all(pending);
      return log.map((delivery) => ({ ...delivery }));
    },

    /**
     * Ends every delivery and sends none after (a mock server's close): in-flight attempts are aborted, waits cut
     * short, and each pending delivery, like each one queued later, is logged as failed with `why`. The log stays.
     */
    stop(why: string) {
      if (generation.stopped) return;
      generation.why = why;
      generation.stopped = true;
      for (const stop of [...generation.onStop]) stop();
      for (const delivery of log) {
        if (delivery.outcome !== 'pending') continue;
        delivery.outcome = 'failed';
        delivery.error = why;
      }
    },

    /** Drops the queue and the log: in-flight attempts are aborted, queued ones never sent. */
    reset() {
      generation.stopped = true;
      for (const stop of [...generation.onStop]) stop();
      generation = newGeneration();
      log = [];
      queues = new Map();
      pending = new Set();
    },
  };
}

export type WebhookSender = ReturnType<typeof createWebhookSender>;
