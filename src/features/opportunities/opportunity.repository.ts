import type { DbOrTrx } from '../../db/database';
import type { NewOpportunityRow, OpportunityUpdate } from '../../db/tables/opportunity.table';

export const findOpportunity = (db: DbOrTrx, accountId: string, id: string) =>
  db
    .selectFrom('opportunity')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();

export const listOpportunities = (db: DbOrTrx, accountId: string) =>
  db
    .selectFrom('opportunity')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export const insertOpportunity = (db: DbOrTrx, row: NewOpportunityRow) =>
  db.insertInto('opportunity').values(row).execute();

export const updateOpportunity = (db: DbOrTrx, accountId: string, id: string, patch: OpportunityUpdate) =>
  db.updateTable('opportunity').set(patch).where('account_id', '=', accountId).where('id', '=', id).execute();
