/**
 * Every inbound message reply detection acted on (a reply, an automatic answer, a bounce) or
 * could not read, keyed by its Message-ID. A mailbox rebuilt under a new UIDVALIDITY is read again
 * from the start: this ledger is what keeps its auto-replies and bounces from being recorded a
 * second time (replies were already caught by the message table), and what tells the user which
 * message was skipped as unreadable and why.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('inbound_mail')
    .addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('mailbox', 'text', (c) => c.notNull())
    // Unsigned 32-bit IMAP numbers as text, as in mailbox_state.
    .addColumn('uidvalidity', 'text', (c) => c.notNull())
    .addColumn('uid', 'text', (c) => c.notNull())
    /** Normalized `<…>` Message-ID; null when the message has none or could not be read. */
    .addColumn('rfc_message_id', 'text')
    /** reply | auto-reply | bounce | unreadable */
    .addColumn('outcome', 'text', (c) => c.notNull())
    /** Why an unreadable message was skipped (the parser's words). */
    .addColumn('reason', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inbound_mail_pk', ['account_id', 'id'])
    .execute();
  await db.schema
    .createIndex('inbound_mail_rfc_idx')
    .on('inbound_mail')
    .columns(['account_id', 'rfc_message_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('inbound_mail').execute();
}
