/**
 * The outbox claim orders due messages by (send_at, id): with this index both dialects walk it in
 * order and stop at the LIMIT, instead of sorting every due message on each claim (10,000 notes
 * scheduled for the same minute made each claim a full sort).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('message_claim_idx')
    .on('message')
    .columns(['status', 'send_at', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('message_claim_idx').execute();
}
