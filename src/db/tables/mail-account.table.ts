import type { Insertable, Selectable, Updateable } from 'kysely';

/**
 * One mailbox connection per account. The URLs carry no password: each password is sealed with
 * the data dir's secret key (AES-256-GCM) in its own column and opened only to connect.
 */
export interface MailAccountTable {
  account_id: string;
  /** `smtp://user@host:port` or `smtps://…`, without the password. */
  smtp_url: string | null;
  smtp_password_enc: string | null;
  /** `imap://user@host:port` or `imaps://…`, without the password. */
  imap_url: string | null;
  imap_password_enc: string | null;
  from_name: string | null;
  from_address: string | null;
  /** Appended below `-- ` to every message sent. */
  signature: string | null;
  /** IMAP folder searched to resolve `uncertain` messages; null: the \Sent special-use folder. */
  sent_mailbox: string | null;
  created_at: string;
  updated_at: string;
}
export type MailAccountRow = Selectable<MailAccountTable>;
export type NewMailAccountRow = Insertable<MailAccountTable>;
export type MailAccountUpdate = Updateable<MailAccountTable>;

/** How far reply detection has read one IMAP mailbox; a changed UIDVALIDITY means start over. */
export interface MailboxStateTable {
  account_id: string;
  mailbox: string;
  /** Unsigned 32-bit numbers kept as decimal text (see the migration). */
  uidvalidity: string;
  last_uid: string;
  synced_at: string;
}
export type MailboxStateRow = Selectable<MailboxStateTable>;
export type NewMailboxStateRow = Insertable<MailboxStateTable>;
