/**
 * Ready for many tenants on PostgreSQL (issue 12).
 *
 * - Distribution by `account_id` (Citus-style) refuses a unique key that does not contain the
 *   distribution column: the account's calendar feed token was unique across accounts. The
 *   constraint goes on PostgreSQL; a plain index keeps the feed lookup fast, and the token's
 *   256 random bits keep it unique in practice. SQLite keeps it: there it is an inline UNIQUE that
 *   only a rebuild of the account table could remove, and every row of every table cascades from
 *   that table — not a risk worth taking for a database that is never distributed.
 * - Row-level security as defence in depth: every tenant table gets a policy that lets a
 *   connection see and write only the rows of the account it declared (`app.account_id`, set by
 *   src/db/connect.ts when a connection is checked out), or every row when it declared itself
 *   a cross-account system caller (`app.all_accounts = on`: the outbox claim, migrations, the feed
 *   token lookup). FORCE applies the policies to the tables' owner too, so an app that owns its
 *   schema is still held by them; only a superuser or a BYPASSRLS role skips them
 *   (docs/scaling.md: connect as a role that is neither).
 *   Kysely's schema builder has no policies: those statements are PostgreSQL-only raw SQL.
 * - The outbox serves accounts round-robin (outbox.repository.ts): an index that walks the
 *   accounts with due mail and each account's due mail in time order.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

/** Every tenant table at this point and its tenant column (the account table's key is the tenant). */
const TENANT_TABLES: readonly (readonly [string, string])[] = [
  ['account', 'id'],
  ['contact', 'account_id'],
  ['opportunity', 'account_id'],
  ['interview', 'account_id'],
  ['interview_participant', 'account_id'],
  ['debrief', 'account_id'],
  ['debrief_note', 'account_id'],
  ['message', 'account_id'],
  ['message_contact', 'account_id'],
  ['action_decision', 'account_id'],
  ['event', 'account_id'],
  ['mail_account', 'account_id'],
  ['mailbox_state', 'account_id'],
  ['inbound_mail', 'account_id'],
  ['plan_wake', 'account_id'],
];

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('message_due_account_idx')
    .on('message')
    .columns(['status', 'account_id', 'send_at', 'id'])
    .execute();
  if (!isPostgres(db)) return;

  await db.schema.alterTable('account').dropConstraint('account_feed_token_key').execute();
  await db.schema.createIndex('account_feed_token_idx').on('account').column('feed_token').execute();

  for (const [table, column] of TENANT_TABLES) {
    const t = sql.table(table);
    // current_setting(…, true) is null or '' when nothing was declared: no row matches (fail closed).
    const mine = sql`${sql.ref(column)} = current_setting('app.account_id', true) or current_setting('app.all_accounts', true) = 'on'`;
    await sql`create policy account_isolation on ${t} using (${mine}) with check (${mine})`.execute(db);
    await sql`alter table ${t} enable row level security`.execute(db);
    await sql`alter table ${t} force row level security`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    for (const [table] of TENANT_TABLES) {
      const t = sql.table(table);
      await sql`alter table ${t} no force row level security`.execute(db);
      await sql`alter table ${t} disable row level security`.execute(db);
      await sql`drop policy account_isolation on ${t}`.execute(db);
    }
    await db.schema.dropIndex('account_feed_token_idx').execute();
    await db.schema
      .alterTable('account')
      .addUniqueConstraint('account_feed_token_key', ['feed_token'])
      .execute();
  }
  await db.schema.dropIndex('message_due_account_idx').execute();
}
