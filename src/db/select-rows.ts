/**
 * Run a SELECT written as SQL text (sql-text.ts). On a SQLite store's own handle it goes straight
 * to better-sqlite3, the way the dialect runs any plain read (the read-only connection, or the
 * writer when it is free: sqlite-dialect.ts), skipping Kysely's query pipeline; inside a
 * transaction, and on PostgreSQL, it runs through Kysely as any query does.
 *
 * Why: `afterview today` is one process per command and makes about fourteen reads. Built cold,
 * Kysely's compile-and-execute path for each (raw node, compiler visitor, executor, plugins,
 * connection provider) cost more CPU than SQLite took to answer, and its compiled code was a
 * large part of the CLI's V8 code cache, read back on every start (see README, "How `afterview`
 * starts fast").
 */
import { CompiledQuery, PostgresAdapter } from 'kysely';
import type { DbOrTrx } from './database';
import { renderSql, type SqlText } from './sql-text';

type DirectSelect = (sql: string, parameters: readonly unknown[]) => Promise<unknown[]>;

/** The SQLite handles that can read directly, and how (set by connect.ts). */
const direct = new WeakMap<object, DirectSelect>();

/** Let `db` (a SQLite store's handle, never a transaction) answer `selectRows` directly. */
export const selectDirectly = (db: object, select: DirectSelect): void => {
  direct.set(db, select);
};

/** The rows `query` reads through `db`. */
export async function selectRows<T>(db: DbOrTrx, query: SqlText<T>): Promise<T[]> {
  const select = direct.get(db);
  if (select) {
    const { sql, parameters } = renderSql(query, 'sqlite');
    return (await select(sql, parameters)) as T[];
  }
  const dialect = db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
  const { sql, parameters } = renderSql(query, dialect);
  return (await db.executeQuery(CompiledQuery.raw(sql, parameters))).rows as T[];
}
