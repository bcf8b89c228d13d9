/** SQL for the readiness probe. */
import { sql } from 'kysely';
import type { Db } from '../../db/database';

/** Names of the applied migrations (Kysely's own table). */
export async function appliedMigrations(db: Db): Promise<string[]> {
  const result = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return result.rows.map((r) => r.name);
}
