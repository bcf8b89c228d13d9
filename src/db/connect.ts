/**
 * Open the store from one URL: `sqlite:<file>` (or `sqlite::memory:`) for the embedded default,
 * `postgres://…` for hosted mode. The same Kysely queries and migrations serve both.
 */
import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import Sqlite from 'better-sqlite3';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Pool, PoolClient } from 'pg';
import { AppError, invalid } from '../core/errors';
import type { Database, Db } from './database';
import { migrateToLatest, sqliteSchemaIsCurrent } from './migrate';
import { selectDirectly } from './select-rows';
import { ImmediateSqliteDialect, withStatementCache } from './sqlite-dialect';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  /**
   * The cross-account handle: migrations, the outbox claim, the feed-token lookup. On PostgreSQL
   * its connections declare `app.all_accounts = on` to the row-level security policies.
   */
  db: Db;
  /**
   * A handle that acts for one account: on PostgreSQL every connection it checks out declares
   * `app.account_id`, so the row-level security policies hide every other account's rows even
   * from a query that forgot its `account_id` filter. SQLite (one local user) has no policies.
   */
  forAccount(accountId: string): Db;
  dialect: Dialect;
  /** SQLite only: the underlying handle, for online backup. */
  sqlite?: Sqlite.Database;
  close(): Promise<void>;
}

export function dialectOf(url: string): Dialect {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres';
  if (url.startsWith('sqlite:')) return 'sqlite';
  throw invalid(
    `DATABASE_URL: "${redact(url)}" is not a database address Afterview can use; give postgres://user:password@host:5432/name (or leave it unset for the embedded database).`,
    'DATABASE_URL',
  );
}

/** The URL without its password, for messages. */
function redact(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}

/** Open (and migrate) the store at `url`. */
export interface StoreOptions {
  /** Bring the schema up to date (default true). */
  migrate?: boolean;
  /**
   * SQLite: serve plain reads from a second, read-only connection (default true), so a server's
   * page loads never wait behind a long write. A one-shot CLI command has nothing to overlap and
   * skips it: opening that connection and reading the schema into it cost every start ~2 ms.
   */
  concurrentReads?: boolean;
}

export async function openStore(url: string, options: StoreOptions = {}): Promise<Store> {
  const store =
    dialectOf(url) === 'postgres'
      ? await openPostgres(url)
      : openSqlite(url.slice('sqlite:'.length), options.concurrentReads !== false);
  if (store.dialect === 'postgres') await checkReachable(store, url);
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

function openSqlite(file: string, concurrentReads: boolean): Store {
  const onDisk = file !== ':memory:' && file !== '';
  // The database holds contacts and notes: owner-only whatever the umask (SQLite gives its -wal
  // and -shm files the database file's mode; they are made private below as well).
  if (onDisk && !existsSync(file)) createPrivateFile(file);
  let sqlite: Sqlite.Database;
  try {
    sqlite = new Sqlite(file);
  } catch (err) {
    throw invalid(
      `The database ${file} cannot be opened (${err instanceof Error ? err.message : String(err)}); check --data or AFTERVIEW_DATA.`,
      'data',
    );
  }
  // WAL lets the web server read while the CLI writes; foreign keys are off by default in SQLite.
  // busy_timeout: how long a write waits for another process's write lock before it is reported
  // as busy. One exec: each pragma() call prepares a statement of its own.
  sqlite.exec(
    `${onDisk ? 'PRAGMA journal_mode = WAL; ' : ''}PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;`,
  );
  if (onDisk && process.platform !== 'win32') {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
  }
  // A second, read-only handle serves plain reads (see sqlite-dialect.ts); memory has no file to share.
  const reader = onDisk && concurrentReads ? new Sqlite(file, { readonly: true }) : null;
  reader?.pragma('busy_timeout = 5000');
  const dialect = new ImmediateSqliteDialect(
    withStatementCache(sqlite),
    reader ? withStatementCache(reader) : null,
  );
  const db = new Kysely<Database>({ dialect });
  selectDirectly(db, (sql, parameters) => dialect.select(sql, parameters));
  return { db, forAccount: () => db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}

function createPrivateFile(file: string): void {
  try {
    closeSync(openSync(file, 'a', 0o600));
    if (process.platform !== 'win32') chmodSync(file, 0o600);
  } catch {
    // Left to better-sqlite3, whose error says why the file cannot be opened.
  }
}

/** Fail with a sentence (exit 2, not "unexpected") when DATABASE_URL names no reachable server. */
async function checkReachable(store: Store, url: string): Promise<void> {
  try {
    await sql`select 1`.execute(store.db);
  } catch (err) {
    await store.close();
    if (err instanceof AppError) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    throw invalid(
      `DATABASE_URL: cannot connect to ${redact(url)} (${reason}); check the host, port, user, password and database name.`,
      'DATABASE_URL',
    );
  }
}

async function openPostgres(url: string): Promise<Store> {
  // Loaded lazily: the local CLI never pays for pg's start-up.
  const { default: pg } = await import('pg');
  // Two pools, so a connection never switches between the two kinds of scope: the cross-account
  // pool's connections declare `all accounts` once, when first used, and keep it; the accounts'
  // pool's connections declare one account and re-declare only when the next checkout is for
  // another. A signed-in request (session lookup on the cross-account handle, then the route on
  // its account's) thus pays at most one declaration, not two. Each pool only ever declares its
  // own kind, so no connection can carry `all accounts` into an account's query, or the reverse.
  const system = new pg.Pool({ connectionString: url, max: 5 });
  const accounts = new pg.Pool({ connectionString: url, max: 10 });
  // A connection the server closes while idle (restart, failover, admin termination) is dropped
  // from the pool and the next query opens a new one; without a listener Node would crash.
  system.on('error', () => {});
  accounts.on('error', () => {});
  const endBoth = async () => {
    await Promise.all([system.end(), accounts.end()]);
  };
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: scopedPool(system, null, endBoth) }),
  });
  // One handle per account, sharing the accounts' pool; bounded so a long-running server does not grow.
  const scoped = new Map<string, Db>();
  const forAccount = (accountId: string): Db => {
    const hit = scoped.get(accountId);
    if (hit) return hit;
    if (scoped.size >= 1000) scoped.clear();
    const made = new Kysely<Database>({
      // Ending a scoped handle never ends the shared pools: only the store's close does.
      dialect: new PostgresDialect({ pool: scopedPool(accounts, accountId, async () => {}) }),
    });
    scoped.set(accountId, made);
    return made;
  };
  return { db, forAccount, dialect: 'postgres', close: () => db.destroy() };
}

/** The scope each pooled connection last declared: `*` for all accounts, else the account id. */
const declaredScope = new WeakMap<PoolClient, string>();

/**
 * The pool as one scope sees it: a checked-out connection first declares its scope at session
 * level (unless it already did), so a plain query, a transaction and anything after them on that
 * connection run under it. The declaration is made outside any transaction (a checkout is), so no
 * rollback can undo it; it costs one round trip only when a connection changes hands between
 * scopes; every checkout goes through a scope, so none runs under a stale one.
 */
function scopedPool(pool: Pool, accountId: string | null, end: () => Promise<void>) {
  const scope = accountId ?? '*';
  return {
    connect: async (): Promise<PoolClient> => {
      const client = await pool.connect();
      if (declaredScope.get(client) !== scope) {
        try {
          await client.query(
            "select set_config('app.account_id', $1, false), set_config('app.all_accounts', $2, false)",
            [accountId ?? '', accountId === null ? 'on' : 'off'],
          );
        } catch (err) {
          declaredScope.delete(client);
          client.release(err instanceof Error ? err : true);
          throw err;
        }
        declaredScope.set(client, scope);
      }
      return client;
    },
    end,
  };
}
