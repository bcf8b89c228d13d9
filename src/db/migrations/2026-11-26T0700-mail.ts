/**
 * Mail: the account's SMTP/IMAP connection (passwords sealed by src/features/secrets, never in
 * clear) and, per IMAP mailbox, how far reply detection has read. Schema builder only, so the
 * same migration runs on SQLite and PostgreSQL.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mail_account')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('account.id').onDelete('cascade'))
    // URLs are stored without their password; the password lives sealed in the *_password_enc column.
    .addColumn('smtp_url', 'text')
    .addColumn('smtp_password_enc', 'text')
    .addColumn('imap_url', 'text')
    .addColumn('imap_password_enc', 'text')
    .addColumn('from_name', 'text')
    .addColumn('from_address', 'text')
    .addColumn('signature', 'text')
    .addColumn('sent_mailbox', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('mailbox_state')
    .addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('mailbox', 'text', (c) => c.notNull())
    // IMAP UIDs and UIDVALIDITY are unsigned 32-bit: text avoids PostgreSQL's signed integer and
    // bigint-as-string differences between the two dialects.
    .addColumn('uidvalidity', 'text', (c) => c.notNull())
    .addColumn('last_uid', 'text', (c) => c.notNull())
    .addColumn('synced_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mailbox_state_pk', ['account_id', 'mailbox'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('mailbox_state').execute();
  await db.schema.dropTable('mail_account').execute();
}
