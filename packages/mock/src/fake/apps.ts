import { type Context, type Handler, page } from './context';
import { refuse } from './refusal';

/** An app of an account: what `GET /apps` lists. */
export interface StoredApp {
  accountId: string;
  app: { id: string; name: string; created_at: string };
}

/** The account's apps, oldest first: the one the fake was given (`appId`), then those created in it. */
const appsOf = (ctx: Context, accountId: string) => [
  ...(ctx.app && (ctx.app.accountId ?? accountId) === accountId
    ? [{ id: ctx.app.id, name: 'app', created_at: ctx.app.createdAt }]
    : []),
  ...[...ctx.state.apps.values()].filter((a) => a.accountId === accountId).map((a) => a.app),
];

/** Whether `appId` is an app the fake created in this account (`create_app`). */
export const inAccount = (ctx: Context, accountId: string, appId: string) =>
  ctx.state.apps.get(appId)?.accountId === accountId;

/** Apps, the account's own (outside any app): list (newest first, by name search), create, get. */
export const apps = {
  get_apps(ctx, call) {
    const search = typeof call.query.search === 'string' ? call.query.search.toLowerCase() : undefined;
    const found = appsOf(ctx, call.accountId).filter((a) => !search || a.name.toLowerCase().includes(search));
    if (call.query.sort_order !== 'ASC') found.reverse();
    return { status: 200, ...page(found, call.query) };
  },

  create_app(ctx, call) {
    const app = { id: ctx.random.uuid(), name: String(call.body.name), created_at: ctx.now() };
    return {
      status: 200,
      data: { app },
      commit: () => ctx.state.apps.set(app.id, { accountId: call.accountId, app }),
    };
  },

  get_app(ctx, call) {
    const id = call.params.app_id as string;
    const app = appsOf(ctx, call.accountId).find((a) => a.id === id);
    if (!app) refuse(404, `No app found with id ${id} in account ${call.accountId}`);
    return { status: 200, data: app };
  },
} satisfies Record<string, Handler>;
