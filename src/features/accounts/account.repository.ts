import type { DbOrTrx } from '../../db/database';
import type { AccountUpdate, NewAccountRow } from '../../db/tables/account.table';
import { touched } from '../plan/wake';

export const findAccount = (db: DbOrTrx, id: string) =>
  db.selectFrom('account').selectAll().where('id', '=', id).executeTakeFirst();

/** The first account by creation: local mode has exactly one. */
export const findFirstAccount = (db: DbOrTrx) =>
  db.selectFrom('account').selectAll().orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();

export const insertAccount = (db: DbOrTrx, row: NewAccountRow) =>
  db.insertInto('account').values(row).execute();

export const updateAccount = (db: DbOrTrx, id: string, patch: AccountUpdate) =>
  // The zone, holidays and playbook shape every plan; the other settings shape none.
  patch.time_zone !== undefined || patch.holiday_region !== undefined || patch.playbook !== undefined
    ? touched(db, id, 'all', (t) => t.updateTable('account').set(patch).where('id', '=', id).execute())
    : db.updateTable('account').set(patch).where('id', '=', id).execute();

export const findAccountByFeedToken = (db: DbOrTrx, token: string) =>
  db.selectFrom('account').selectAll().where('feed_token', '=', token).executeTakeFirst();
