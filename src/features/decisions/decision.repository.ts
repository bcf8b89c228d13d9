import type { DbOrTrx } from '../../db/database';
import type { NewActionDecisionRow } from '../../db/tables/action-decision.table';
import { touched } from '../plan/wake';

export const listDecisions = (db: DbOrTrx, accountId: string) =>
  db.selectFrom('action_decision').selectAll().where('account_id', '=', accountId).execute();

export const upsertDecision = (db: DbOrTrx, row: NewActionDecisionRow) =>
  touched(db, row.account_id, { actionKeys: [row.action_key] }, (t) =>
    t
      .insertInto('action_decision')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['account_id', 'action_key'])
          .doUpdateSet({ decision: row.decision, until: row.until ?? null, decided_at: row.decided_at }),
      )
      .execute(),
  );

export const deleteDecision = (db: DbOrTrx, accountId: string, key: string) =>
  touched(db, accountId, { actionKeys: [key] }, (t) =>
    t
      .deleteFrom('action_decision')
      .where('account_id', '=', accountId)
      .where('action_key', '=', key)
      .execute(),
  );

export const findDecision = (db: DbOrTrx, accountId: string, key: string) =>
  db
    .selectFrom('action_decision')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('action_key', '=', key)
    .executeTakeFirst();
