import type { DbOrTrx } from '../../db/database';
import type { NewDebriefNoteRow, NewDebriefRow } from '../../db/tables/debrief.table';
import { touched } from '../plan/wake';

export const findDebrief = (db: DbOrTrx, accountId: string, interviewId: string) =>
  db
    .selectFrom('debrief')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('interview_id', '=', interviewId)
    .executeTakeFirst();

export const listDebriefs = (db: DbOrTrx, accountId: string) =>
  db.selectFrom('debrief').selectAll().where('account_id', '=', accountId).execute();

export const listDebriefNotes = (db: DbOrTrx, accountId: string, interviewId?: string) => {
  let q = db.selectFrom('debrief_note').selectAll().where('account_id', '=', accountId);
  if (interviewId) q = q.where('interview_id', '=', interviewId);
  return q.execute();
};

export const upsertDebrief = (db: DbOrTrx, row: NewDebriefRow) =>
  touched(db, row.account_id, { interviewIds: [row.interview_id] }, (t) =>
    t
      .insertInto('debrief')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['account_id', 'interview_id']).doUpdateSet({
          feeling: row.feeling,
          went_well: row.went_well,
          improve: row.improve,
          add_to_answer: row.add_to_answer,
          promises: row.promises,
          updated_at: row.updated_at,
        }),
      )
      .execute(),
  );

export const upsertDebriefNote = (db: DbOrTrx, row: NewDebriefNoteRow) =>
  db
    .insertInto('debrief_note')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['account_id', 'interview_id', 'contact_id']).doUpdateSet({
        memorable: row.memorable,
        topics: row.topics,
        problem: row.problem,
        promise: row.promise,
        updated_at: row.updated_at,
      }),
    )
    .execute();
