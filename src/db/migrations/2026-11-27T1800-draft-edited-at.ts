/**
 * Drafting again must never overwrite what the user typed on Compose: `message.edited_at` is set
 * when the user saves a draft (Compose's autosave, `PATCH /api/messages/:id`, `POST /api/drafts`)
 * and left null when Afterview renders one from the debrief, so a re-draft knows which drafts it
 * may refresh. Rows that exist already cannot tell any more: the column's default marks them as
 * edited (at the epoch), because keeping someone's words is the safe side. A default (DDL) rather
 * than an UPDATE also reaches every account's rows under PostgreSQL's row-level security.
 */
import type { Kysely } from 'kysely';

/** The `edited_at` of a row written before edits were tracked. */
export const EDITED_BEFORE_TRACKING = '1970-01-01T00:00:00.000Z';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('message')
    .addColumn('edited_at', 'text', (c) => c.defaultTo(EDITED_BEFORE_TRACKING))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('message').dropColumn('edited_at').execute();
}
