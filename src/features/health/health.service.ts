/** Readiness: the database answers and every migration this build knows has been applied. */
import type { Db } from '../../db/database';
import { migrationNames } from '../../db/migrations';
import { appliedMigrations } from './health.repository';

export interface Readiness {
  ok: boolean;
  database: 'reachable' | 'unreachable';
  migrations: 'current' | 'behind' | 'unknown';
}

export async function databaseIsReady(db: Db): Promise<Readiness> {
  let applied: string[];
  try {
    applied = await appliedMigrations(db);
  } catch {
    return { ok: false, database: 'unreachable', migrations: 'unknown' };
  }
  const done = new Set(applied);
  const current = migrationNames.every((name) => done.has(name));
  return { ok: current, database: 'reachable', migrations: current ? 'current' : 'behind' };
}
