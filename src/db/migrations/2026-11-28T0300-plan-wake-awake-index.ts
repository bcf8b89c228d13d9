/**
 * Today asks the wake-up index for the opportunities that are dirty or awake by now
 * (src/features/plan/wake.repository.ts, `awakeOpportunities`). Keyed by account only, that read
 * walked every opportunity the account ever had; by (account, dirty, wake-up time) it reads the
 * dirty ones and the awake ones and stops, however long the history behind them.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('plan_wake_awake_idx')
    .on('plan_wake')
    .columns(['account_id', 'dirty', 'wake_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('plan_wake_awake_idx').execute();
}
