import type { DbOrTrx } from '../../db/database';
import type { NewEventRow } from '../../db/tables/event.table';

export const insertEvent = (db: DbOrTrx, row: NewEventRow) => db.insertInto('event').values(row).execute();

export const listEvents = (db: DbOrTrx, accountId: string, opportunityId?: string) => {
  let q = db.selectFrom('event').selectAll().where('account_id', '=', accountId);
  if (opportunityId) q = q.where('opportunity_id', '=', opportunityId);
  return q.orderBy('at').orderBy('id').execute();
};
