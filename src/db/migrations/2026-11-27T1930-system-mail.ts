/**
 * The system mail queue (issue 12: "verification and password reset mails go through the
 * outbox"): one row per mail the server sends for itself, keyed by the account it concerns, with
 * the outbox's claim columns (status, lease, attempts) so any worker sends each at most once.
 * No foreign key to account: a sign-up's confirmation mail is queued before the account row
 * exists; deleting an account clears its rows by hand (hosted-account.repository.ts).
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('system_mail')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('rfc_message_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('send_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('system_mail_pk', ['account_id', 'id'])
    .execute();
  // The loop's "anything due?" and its claim walk due mail in time order.
  await db.schema
    .createIndex('system_mail_due_idx')
    .on('system_mail')
    .columns(['status', 'send_at'])
    .execute();

  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  // The same policy as every tenant table (2026-11-27T1700-tenant-keys-rls).
  const mine = sql`account_id = current_setting('app.account_id', true) or current_setting('app.all_accounts', true) = 'on'`;
  await sql`create policy account_isolation on system_mail using (${mine}) with check (${mine})`.execute(db);
  await sql`alter table system_mail enable row level security`.execute(db);
  await sql`alter table system_mail force row level security`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('system_mail').execute();
}
