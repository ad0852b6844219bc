import type { JoinTokenStore } from '@realtimekit-meetings/client';
import { createTable } from './create-table';

/** A D1 database as a Worker's binding gives it: the part these stores use. */
export interface D1Like {
  prepare(sql: string): { bind(...values: unknown[]): { all(): Promise<{ results: Record<string, unknown>[] }> } };
}

/** A Postgres connection or pool: `pg`'s Pool and Client, PGlite and the like all have this `query`. */
export interface PostgresLike {
  query(text: string, params: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

export interface SqlJoinTokenStoreOptions {
  /** The table, created if absent on first use: `key` (primary key) and `value`, both text. Default `realtimekit_join_tokens`. */
  table?: string;
}

type Rows = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * A claiming JoinTokenStore on one SQL table: the claim is `INSERT ... ON CONFLICT DO NOTHING` (absent) or
 * `UPDATE ... WHERE value = expected`, each atomic in the engine, so any number of instances share it exactly.
 * Durable: a first join trusts an absent row and skips the look-up.
 */
function sqlStore(rows: Rows, placeholder: (n: number) => string, options: SqlJoinTokenStoreOptions): JoinTokenStore {
  const { table = 'realtimekit_join_tokens' } = options;
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(table)) {
    throw new TypeError('table must be a plain SQL identifier: letters, digits and _, not starting with a digit');
  }
  const [a, b, c] = [placeholder(1), placeholder(2), placeholder(3)];
  let ready: Promise<unknown> | undefined;
  const run: Rows = async (sql, params) => {
    ready ??= createTable(
      rows,
      `CREATE TABLE IF NOT EXISTS ${table} (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
    ).catch((error) => {
      ready = undefined; // tried again on the next call
      throw error;
    });
    await ready;
    return rows(sql, params);
  };
  return {
    durable: true,
    get: async (key) => {
      const [row] = await run(`SELECT value FROM ${table} WHERE key = ${a}`, [key]);
      return row ? String(row.value) : null;
    },
    set: async (key, value) => {
      await run(
        `INSERT INTO ${table} (key, value) VALUES (${a}, ${b}) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        [key, value],
      );
    },
    delete: async (key) => {
      await run(`DELETE FROM ${table} WHERE key = ${a}`, [key]);
    },
    compareAndSet: async (key, expected, value) => {
      const changed =
        expected === null
          ? await run(
              `INSERT INTO ${table} (key, value) VALUES (${a}, ${b}) ON CONFLICT (key) DO NOTHING RETURNING key`,
              [key, value],
            )
          : await run(`UPDATE ${table} SET value = ${a} WHERE key = ${b} AND value = ${c} RETURNING key`, [
              value,
              key,
              expected,
            ]);
      return changed.length === 1;
    },
  };
}

/** A claiming JoinTokenStore in a D1 (SQLite) table, shared exactly by every Worker bound to the database. */
export const d1JoinTokenStore = (db: D1Like, options: SqlJoinTokenStoreOptions = {}): JoinTokenStore =>
  sqlStore(
    async (sql, params) =>
      (
        await db
          .prepare(sql)
          .bind(...params)
          .all()
      ).results,
    () => '?',
    options,
  );

/** A claiming JoinTokenStore in a Postgres table, shared exactly by every process connected to the database. */
export const postgresJoinTokenStore = (db: PostgresLike, options: SqlJoinTokenStoreOptions = {}): JoinTokenStore =>
  sqlStore(
    async (sql, params) => (await db.query(sql, params)).rows,
    (n) => `$${n}`,
    options,
  );

/** The part of a Durable Object namespace binding this store uses. */
export interface DurableObjectNamespaceLike {
  idFromName(name: string): unknown;
  get(id: never): { fetch(input: string, init: RequestInit): Promise<Response> };
}

/** The part of a Durable Object's state the coordinator uses. */
interface DurableObjectStateLike {
  storage: {
    get<T>(key: string): Promise<T | undefined>;
    put(key: string, value: unknown): Promise<void>;
    delete(key: string): Promise<boolean>;
  };
}

interface Operation {
  op: 'get' | 'set' | 'delete' | 'cas';
  key: string;
  value?: string;
  expected?: string | null;
}

/**
 * A Durable Object that keeps join-token records and claims them atomically: one object per key (scope, meeting,
 * user), so joins of different users never wait on each other. Export it from your Worker and bind it, e.g. in
 * wrangler.toml `[[durable_objects.bindings]] name = "JOIN_TOKENS"; class_name = "JoinTokenCoordinator"`.
 * An object runs one request at a time while it awaits its storage, so a read and a write in one request are atomic.
 */
export class JoinTokenCoordinator {
  readonly #state: DurableObjectStateLike;
  constructor(state: DurableObjectStateLike) {
    this.#state = state;
  }
  async fetch(request: Request): Promise<Response> {
    const { op, key, value, expected } = (await request.json()) as Operation;
    const { storage } = this.#state;
    if (op === 'get') return Response.json({ value: (await storage.get<string>(key)) ?? null });
    if (op === 'set') await storage.put(key, value);
    else if (op === 'delete') await storage.delete(key);
    else if (op === 'cas') {
      if (((await storage.get<string>(key)) ?? null) !== expected) return Response.json({ ok: false });
      await storage.put(key, value);
    } else return Response.json({ error: `unknown op ${String(op)}` }, { status: 400 });
    return Response.json({ ok: true });
  }
}

/** A claiming, durable JoinTokenStore on the JoinTokenCoordinator Durable Object, for every Worker bound to it. */
export function durableObjectJoinTokenStore(namespace: DurableObjectNamespaceLike): JoinTokenStore {
  const call = async (operation: Operation) => {
    const stub = namespace.get(namespace.idFromName(operation.key) as never);
    const response = await stub.fetch('https://join-tokens/', { method: 'POST', body: JSON.stringify(operation) });
    if (!response.ok) throw new Error(`JoinTokenCoordinator answered ${response.status} to ${operation.op}`);
    return (await response.json()) as { value?: string | null; ok?: boolean };
  };
  return {
    durable: true,
    get: async (key) => (await call({ op: 'get', key })).value ?? null,
    set: async (key, value) => void (await call({ op: 'set', key, value })),
    delete: async (key) => void (await call({ op: 'delete', key })),
    compareAndSet: async (key, expected, value) => (await call({ op: 'cas', key, expected, value })).ok === true,
  };
}

// the rate budget's stores, on the same engines, from the same entry point
export {
  d1RateBudgetStore,
  durableObjectRateBudgetStore,
  postgresRateBudgetStore,
  RateBudgetCoordinator,
  type SqlRateBudgetStoreOptions,
} from './rate-budget-stores';
