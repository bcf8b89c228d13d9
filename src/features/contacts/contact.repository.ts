import type { DbOrTrx } from '../../db/database';
import type { ContactUpdate, NewContactRow } from '../../db/tables/contact.table';
import { touched } from '../plan/wake';

export const findContact = (db: DbOrTrx, accountId: string, id: string) =>
  db
    .selectFrom('contact')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();

export const listContacts = (db: DbOrTrx, accountId: string) =>
  db.selectFrom('contact').selectAll().where('account_id', '=', accountId).orderBy('display_name').execute();

export const insertContact = (db: DbOrTrx, row: NewContactRow) =>
  db.insertInto('contact').values(row).execute();

export const updateContact = (db: DbOrTrx, accountId: string, id: string, patch: ContactUpdate) =>
  touched(db, accountId, { contactIds: [id] }, (t) =>
    t.updateTable('contact').set(patch).where('account_id', '=', accountId).where('id', '=', id).execute(),
  );
