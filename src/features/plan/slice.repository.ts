/**
 * The planner's inputs for a set of opportunities only (their slices: see
 * src/core/plan/slice.ts), the same columns as snapshot.repository.ts. Today reads these for the
 * opportunities the wake-up index says can show something, so its cost follows live work, not
 * the length of the history.
 */
import { PostgresAdapter, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DbOrTrx } from '../../db/database';

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

export const sliceOpportunities = (db: DbOrTrx, accountId: string, ids: readonly string[]) =>
  ids.length === 0 ? none<Awaited<ReturnType<typeof oppQuery>>[number]>() : oppQuery(db, accountId, ids);
const oppQuery = (db: DbOrTrx, accountId: string, ids: readonly string[]) =>
  db
    .selectFrom('opportunity')
    .select(['id', 'company', 'role', 'stage', 'recruiter_id', 'decision_by', 'stage_changed_at'])
    .where('account_id', '=', accountId)
    .where(inList(db, 'id', ids))
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export const sliceInterviews = (db: DbOrTrx, accountId: string, opportunityIds: readonly string[]) =>
  db
    .selectFrom('interview')
    .select(['id', 'opportunity_id', 'round', 'start_at', 'end_at', 'status', 'created_at'])
    .where('account_id', '=', accountId)
    .where(inList(db, 'opportunity_id', opportunityIds))
    .orderBy('start_at')
    .orderBy('id')
    .execute();

export const sliceParticipants = (db: DbOrTrx, accountId: string, interviewIds: readonly string[]) =>
  db
    .selectFrom('interview_participant')
    .select(['interview_id', 'contact_id', 'role'])
    .where('account_id', '=', accountId)
    .where(inList(db, 'interview_id', interviewIds))
    .execute();

export const sliceContacts = (db: DbOrTrx, accountId: string, ids: readonly string[]) =>
  db
    .selectFrom('contact')
    .select(['id', 'display_name', 'emails', 'bad_emails'])
    .where('account_id', '=', accountId)
    .where(inList(db, 'id', ids))
    .execute();

export const sliceDebriefs = (db: DbOrTrx, accountId: string, interviewIds: readonly string[]) =>
  db
    .selectFrom('debrief')
    .select('interview_id')
    .where('account_id', '=', accountId)
    .where(inList(db, 'interview_id', interviewIds))
    .execute();

const MESSAGE_COLUMNS = [
  'message.id',
  'message.kind',
  'message.direction',
  'message.opportunity_id',
  'message.interview_id',
  'message.status',
  'message.sent_at',
  'message.send_at',
  'message.action_key',
  'message.created_at',
] as const;

const messageQuery = (db: DbOrTrx, accountId: string) =>
  db
    .selectFrom('message')
    // `interview_found` is null when the message names no interview or one that no longer exists:
    // the planner then attributes it by its contacts.
    .leftJoin('interview', (j) =>
      j
        .onRef('interview.id', '=', 'message.interview_id')
        .onRef('interview.account_id', '=', 'message.account_id'),
    )
    .select([...MESSAGE_COLUMNS, 'interview.id as interview_found'])
    .where('message.account_id', '=', accountId);

/** Messages of these opportunities (indexed by opportunity). */
export const messagesOfOpportunities = (db: DbOrTrx, accountId: string, opportunityIds: readonly string[]) =>
  messageQuery(db, accountId)
    .where(inList(db, 'message.opportunity_id', opportunityIds))
    .execute();

/**
 * Messages with no opportunity: the planner attributes them by interview, or, when that is
 * missing too, by their people. Few: notes are recorded with their opportunity when it is known.
 */
export const messagesWithoutOpportunity = (db: DbOrTrx, accountId: string) =>
  messageQuery(db, accountId).where('message.opportunity_id', 'is', null).execute();

/** Messages recorded for one of these action keys (indexed by key). */
export const messagesForKeys = (db: DbOrTrx, accountId: string, keys: readonly string[]) =>
  messageQuery(db, accountId)
    .where(inList(db, 'message.action_key', keys))
    .execute();

export const sliceMessageContacts = (db: DbOrTrx, accountId: string, messageIds: readonly string[]) =>
  db
    .selectFrom('message_contact')
    .select(['message_id', 'contact_id'])
    .where('account_id', '=', accountId)
    .where(inList(db, 'message_id', messageIds))
    .execute();

/** Decisions on these exact keys, and every check-in decision (their keys grow with the chain). */
export const sliceDecisions = (db: DbOrTrx, accountId: string, exact: readonly string[]) =>
  db
    .selectFrom('action_decision')
    .selectAll()
    .where('account_id', '=', accountId)
    .where((eb) => eb.or([inList(db, 'action_key', exact), eb('action_key', 'like', 'check-in:%')]))
    .execute();
