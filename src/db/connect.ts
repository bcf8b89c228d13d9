/**
 * Open the store from one URL: `sqlite:<file>` (or `sqlite::memory:`) for the embedded default,
 * `postgres://…` for hosted mode. The same Kysely queries and migrations serve both.
 */
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database, Db } from './database';
import { migrateToLatest, sqliteSchemaIsCurrent } from './migrate';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Db;
  dialect: Dialect;
  /** SQLite only: the underlying handle, for online backup. */
  sqlite?: Sqlite.Database;
  close(): Promise<void>;
}

export function dialectOf(url: string): Dialect {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres';
  if (url.startsWith('sqlite:')) return 'sqlite';
  throw new Error(`Unsupported database URL "${url}": use sqlite:<file> or postgres://…`);
}

/** Open (and migrate) the store at `url`. */
export async function openStore(url: string, options: { migrate?: boolean } = {}): Promise<Store> {
  const store =
    dialectOf(url) === 'postgres' ? await openPostgres(url) : openSqlite(url.slice('sqlite:'.length));
  // Every CLI command opens the store: skip the Migrator's round trips when the file is already current.
  if (options.migrate !== false && !(store.sqlite && sqliteSchemaIsCurrent(store.sqlite))) {
    try {
      await migrateToLatest(store.db as unknown as Kysely<unknown>);
    } catch (err) {
      await store.close();
      throw err;
    }
  }
  return store;
}

function openSqlite(file: string): Store {
  const sqlite = new Sqlite(file);
  // WAL lets the web server read while the CLI writes; foreign keys are off by default in SQLite.
  if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}

async function openPostgres(url: string): Promise<Store> {
  // Loaded lazily: the local CLI never pays for pg's start-up.
  const [{ default: pg }, { PostgresDialect }] = await Promise.all([import('pg'), import('kysely')]);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // A connection the server closes while idle (restart, failover, admin termination) is dropped
  // from the pool and the next query opens a new one; without a listener Node would crash.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}
