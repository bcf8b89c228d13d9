import { type Kysely, type MigrationProvider, Migrator } from 'kysely';
import { AppError } from '../core/errors';
import { migrations } from './migrations/index';

const provider: MigrationProvider = { getMigrations: async () => migrations };

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
    throw new AppError(
      'unavailable',
      failed
        ? `Migration ${failed.migrationName} failed: ${detail}`
        : `Could not migrate the database: ${detail}`,
    );
  }
}
