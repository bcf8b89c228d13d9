import type { DbOrTrx } from '../../db/database';
import type { MessageUpdate, NewMessageContactRow, NewMessageRow } from '../../db/tables/message.table';
import { touched } from '../plan/wake';

export const findMessage = (db: DbOrTrx, accountId: string, id: string) =>
  db
    .selectFrom('message')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();

export const listMessages = (db: DbOrTrx, accountId: string, opportunityId?: string) => {
  let q = db.selectFrom('message').selectAll().where('account_id', '=', accountId);
  if (opportunityId) q = q.where('opportunity_id', '=', opportunityId);
  return q.orderBy('created_at').orderBy('id').execute();
};

export const findDraftByActionKey = (db: DbOrTrx, accountId: string, actionKey: string) =>
  db
    .selectFrom('message')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('action_key', '=', actionKey)
    .where('status', '=', 'draft')
    .executeTakeFirst();

export const insertMessage = (db: DbOrTrx, row: NewMessageRow) =>
  touched(db, row.account_id, { messageIds: [row.id] }, (t) => t.insertInto('message').values(row).execute());

export const updateMessage = (db: DbOrTrx, accountId: string, id: string, patch: MessageUpdate) =>
  touched(
    db,
    accountId,
    { messageIds: [id], messages: [patch] },
    (t) =>
      t.updateTable('message').set(patch).where('account_id', '=', accountId).where('id', '=', id).execute(),
    true,
  );

export const listMessageContacts = (db: DbOrTrx, accountId: string, messageIds?: string[]) => {
  let q = db.selectFrom('message_contact').selectAll().where('account_id', '=', accountId);
  if (messageIds) {
    if (messageIds.length === 0) return Promise.resolve([]);
    q = q.where('message_id', 'in', messageIds);
  }
  return q.execute();
};

export const insertMessageContacts = (db: DbOrTrx, rows: NewMessageContactRow[]) =>
  rows.length === 0 || !rows[0]
    ? Promise.resolve()
    : touched(db, rows[0].account_id, { messageIds: rows.map((r) => r.message_id) }, (t) =>
        t
          .insertInto('message_contact')
          .values(rows)
          .execute()
          .then(() => {}),
      );
