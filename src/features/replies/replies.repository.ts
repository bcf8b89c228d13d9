import type { DbOrTrx } from '../../db/database';
import type { NewInboundMailRow } from '../../db/tables/inbound-mail.table';

export const findMailboxState = (db: DbOrTrx, accountId: string, mailbox: string) =>
  db
    .selectFrom('mailbox_state')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('mailbox', '=', mailbox)
    .executeTakeFirst();

/** Remember how far `mailbox` has been read (inside the transaction that recorded the message). */
export const saveMailboxState = (
  db: DbOrTrx,
  row: { account_id: string; mailbox: string; uidvalidity: string; last_uid: string; synced_at: string },
) =>
  db
    .insertInto('mailbox_state')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['account_id', 'mailbox']).doUpdateSet({
        uidvalidity: row.uidvalidity,
        last_uid: row.last_uid,
        synced_at: row.synced_at,
      }),
    )
    .execute();

/** Messages of the account with one of these RFC Message-IDs, in the given direction. */
export const findByRfcIds = (db: DbOrTrx, accountId: string, ids: string[], direction: 'in' | 'out') =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('message')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('direction', '=', direction)
        .where('rfc_message_id', 'in', ids)
        .execute();

export const listContactRows = (db: DbOrTrx, accountId: string) =>
  db.selectFrom('contact').selectAll().where('account_id', '=', accountId).execute();

export const listOpportunityRows = (db: DbOrTrx, accountId: string) =>
  db.selectFrom('opportunity').selectAll().where('account_id', '=', accountId).execute();

/** (opportunity, contact) pairs of every interview participant in the account. */
export const listParticipants = (db: DbOrTrx, accountId: string) =>
  db
    .selectFrom('interview_participant')
    .innerJoin('interview', (j) =>
      j
        .onRef('interview.account_id', '=', 'interview_participant.account_id')
        .onRef('interview.id', '=', 'interview_participant.interview_id'),
    )
    .select(['interview.opportunity_id', 'interview_participant.contact_id', 'interview.start_at'])
    .where('interview_participant.account_id', '=', accountId)
    .execute();

/** Whether an inbound message with this Message-ID was already acted on (any mailbox, any UIDVALIDITY). */
export const findInboundByRfcId = (db: DbOrTrx, accountId: string, rfcMessageId: string) =>
  db
    .selectFrom('inbound_mail')
    .select(['id', 'outcome'])
    .where('account_id', '=', accountId)
    .where('rfc_message_id', '=', rfcMessageId)
    .where('outcome', '!=', 'unreadable')
    .executeTakeFirst();

/** Remember what was done with one inbound message (in the transaction that did it). */
export const insertInbound = (db: DbOrTrx, row: NewInboundMailRow) =>
  db.insertInto('inbound_mail').values(row).execute();

/** Messages skipped as unreadable, newest first. */
export const listUnreadable = (db: DbOrTrx, accountId: string) =>
  db
    .selectFrom('inbound_mail')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('outcome', '=', 'unreadable')
    .orderBy('recorded_at', 'desc')
    .execute();
