import { type Call, type Context, type Handler, page } from './context';
import { refuse } from './refusal';

/** An app of an account: what `GET /apps` lists. */
export interface StoredApp {
  accountId: string;
  app: { id: string; name: string; created_at: string };
}

const inAccount = (ctx: Context, call: Call) =>
  [...ctx.state.apps.values()].filter((a) => a.accountId === call.accountId).map((a) => a.app);

/** Apps, the account's own (outside any app): list (newest first, by name search), create, get. */
export const apps = {
  get_apps(ctx, call) {
    const search = typeof call.query.search === 'string' ? call.query.search.toLowerCase() : undefined;
    const found = inAccount(ctx, call).filter((a) => !search || a.name.toLowerCase().includes(search));
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
    const stored = ctx.state.apps.get(id);
    if (!stored || stored.accountId !== call.accountId)
      refuse(404, `No app found with id ${id} in account ${call.accountId}`);
    return { status: 200, data: stored.app };
  },
} satisfies Record<string, Handler>;
