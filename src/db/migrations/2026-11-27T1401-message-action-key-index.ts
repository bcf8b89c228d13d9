/**
 * Today reads the messages recorded for the action keys of the opportunities it plans
 * (src/features/plan/slice.repository.ts): an index on the key keeps that a lookup per key
 * instead of a scan of every message ever recorded.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('message_action_key_idx')
    .on('message')
    .columns(['account_id', 'action_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('message_action_key_idx').execute();
}
