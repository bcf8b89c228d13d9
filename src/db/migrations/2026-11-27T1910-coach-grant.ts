/**
 * Coaches (issue 12): a user invites a career coach by e-mail and may later revoke. One row per
 * invitation, owned by the CLIENT's account like every other tenant row (so it goes with the
 * account when it is deleted, and row-level security keeps it to that account). The coach is
 * found by address until they accept, then by their account id; neither is a foreign key, because
 * a key to another account's row would not carry `account_id` (see src/db/tenancy.test.ts).
 * The invite token is stored only as its SHA-256, and cleared once used.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('coach_grant')
    .addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    /** Trimmed and lower-cased: compared with the signed-in coach's address on accept. */
    .addColumn('coach_email', 'text', (c) => c.notNull())
    .addColumn('coach_account_id', 'text')
    .addColumn('share_notes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('token_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('revoked_at', 'text')
    .addPrimaryKeyConstraint('coach_grant_pk', ['account_id', 'id'])
    .execute();
  // Not unique: a unique index must start with account_id (distribution by tenant).
  await db.schema.createIndex('coach_grant_coach_idx').on('coach_grant').column('coach_account_id').execute();
  await db.schema.createIndex('coach_grant_token_idx').on('coach_grant').column('token_hash').execute();

  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  // The same policy as every tenant table (2026-11-27T1700-tenant-keys-rls).
  const mine = sql`account_id = current_setting('app.account_id', true) or current_setting('app.all_accounts', true) = 'on'`;
  await sql`create policy account_isolation on coach_grant using (${mine}) with check (${mine})`.execute(db);
  await sql`alter table coach_grant enable row level security`.execute(db);
  await sql`alter table coach_grant force row level security`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('coach_grant').execute();
}
