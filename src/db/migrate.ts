import type Sqlite from 'better-sqlite3';
import { type Kysely, type MigrationProvider, Migrator } from 'kysely';
import { AppError } from '../core/errors';
import { loadMigrations, migrationNames } from './migrations/index';

const provider: MigrationProvider = { getMigrations: loadMigrations };

/**
 * Bring the schema up to date. Refuses to run against a database that has migrations this build
 * does not know (a newer Afterview wrote it), rather than guessing.
 */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    const detail = error instanceof Error ? error.message : String(error);
    // Kysely's words for a database a newer build has migrated ("corrupted migrations: previously
    // executed migration X is missing"): a downgrade, said as one.
    const newer = /previously executed migration (\S+) is missing/.exec(detail)?.[1];
    if (newer)
      throw new AppError(
        'unavailable',
        `This database was last opened by a newer Afterview (it has migration ${newer}, which this version does not know). Update Afterview to open it; nothing was changed.`,
      );
    throw new AppError(
      'unavailable',
      failed
        ? `Migration ${failed.migrationName} failed: ${detail}`
        : `Could not migrate the database: ${detail}`,
    );
  }
}

/**
 * True when a SQLite file has applied exactly the migrations this build knows, read with one
 * prepared statement: the common case on every CLI start, where Kysely's Migrator would spend
 * several queries finding nothing to do. Anything else (a new file, a pending migration, one from
 * a newer Afterview) answers false and goes through `migrateToLatest` and its checks.
 */
export function sqliteSchemaIsCurrent(sqlite: Sqlite.Database): boolean {
  try {
    const applied = sqlite.prepare('select name from kysely_migration order by name').pluck().all();
    return applied.length === migrationNames.length && applied.every((name, i) => name === migrationNames[i]);
  } catch {
    return false; // no migration table yet
  }
}
