import { type Call, type Context, type Handler, type Json, present, scopeOf, withDefaults, writable } from './context';
import { refuse } from './refusal';

/** A webhook the app registered, under the scope (`account/app`) it was registered in. */
export interface StoredWebhook {
  scope: string;
  webhook: Json & { id: string; url: string; created_at: string; updated_at: string };
}

/** Every event a webhook may ask for, as the spec lists them (the answer of `GET /webhooks/all`). */
export const WEBHOOK_EVENTS = [
  'meeting.started',
  'meeting.ended',
  'meeting.participantJoined',
  'meeting.participantLeft',
  'meeting.chatSynced',
  'recording.statusUpdate',
  'livestreaming.statusUpdate',
  'meeting.transcript',
  'meeting.summary',
];

const inApp = (ctx: Context, call: Call) =>
  [...ctx.state.webhooks.values()].filter((w) => w.scope === scopeOf(call)).map((w) => w.webhook);

function findWebhook(ctx: Context, call: Call): StoredWebhook {
  const id = call.params.webhook_id as string;
  const stored = ctx.state.webhooks.get(id);
  if (!stored || stored.scope !== scopeOf(call)) refuse(404, `No webhook found with id ${id} in app ${call.appId}`);
  return stored;
}

/** One webhook per URL in an app: the same URL twice is refused with the 400 addWebhook declares. */
function uniqueUrl(ctx: Context, call: Call, url: unknown, except?: string) {
  if (typeof url !== 'string') return;
  const taken = inApp(ctx, call).find((w) => w.url === url && w.id !== except);
  if (taken) {
    refuse(400, `A webhook for ${url} already exists in app ${call.appId} (${taken.id}): update or delete that one`);
  }
}

/** A webhook that asks for no events asks for all of them (the spec's example lists every one). */
const withEvents = (webhook: Json) =>
  Array.isArray(webhook.events) && webhook.events.length > 0 ? webhook : { ...webhook, events: [...WEBHOOK_EVENTS] };

/** Webhooks: list, create, get, replace, update (merge), delete, and the events a webhook may ask for. */
export const webhooks = {
  getAllWebhooks(ctx, call) {
    return { status: 200, data: inApp(ctx, call) };
  },

  addWebhook(ctx, call) {
    uniqueUrl(ctx, call, call.body.url);
    const now = ctx.now();
    const webhook = withEvents({
      ...withDefaults('addWebhook', call.body),
      id: ctx.random.uuid(),
      created_at: now,
      updated_at: now,
    }) as StoredWebhook['webhook'];
    return {
      status: 201,
      data: webhook,
      commit: () => ctx.state.webhooks.set(webhook.id, { scope: scopeOf(call), webhook }),
    };
  },

  getWebhook(ctx, call) {
    return { status: 200, data: findWebhook(ctx, call).webhook };
  },

  replaceWebhook(ctx, call) {
    const stored = findWebhook(ctx, call);
    uniqueUrl(ctx, call, call.body.url, stored.webhook.id);
    const { id, created_at } = stored.webhook;
    const replaced = withEvents({
      ...withDefaults('replaceWebhook', call.body),
      id,
      created_at,
      updated_at: ctx.now(),
    }) as StoredWebhook['webhook'];
    return { status: 200, data: replaced, commit: () => (stored.webhook = replaced) };
  },

  editWebhook(ctx, call) {
    const stored = findWebhook(ctx, call);
    uniqueUrl(ctx, call, call.body.url, stored.webhook.id);
    const updated = {
      ...stored.webhook,
      ...present(writable('editWebhook', call.body)),
      updated_at: ctx.now(),
    } as StoredWebhook['webhook'];
    return { status: 200, data: updated, commit: () => (stored.webhook = updated) };
  },

  deleteWebhook(ctx, call) {
    const stored = findWebhook(ctx, call);
    return { status: 200, data: stored.webhook, commit: () => ctx.state.webhooks.delete(stored.webhook.id) };
  },

  getAllWebhookEvents() {
    return { status: 200, data: [...WEBHOOK_EVENTS] };
  },
} satisfies Record<string, Handler>;
