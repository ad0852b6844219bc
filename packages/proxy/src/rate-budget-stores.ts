import type { RateBudgetStore } from '@realtimekit-meetings/client';
import { createTable } from './create-table';
import type { D1Like, DurableObjectNamespaceLike, PostgresLike } from './join-stores';

export interface SqlRateBudgetStoreOptions {
  /** The table, created if absent on first use. Default `realtimekit_rate_budget`. */
  table?: string;
}

type Rows = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * A shared rate budget in one SQL table: per key, `requests` rows (slots) holding when each was last taken, and a
 * row at slot -1 holding the block. Taking a slot is one `UPDATE` of the least recently taken slot, guarded by
 * "still free, and not blocked", so concurrent takers never share a slot: at most `requests` calls in any window.
 */
function sqlStore(rows: Rows, dialect: 'sqlite' | 'postgres', options: SqlRateBudgetStoreOptions): RateBudgetStore {
  const { table = 'realtimekit_rate_budget' } = options;
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(table)) {
    throw new TypeError('table must be a plain SQL identifier: letters, digits and _, not starting with a digit');
  }
  const $ = (n: number) => (dialect === 'postgres' ? `$${n}` : `?${n}`);
  // Postgres: skip the slots another transaction is taking (SQLite and D1 run one write at a time)
  const lock = dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
  let ready: Promise<unknown> | undefined;
  const made = new Set<string>();
  const run: Rows = async (sql, params) => {
    ready ??= createTable(
      rows,
      `CREATE TABLE IF NOT EXISTS ${table} (key TEXT NOT NULL, slot INTEGER NOT NULL, used_at BIGINT NOT NULL, PRIMARY KEY (key, slot))`,
    ).catch((error) => {
      ready = undefined;
      throw error;
    });
    await ready;
    return rows(sql, params);
  };
  /** The key's slots 0..requests-1, made once per process (an existing slot keeps its time). */
  const slots = async (key: string, requests: number) => {
    if (made.has(`${requests}:${key}`)) return;
    await run(
      `WITH RECURSIVE s(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM s WHERE n + 1 < ${$(2)}) ` +
        `INSERT INTO ${table} (key, slot, used_at) SELECT ${$(1)}, n, 0 FROM s WHERE true ON CONFLICT (key, slot) DO NOTHING`,
      [key, requests],
    );
    made.add(`${requests}:${key}`);
  };
  return {
    async take(key, requests, windowMs, now) {
      await slots(key, requests);
      const cutoff = now - windowMs;
      for (let tries = 0; tries < 5; tries++) {
        const taken = await run(
          `UPDATE ${table} SET used_at = ${$(2)} WHERE key = ${$(1)} AND used_at <= ${$(3)} AND slot = ` +
            `(SELECT slot FROM ${table} WHERE key = ${$(1)} AND slot >= 0 AND slot < ${$(4)} AND used_at <= ${$(3)} ORDER BY used_at LIMIT 1${lock}) ` +
            `AND NOT EXISTS (SELECT 1 FROM ${table} WHERE key = ${$(1)} AND slot = -1 AND used_at > ${$(2)}) RETURNING slot`,
          [key, now, cutoff, requests],
        );
        if (taken.length === 1) return 0;
        const [row] = await run(
          `SELECT MIN(CASE WHEN slot >= 0 THEN used_at END) AS oldest, MAX(CASE WHEN slot = -1 THEN used_at END) AS blocked ` +
            `FROM ${table} WHERE key = ${$(1)} AND slot < ${$(2)}`,
          [key, requests],
        );
        const blocked = Number(row?.blocked ?? 0);
        const retryAt = Math.max(blocked > now ? blocked : 0, Number(row?.oldest ?? 0) + windowMs);
        if (retryAt > now) return retryAt;
        // a free slot another taker held a moment ago: try again
      }
      return now + 1;
    },
    async block(key, until) {
      await run(
        `INSERT INTO ${table} (key, slot, used_at) VALUES (${$(1)}, -1, ${$(2)}) ON CONFLICT (key, slot) DO UPDATE ` +
          `SET used_at = CASE WHEN excluded.used_at > ${table}.used_at THEN excluded.used_at ELSE ${table}.used_at END`,
        [key, until],
      );
    },
  };
}

/** A rate budget in a D1 (SQLite) table, shared by every Worker bound to the database. */
export const d1RateBudgetStore = (db: D1Like, options: SqlRateBudgetStoreOptions = {}): RateBudgetStore =>
  sqlStore(
    async (sql, params) =>
      (
        await db
          .prepare(sql)
          .bind(...params)
          .all()
      ).results,
    'sqlite',
    options,
  );

/** A rate budget in a Postgres table, shared by every process connected to the database. */
export const postgresRateBudgetStore = (db: PostgresLike, options: SqlRateBudgetStoreOptions = {}): RateBudgetStore =>
  sqlStore(async (sql, params) => (await db.query(sql, params)).rows, 'postgres', options);

/** The part of a Durable Object's state the coordinator uses. */
interface DurableObjectStateLike {
  storage: { get<T>(key: string): Promise<T | undefined>; put(key: string, value: unknown): Promise<void> };
}

interface BudgetOperation {
  op: 'take' | 'block';
  key: string;
  requests?: number;
  windowMs?: number;
  now?: number;
  until?: number;
}

/**
 * A Durable Object that keeps one rate budget (one object per key, so per token): the times of its last calls and
 * its block. An object handles one request at a time while it awaits its storage, so a take is atomic. Export it
 * from your Worker and bind it, e.g. `[[durable_objects.bindings]] name = "RATE_BUDGET"; class_name =
 * "RateBudgetCoordinator"`.
 */
export class RateBudgetCoordinator {
  readonly #state: DurableObjectStateLike;
  constructor(state: DurableObjectStateLike) {
    this.#state = state;
  }
  async fetch(request: Request): Promise<Response> {
    const { op, requests = 0, windowMs = 0, now = 0, until = 0 } = (await request.json()) as BudgetOperation;
    const { storage } = this.#state;
    const blocked = (await storage.get<number>('blocked')) ?? 0;
    if (op === 'block') {
      if (until > blocked) await storage.put('blocked', until);
      return Response.json({ ok: true });
    }
    if (op !== 'take') return Response.json({ error: `unknown op ${String(op)}` }, { status: 400 });
    if (blocked > now) return Response.json({ retryAt: blocked });
    const times = ((await storage.get<number[]>('times')) ?? []).filter((t) => t > now - windowMs);
    if (times.length >= requests)
      return Response.json({ retryAt: (times[times.length - requests] as number) + windowMs });
    times.push(now);
    await storage.put('times', times);
    return Response.json({ retryAt: 0 });
  }
}

/** A rate budget on the RateBudgetCoordinator Durable Object, shared by every Worker bound to it. */
export function durableObjectRateBudgetStore(namespace: DurableObjectNamespaceLike): RateBudgetStore {
  const call = async (operation: BudgetOperation) => {
    const stub = namespace.get(namespace.idFromName(operation.key) as never);
    const response = await stub.fetch('https://rate-budget/', { method: 'POST', body: JSON.stringify(operation) });
    if (!response.ok) throw new Error(`RateBudgetCoordinator answered ${response.status} to ${operation.op}`);
    return (await response.json()) as { retryAt?: number };
  };
  return {
    take: async (key, requests, windowMs, now) =>
      (await call({ op: 'take', key, requests, windowMs, now })).retryAt ?? 0,
    block: async (key, until) => void (await call({ op: 'block', key, until })),
  };
}
