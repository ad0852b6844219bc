type Rows = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * Runs a `CREATE TABLE IF NOT EXISTS`, once more if it fails: on Postgres, processes creating the table at once
 * race in the catalog, and the losers fail with `duplicate key value violates unique constraint
 * "pg_type_typname_nsp_index"` although the table now exists (seen with 4 processes, join-stores.processes.test.ts).
 */
export const createTable = (rows: Rows, ddl: string) => rows(ddl, []).catch(() => rows(ddl, []));
