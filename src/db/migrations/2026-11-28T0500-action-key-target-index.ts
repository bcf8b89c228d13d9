/**
 * Today reads the decisions and the keyed messages of the opportunities it plans by what each
 * action key is about: the id after the rule (`thank-you:<interviewId>:<contactId>`,
 * `check-in:<opportunityId>:<anchor>`; src/core/plan/keys.ts `keyTarget`). Before, it listed
 * every key those opportunities could have (~1,300 at demo scale 300, 110 KB of text to bind and
 * parse) and read every check-in decision the account ever made, a read that grew with history.
 * These indexes are on that id, computed from the key, so no writer has anything to keep up to
 * date. The expression must stay the one src/features/plan/slice.repository.ts queries with
 * (a test there checks that SQLite uses the index).
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** The text between the key's first and second colon (or its end). */
const target = (db: Kysely<unknown>) =>
  isPostgres(db)
    ? sql.raw(`split_part("action_key", ':', 2)`)
    : sql.raw(
        `substr(substr("action_key", instr("action_key", ':') + 1), 1, instr(substr("action_key", instr("action_key", ':') + 1) || ':', ':') - 1)`,
      );

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index "action_decision_target_idx" on "action_decision" ("account_id", ${target(db)})`.execute(
    db,
  );
  await sql`create index "message_action_target_idx" on "message" ("account_id", ${target(db)}) where "action_key" is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('message_action_target_idx').execute();
  await db.schema.dropIndex('action_decision_target_idx').execute();
}
