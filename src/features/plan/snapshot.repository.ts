/**
 * The planner's inputs read straight from the tables, only the columns a rule reads (see
 * `PlanSnapshot` in src/core/plan/context.ts): no message bodies, no people's provenance, no
 * debrief text. Same row order as the feature repositories, so the plan is built identically.
 */
import type { DbOrTrx } from '../../db/database';

export const planOpportunities = (db: DbOrTrx, accountId: string) =>
  db
    .selectFrom('opportunity')
    .select(['id', 'company', 'role', 'stage', 'recruiter_id', 'decision_by', 'stage_changed_at'])
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export const planInterviews = (db: DbOrTrx, accountId: string) =>
  db
    .selectFrom('interview')
    .select(['id', 'opportunity_id', 'round', 'start_at', 'end_at', 'status', 'created_at'])
    .where('account_id', '=', accountId)
    .orderBy('start_at')
    .orderBy('id')
    .execute();

export const planParticipants = (db: DbOrTrx, accountId: string) =>
  db
    .selectFrom('interview_participant')
    .select(['interview_id', 'contact_id', 'role'])
    .where('account_id', '=', accountId)
    .execute();

export const planContacts = (db: DbOrTrx, accountId: string) =>
  db
    .selectFrom('contact')
    .select(['id', 'display_name', 'emails', 'bad_emails'])
    .where('account_id', '=', accountId)
    .execute();

export const debriefedInterviewIds = (db: DbOrTrx, accountId: string) =>
  db.selectFrom('debrief').select('interview_id').where('account_id', '=', accountId).execute();

export const planMessages = (db: DbOrTrx, accountId: string) =>
  db
    .selectFrom('message')
    .select([
      'id',
      'kind',
      'direction',
      'opportunity_id',
      'interview_id',
      'status',
      'sent_at',
      'send_at',
      'action_key',
      'created_at',
    ])
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export const planMessageContacts = (db: DbOrTrx, accountId: string) =>
  db
    .selectFrom('message_contact')
    .select(['message_id', 'contact_id'])
    .where('account_id', '=', accountId)
    .execute();
