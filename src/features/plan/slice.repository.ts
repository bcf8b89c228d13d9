/**
 * The planner's inputs for a set of opportunities only (their slices: see
 * src/core/plan/slice.ts), the same columns as snapshot.repository.ts. Today reads these for the
 * opportunities the wake-up index says can show something, so its cost follows live work, not
 * the length of the history.
 *
 * Written as SQL text (Kysely's `sql` tag) rather than with the query builder: `afterview today`
 * runs these once per process, where building and compiling each query through the builder's
 * immutable nodes cost more than SQLite took to answer it (~0.3 ms a query, cold). The text is
 * the same on both dialects but for `inList`; the wake-up differential test runs it on both.
 */
import { PostgresAdapter, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DbOrTrx } from '../../db/database';
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
 * on SQLite, a text array on PostgreSQL. Today's slices name hundreds of ids and over a thousand
 * action keys (1,163 at demo scale 300); bound one placeholder each, SQLite prepared a fresh
 * statement of that many variables for every query, ~5 ms per thousand, most of the slice
 * loader's time. Both forms use the same indexes; the wake-up differential test compares the
 * plans on both dialects.
 */
const inList = (db: DbOrTrx, column: string, values: readonly string[]): RawBuilder<SqlBool> =>
  db.getExecutor().adapter instanceof PostgresAdapter
    ? sql<SqlBool>`${sql.ref(column)} = any(${[...values]}::text[])`
    : sql<SqlBool>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(values)}))`;

const none = <T>(): Promise<T[]> => Promise.resolve([]);

/** The rows of a query written as SQL text (see the top of this file). */
const rowsOf = async <T>(db: DbOrTrx, query: RawBuilder<T>): Promise<T[]> => (await query.execute(db)).rows;

export const sliceOpportunities = (db: DbOrTrx, accountId: string, ids: readonly string[]) =>
  ids.length === 0
    ? none<OpportunityColumns>()
    : rowsOf(
        db,
        sql<OpportunityColumns>`select "id", "company", "role", "stage", "recruiter_id", "decision_by", "stage_changed_at"
          from "opportunity" where "account_id" = ${accountId} and ${inList(db, 'id', ids)}
          order by "created_at", "id"`,
      );

export const sliceInterviews = (db: DbOrTrx, accountId: string, opportunityIds: readonly string[]) =>
  rowsOf(
    db,
    sql<InterviewColumns>`
      select "id", "opportunity_id", "round", "start_at", "end_at", "status", "created_at"
      from "interview" where "account_id" = ${accountId} and ${inList(db, 'opportunity_id', opportunityIds)}
      order by "start_at", "id"`,
  );

export const sliceParticipants = (db: DbOrTrx, accountId: string, interviewIds: readonly string[]) =>
  rowsOf(
    db,
    sql<ParticipantColumns>`
      select "interview_id", "contact_id", "role" from "interview_participant"
      where "account_id" = ${accountId} and ${inList(db, 'interview_id', interviewIds)}`,
  );

export const sliceContacts = (db: DbOrTrx, accountId: string, ids: readonly string[]) =>
  rowsOf(
    db,
    sql<ContactColumns>`
      select "id", "display_name", "emails", "bad_emails" from "contact"
      where "account_id" = ${accountId} and ${inList(db, 'id', ids)}`,
  );

export const sliceDebriefs = (db: DbOrTrx, accountId: string, interviewIds: readonly string[]) =>
  rowsOf(
    db,
    sql<{ interview_id: string }>`select "interview_id" from "debrief"
      where "account_id" = ${accountId} and ${inList(db, 'interview_id', interviewIds)}`,
  );

/**
 * A message as the planner reads it, and `interview_found`: null when the message names no
 * interview or one that no longer exists (the planner then attributes it by its contacts).
 */
type MessageWithInterview = MessageColumns & { interview_found: string | null };

/** Messages of the account matching `where`, with whether the interview they name still exists. */
const messagesWhere = (db: DbOrTrx, accountId: string, where: RawBuilder<SqlBool>) =>
  rowsOf(
    db,
    sql<MessageWithInterview>`select "message"."id", "message"."kind", "message"."direction",
        "message"."opportunity_id", "message"."interview_id", "message"."status", "message"."sent_at",
        "message"."send_at", "message"."action_key", "message"."created_at",
        "interview"."id" as "interview_found"
      from "message" left join "interview"
        on "interview"."id" = "message"."interview_id" and "interview"."account_id" = "message"."account_id"
      where "message"."account_id" = ${accountId} and ${where}`,
  );

/** Messages of these opportunities (indexed by opportunity). */
export const messagesOfOpportunities = (db: DbOrTrx, accountId: string, opportunityIds: readonly string[]) =>
  messagesWhere(db, accountId, inList(db, 'message.opportunity_id', opportunityIds));

/**
 * Messages with no opportunity: the planner attributes them by interview, or, when that is
 * missing too, by their people. Few: notes are recorded with their opportunity when it is known.
 */
export const messagesWithoutOpportunity = (db: DbOrTrx, accountId: string) =>
  messagesWhere(db, accountId, sql<SqlBool>`"message"."opportunity_id" is null`);

/**
 * Messages recorded for one of these action keys (indexed by key) that are not of these
 * opportunities: those come with `messagesOfOpportunities` already. Usually none.
 */
export const messagesForKeys = (
  db: DbOrTrx,
  accountId: string,
  keys: readonly string[],
  opportunityIds: readonly string[],
) =>
  messagesWhere(
    db,
    accountId,
    sql<SqlBool>`${inList(db, 'message.action_key', keys)}
      and ("message"."opportunity_id" is null or not (${inList(db, 'message.opportunity_id', opportunityIds)}))`,
  );

export const sliceMessageContacts = (db: DbOrTrx, accountId: string, messageIds: readonly string[]) =>
  rowsOf(
    db,
    sql<RecipientColumns>`
      select "message_id", "contact_id" from "message_contact"
      where "account_id" = ${accountId} and ${inList(db, 'message_id', messageIds)}`,
  );

/** Decisions on these exact keys, and every check-in decision (their keys grow with the chain). */
export const sliceDecisions = (db: DbOrTrx, accountId: string, exact: readonly string[]) =>
  rowsOf(
    db,
    sql<ActionDecisionRow>`select * from "action_decision"
      where "account_id" = ${accountId}
        and (${inList(db, 'action_key', exact)} or "action_key" like ${'check-in:%'})`,
  );
