import type { DbOrTrx } from '../../db/database';
import type {
  InterviewUpdate,
  NewInterviewParticipantRow,
  NewInterviewRow,
} from '../../db/tables/interview.table';
import { touched } from '../plan/wake';

export const findInterview = (db: DbOrTrx, accountId: string, id: string) =>
  db
    .selectFrom('interview')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();

export const findInterviewBySourceUid = (db: DbOrTrx, accountId: string, uid: string) =>
  db
    .selectFrom('interview')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('source_uid', '=', uid)
    .executeTakeFirst();

/** An interview read from a schedule (no invite UID) of this opportunity, starting at `startAt`. */
export const findScheduledInterviewAt = (
  db: DbOrTrx,
  accountId: string,
  opportunityId: string,
  startAt: string,
) =>
  db
    .selectFrom('interview')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('opportunity_id', '=', opportunityId)
    .where('start_at', '=', startAt)
    .where('source_uid', 'is', null)
    .executeTakeFirst();

export const listInterviews = (db: DbOrTrx, accountId: string, opportunityId?: string) => {
  let q = db.selectFrom('interview').selectAll().where('account_id', '=', accountId);
  if (opportunityId) q = q.where('opportunity_id', '=', opportunityId);
  return q.orderBy('start_at').orderBy('id').execute();
};

export const insertInterview = (db: DbOrTrx, row: NewInterviewRow) =>
  touched(db, row.account_id, { opportunityIds: [row.opportunity_id] }, (t) =>
    t.insertInto('interview').values(row).execute(),
  );

export const updateInterview = (db: DbOrTrx, accountId: string, id: string, patch: InterviewUpdate) =>
  touched(
    db,
    accountId,
    { interviewIds: [id], opportunityIds: patch.opportunity_id ? [patch.opportunity_id] : [] },
    (t) =>
      t
        .updateTable('interview')
        .set(patch)
        .where('account_id', '=', accountId)
        .where('id', '=', id)
        .execute(),
    true,
  );

export const listParticipants = (db: DbOrTrx, accountId: string, interviewIds?: string[]) => {
  let q = db.selectFrom('interview_participant').selectAll().where('account_id', '=', accountId);
  if (interviewIds) {
    if (interviewIds.length === 0) return Promise.resolve([]);
    q = q.where('interview_id', 'in', interviewIds);
  }
  return q.execute();
};

export const insertParticipants = (db: DbOrTrx, rows: NewInterviewParticipantRow[]) =>
  rows.length === 0 || !rows[0]
    ? Promise.resolve()
    : touched(db, rows[0].account_id, { interviewIds: rows.map((r) => r.interview_id) }, (t) =>
        t
          .insertInto('interview_participant')
          .values(rows)
          .execute()
          .then(() => {}),
      );

export const deleteParticipants = (db: DbOrTrx, accountId: string, interviewId: string) =>
  touched(db, accountId, { interviewIds: [interviewId] }, (t) =>
    t
      .deleteFrom('interview_participant')
      .where('account_id', '=', accountId)
      .where('interview_id', '=', interviewId)
      .execute(),
  );

/** Take one person off an interview (they stay a contact). */
export const deleteParticipant = (db: DbOrTrx, accountId: string, interviewId: string, contactId: string) =>
  touched(db, accountId, { interviewIds: [interviewId] }, (t) =>
    t
      .deleteFrom('interview_participant')
      .where('account_id', '=', accountId)
      .where('interview_id', '=', interviewId)
      .where('contact_id', '=', contactId)
      .execute(),
  );

export const upsertParticipant = (db: DbOrTrx, row: NewInterviewParticipantRow) =>
  touched(db, row.account_id, { interviewIds: [row.interview_id] }, (t) =>
    t
      .insertInto('interview_participant')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['account_id', 'interview_id', 'contact_id']).doUpdateSet({ role: row.role }),
      )
      .execute(),
  );
