import type { DbOrTrx } from '../../db/database';
import { selectRows } from '../../db/select-rows';
import { sqlText } from '../../db/sql-text';
import type { AccountRow, AccountUpdate, NewAccountRow } from '../../db/tables/account.table';
import { touched } from '../plan/wake';

// The two reads every CLI command and request makes are SQL text run by `selectRows`: built
// through the query builder each cost more, cold, than SQLite took to answer (select-rows.ts).
export const findAccount = async (db: DbOrTrx, id: string): Promise<AccountRow | undefined> =>
  (await selectRows(db, sqlText<AccountRow>`select * from "account" where "id" = ${id}`))[0];

/** The first account by creation: local mode has exactly one. */
export const findFirstAccount = async (db: DbOrTrx): Promise<AccountRow | undefined> =>
  (await selectRows(db, sqlText<AccountRow>`select * from "account" order by "created_at", "id" limit 1`))[0];

export const insertAccount = (db: DbOrTrx, row: NewAccountRow) =>
  db.insertInto('account').values(row).execute();

export const updateAccount = (db: DbOrTrx, id: string, patch: AccountUpdate) =>
  // The zone, holidays and playbook shape every plan; the other settings shape none.
  patch.time_zone !== undefined || patch.holiday_region !== undefined || patch.playbook !== undefined
    ? touched(db, id, 'all', (t) => t.updateTable('account').set(patch).where('id', '=', id).execute())
    : db.updateTable('account').set(patch).where('id', '=', id).execute();

export const findAccountByFeedToken = (db: DbOrTrx, token: string) =>
  db.selectFrom('account').selectAll().where('feed_token', '=', token).executeTakeFirst();
