/**
 * Kysely's SQLite dialect with the three things a file shared by the web server and the CLI
 * needs:
 *
 * - Every transaction begins IMMEDIATE. A plain BEGIN is deferred: it takes the write lock only at
 *   its first write, and when another process holds it then, SQLite fails at once with "database
 *   is locked" (no busy wait can help a transaction that already read). IMMEDIATE takes the lock
 *   up front and waits up to `busy_timeout` for it.
 * - A database still busy after that wait is an AppError('busy') with a sentence a person can act
 *   on (HTTP 503, CLI exit 2), never "unexpected error: database is locked".
 * - Prepared statements are reused: better-sqlite3 prepares afresh on every call otherwise, which
 *   was the largest single cost of a 20,000-row import.
 */
import type Sqlite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';
import { AppError } from '../core/errors';

/** What a person is told when another Afterview process holds the write lock for too long. */
export const BUSY_MESSAGE = 'Afterview is busy saving an import; try again in a moment.';

/** True for SQLite's "database is locked" family (SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, SQLITE_LOCKED…). */
export function isBusyError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

/** The error to surface for `err`: the busy sentence for a lock that never came free, else `err`. */
export function translateBusy(err: unknown): unknown {
  return isBusyError(err) ? new AppError('busy', BUSY_MESSAGE) : err;
}

class TranslatingConnection implements DatabaseConnection {
  constructor(private readonly inner: DatabaseConnection) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      return await this.inner.executeQuery<R>(query);
    } catch (err) {
      throw translateBusy(err);
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async acquireConnection(): Promise<DatabaseConnection> {
    return new TranslatingConnection(await super.acquireConnection());
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/** SqliteDialect whose transactions begin IMMEDIATE and whose lock failures read as sentences. */
export class ImmediateSqliteDialect extends SqliteDialect {
  private readonly settings: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.settings = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings);
  }
}

/** Most distinct statements kept prepared; an import uses a few dozen, the whole app a few hundred. */
const STATEMENT_CACHE_SIZE = 500;

/** `sqlite` with `prepare` memoised by SQL text (oldest entries dropped past the cache size). */
export function withStatementCache(sqlite: Sqlite.Database): SqliteDialectConfig['database'] {
  const cache = new Map<string, Sqlite.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (sql: string) => {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = sqlite.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}
