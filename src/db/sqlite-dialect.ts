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
 * - Plain reads outside a transaction use a second, read-only connection: Kysely's own driver has
 *   one connection, so in the web server every page load waited for a running import to commit.
 */
import type Sqlite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SelectQueryNode,
  type SqliteDatabase,
  SqliteDialect,
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

/** One better-sqlite3 handle behind Kysely's connection interface. */
function run(db: SqliteDatabase, query: CompiledQuery): QueryResult<unknown> {
  const stmt = db.prepare(query.sql);
  if (stmt.reader) return { rows: stmt.all(query.parameters) };
  const { changes, lastInsertRowid } = stmt.run(query.parameters);
  return {
    numAffectedRows: BigInt(changes),
    insertId: BigInt(lastInsertRowid),
    rows: [],
  };
}

/** A FIFO lock: the single writer connection serves one transaction (or write) at a time. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();

  lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => {
      release = r;
    });
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return ready;
  }
}

const BEGIN = /^\s*begin\b/i;
const END = /^\s*(commit|rollback|end)\b\s*;?\s*$/i;

/**
 * What Kysely gets for each connection it asks for. Writes and transactions run on the writer
 * under the mutex; a plain SELECT outside a transaction runs at once on the reader, so a page load
 * never queues behind a long import in the same process (WAL lets it read the last commit).
 */
class RoutingConnection implements DatabaseConnection {
  private release: (() => void) | null = null;

  constructor(
    private readonly writer: SqliteDatabase,
    private readonly reader: SqliteDatabase | null,
    private readonly mutex: Mutex,
  ) {}

  get inTransaction(): boolean {
    return this.release !== null;
  }

  async begin(sql: string): Promise<void> {
    this.release = await this.mutex.lock();
    try {
      run(this.writer, CompiledQuery.raw(sql));
    } catch (err) {
      this.end();
      throw translateBusy(err);
    }
  }

  end(): void {
    const release = this.release;
    this.release = null;
    release?.();
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    // A raw BEGIN (the outbox's claim) holds the writer until its COMMIT or ROLLBACK.
    if (!this.inTransaction && BEGIN.test(query.sql)) {
      await this.begin(query.sql);
      return { rows: [] };
    }
    try {
      if (this.inTransaction) {
        try {
          return run(this.writer, query) as QueryResult<R>;
        } finally {
          // COMMIT or ROLLBACK frees the writer even when SQLite had already ended the transaction.
          if (END.test(query.sql)) this.end();
        }
      }
      if (this.reader && SelectQueryNode.is(query.query)) return run(this.reader, query) as QueryResult<R>;
      const release = await this.mutex.lock();
      try {
        return run(this.writer, query) as QueryResult<R>;
      } finally {
        release();
      }
    } catch (err) {
      throw translateBusy(err);
    }
  }

  // biome-ignore lint/correctness/useYield: streaming is not offered; the error says so.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming queries are not used by Afterview.');
  }
}

class ImmediateSqliteDriver implements Driver {
  constructor(
    private readonly writer: SqliteDatabase,
    private readonly reader: SqliteDatabase | null,
    private readonly mutex: Mutex,
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new RoutingConnection(this.writer, this.reader, this.mutex);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as RoutingConnection).begin('begin immediate');
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    // A connection given back mid-transaction (an error between BEGIN and its end) frees the writer.
    const c = connection as RoutingConnection;
    if (c.inTransaction) {
      try {
        run(this.writer, CompiledQuery.raw('rollback'));
      } catch {
        // Already rolled back by SQLite.
      }
      c.end();
    }
  }

  async destroy(): Promise<void> {
    this.reader?.close();
    this.writer.close();
  }
}

/**
 * SqliteDialect whose transactions begin IMMEDIATE, whose lock failures read as sentences, and
 * whose plain reads use a second, read-only connection when there is a file to open it on.
 */
export class ImmediateSqliteDialect extends SqliteDialect {
  /** Shared by the driver's connections and `select`: the writer serves one user at a time. */
  private readonly mutex = new Mutex();

  constructor(
    private readonly writer: SqliteDatabase,
    private readonly reader: SqliteDatabase | null = null,
  ) {
    super({ database: writer });
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.writer, this.reader, this.mutex);
  }

  /**
   * A plain read outside any transaction, run as the connections run one (the reader, or the
   * writer once no transaction holds it) but without Kysely's query pipeline (select-rows.ts).
   */
  async select(sql: string, parameters: readonly unknown[]): Promise<unknown[]> {
    try {
      if (this.reader) return this.reader.prepare(sql).all(parameters);
      const release = await this.mutex.lock();
      try {
        return this.writer.prepare(sql).all(parameters);
      } finally {
        release();
      }
    } catch (err) {
      throw translateBusy(err);
    }
  }
}

/** Most distinct statements kept prepared; an import uses a few dozen, the whole app a few hundred. */
const STATEMENT_CACHE_SIZE = 500;

/** `sqlite` with `prepare` memoised by SQL text (oldest entries dropped past the cache size). */
export function withStatementCache(sqlite: Sqlite.Database): SqliteDatabase {
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
