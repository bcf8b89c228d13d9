import type { DbOrTrx } from '../../db/database';
import type { NewOpportunityRow, OpportunityUpdate } from '../../db/tables/opportunity.table';
import { touched } from '../plan/wake';

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
  touched(db, row.account_id, { opportunityIds: [row.id] }, (t) =>
    t.insertInto('opportunity').values(row).execute(),
  );

export const updateOpportunity = (db: DbOrTrx, accountId: string, id: string, patch: OpportunityUpdate) =>
  touched(db, accountId, { opportunityIds: [id] }, (t) =>
    t
      .updateTable('opportunity')
      .set(patch)
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .execute(),
  );
