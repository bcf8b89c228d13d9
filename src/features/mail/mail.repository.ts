import type { DbOrTrx } from '../../db/database';
import type { MailAccountUpdate, NewMailAccountRow } from '../../db/tables/mail-account.table';

export const findMailAccount = (db: DbOrTrx, accountId: string) =>
  db.selectFrom('mail_account').selectAll().where('account_id', '=', accountId).executeTakeFirst();

export const insertMailAccount = (db: DbOrTrx, row: NewMailAccountRow) =>
  db.insertInto('mail_account').values(row).execute();

export const updateMailAccount = (db: DbOrTrx, accountId: string, patch: MailAccountUpdate) =>
  db.updateTable('mail_account').set(patch).where('account_id', '=', accountId).execute();
