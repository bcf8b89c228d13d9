/**
 * The planner's inputs for a set of opportunities only (their slices: see
 * src/core/plan/slice.ts), the same columns as snapshot.repository.ts. Today reads these for the
 * opportunities the wake-up index says can show something, so its cost follows live work, not
 * the length of the history.
 *
 * Written as SQL text (sql-text.ts) and run by `selectRows`, which on SQLite skips Kysely's
 * query pipeline: `afterview today` runs these once per process, where building and compiling
 * each query cold cost more than SQLite took to answer it (select-rows.ts). The text is the same
 * on both dialects but for `inList`; the wake-up differential test runs it on both.
 */
import type { DbOrTrx } from '../../db/database';
import { selectRows } from '../../db/select-rows';
import { column, perDialect, type SqlFragment, sqlText } from '../../db/sql-text';
import type { ActionDecisionRow } from '../../db/tables/action-decision.table';
import type {
  ContactColumns,
  InterviewColumns,
  MessageColumns,
  OpportunityColumns,
  ParticipantColumns,
  RecipientColumns,
} from './planner-rows';

/**
 * `column IN (values)` with the values bound as one parameter: a JSON array read by `json_each`
 * on SQLite, a text array on PostgreSQL. Today's slices name hundreds of ids and hundreds of
 * action keys; bound one placeholder each, SQLite prepared a fresh statement of that many
 * variables for every query, ~5 ms per thousand, most of the slice loader's time. Both forms use
 * the same indexes; the wake-up differential test compares the plans on both dialects.
 */
const inList = (name: string, values: readonly string[]): SqlFragment => valueIn(column(name), values);

/** `expression IN (values)`, bound as `inList` binds them. */
const valueIn = (expression: SqlFragment, values: readonly string[]): SqlFragment =>
  perDialect(
    sqlText`${expression} in (select value from json_each(${JSON.stringify(values)}))`,
    sqlText`${expression} = any(${[...values]}::text[])`,
  );

/**
 * What an action key in `name` is about: the id between its first and second colon (keys.ts
 * `keyTarget`). Written exactly as the indexes of migration 2026-11-28T0500 compute it, or the
 * database would not use them (slice.repository.test.ts checks SQLite's plan).
 */
const keyTargetIn = (name: string): SqlFragment => {
  const key = column(name);
  return perDialect(
    sqlText`substr(substr(${key}, instr(${key}, ':') + 1), 1, instr(substr(${key}, instr(${key}, ':') + 1) || ':', ':') - 1)`,
    sqlText`split_part(${key}, ':', 2)`,
  );
};

const none = <T>(): Promise<T[]> => Promise.resolve([]);

export const sliceOpportunities = (db: DbOrTrx, accountId: string, ids: readonly string[]) =>
  ids.length === 0
    ? none<OpportunityColumns>()
    : selectRows(
        db,
        sqlText<OpportunityColumns>`select "id", "company", "role", "stage", "recruiter_id", "decision_by", "stage_changed_at"
          from "opportunity" where "account_id" = ${accountId} and ${inList('id', ids)}
          order by "created_at", "id"`,
      );

export const sliceInterviews = (db: DbOrTrx, accountId: string, opportunityIds: readonly string[]) =>
  selectRows(
    db,
    sqlText<InterviewColumns>`
      select "id", "opportunity_id", "round", "start_at", "end_at", "status", "created_at"
      from "interview" where "account_id" = ${accountId} and ${inList('opportunity_id', opportunityIds)}
      order by "start_at", "id"`,
  );

export const sliceParticipants = (db: DbOrTrx, accountId: string, interviewIds: readonly string[]) =>
  selectRows(
    db,
    sqlText<ParticipantColumns>`
      select "interview_id", "contact_id", "role" from "interview_participant"
      where "account_id" = ${accountId} and ${inList('interview_id', interviewIds)}`,
  );

export const sliceContacts = (db: DbOrTrx, accountId: string, ids: readonly string[]) =>
  selectRows(
    db,
    sqlText<ContactColumns>`
      select "id", "display_name", "emails", "bad_emails" from "contact"
      where "account_id" = ${accountId} and ${inList('id', ids)}`,
  );

export const sliceDebriefs = (db: DbOrTrx, accountId: string, interviewIds: readonly string[]) =>
  selectRows(
    db,
    sqlText<{ interview_id: string }>`select "interview_id" from "debrief"
      where "account_id" = ${accountId} and ${inList('interview_id', interviewIds)}`,
  );

/**
 * A message as the planner reads it, and `interview_found`: null when the message names no
 * interview or one that no longer exists (the planner then attributes it by its contacts).
 */
type MessageWithInterview = MessageColumns & { interview_found: string | null };

/** Messages of the account matching `where`, with whether the interview they name still exists. */
const messagesWhere = (db: DbOrTrx, accountId: string, where: SqlFragment) =>
  selectRows(db, messagesQuery(accountId, where));

const messagesQuery = (accountId: string, where: SqlFragment) =>
  sqlText<MessageWithInterview>`select "message"."id", "message"."kind", "message"."direction",
        "message"."opportunity_id", "message"."interview_id", "message"."status", "message"."sent_at",
        "message"."send_at", "message"."action_key", "message"."created_at",
        "interview"."id" as "interview_found"
      from "message" left join "interview"
        on "interview"."id" = "message"."interview_id" and "interview"."account_id" = "message"."account_id"
      where "message"."account_id" = ${accountId} and ${where}`;

/** Messages of these opportunities (indexed by opportunity). */
export const messagesOfOpportunities = (db: DbOrTrx, accountId: string, opportunityIds: readonly string[]) =>
  messagesWhere(db, accountId, inList('message.opportunity_id', opportunityIds));

/**
 * Messages with no opportunity: the planner attributes them by interview, or, when that is
 * missing too, by their people. Few: notes are recorded with their opportunity when it is known.
 */
export const messagesWithoutOpportunity = (db: DbOrTrx, accountId: string) =>
  messagesWhere(db, accountId, sqlText`"message"."opportunity_id" is null`);

/**
 * Messages recorded for an action about one of these opportunities or interviews (by the id in
 * their key, indexed) that are not of these opportunities: those come with
 * `messagesOfOpportunities` already. Usually none.
 */
export const messagesForTargets = (
  db: DbOrTrx,
  accountId: string,
  targetIds: readonly string[],
  opportunityIds: readonly string[],
) => selectRows(db, messagesForTargetsQuery(accountId, targetIds, opportunityIds));

export const messagesForTargetsQuery = (
  accountId: string,
  targetIds: readonly string[],
  opportunityIds: readonly string[],
) =>
  messagesQuery(
    accountId,
    sqlText`"message"."action_key" is not null and ${valueIn(keyTargetIn('message.action_key'), targetIds)}
      and ("message"."opportunity_id" is null or not (${inList('message.opportunity_id', opportunityIds)}))`,
  );

export const sliceMessageContacts = (db: DbOrTrx, accountId: string, messageIds: readonly string[]) =>
  selectRows(
    db,
    sqlText<RecipientColumns>`
      select "message_id", "contact_id" from "message_contact"
      where "account_id" = ${accountId} and ${inList('message_id', messageIds)}`,
  );

/**
 * Decisions on the actions about these opportunities or interviews, by the id in their key
 * (indexed): check-ins included, whose keys name the event each follows. Not every check-in
 * decision of the account, as before, which grew with history.
 */
export const sliceDecisions = (db: DbOrTrx, accountId: string, targetIds: readonly string[]) =>
  selectRows(db, sliceDecisionsQuery(accountId, targetIds));

export const sliceDecisionsQuery = (accountId: string, targetIds: readonly string[]) =>
  sqlText<ActionDecisionRow>`select * from "action_decision"
    where "account_id" = ${accountId} and ${valueIn(keyTargetIn('action_key'), targetIds)}`;
