/**
 * The wake-up index's queries (see wake.ts): which opportunities a change touches, marking them,
 * and reading and settling their wake-up times.
 */
import type { DbOrTrx } from '../../db/database';
import { selectRows } from '../../db/select-rows';
import { sqlText } from '../../db/sql-text';
import type { PlanWakeRow } from '../../db/tables/plan-wake.table';

/** Mark opportunities dirty (creating their rows): a change touched their slices. */
export const markDirty = async (db: DbOrTrx, accountId: string, opportunityIds: readonly string[]) => {
  // 1,000 rows a statement: five variables each stays under SQLite's 32,766 and PostgreSQL's 65,535.
  for (let i = 0; i < opportunityIds.length; i += 1000) {
    await markDirtyRows(db, accountId, opportunityIds.slice(i, i + 1000));
  }
};

const markDirtyRows = async (db: DbOrTrx, accountId: string, opportunityIds: readonly string[]) => {
  await db
    .insertInto('plan_wake')
    .values(
      opportunityIds.map((id) => ({
        account_id: accountId,
        opportunity_id: id,
        wake_at: null,
        dirty: 1,
        version: 1,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['account_id', 'opportunity_id'])
        .doUpdateSet((eb) => ({ dirty: 1, version: eb('plan_wake.version', '+', 1) })),
    )
    .execute();
};

/** Mark every opportunity of the account dirty, rows for opportunities that have none included. */
export const markAllDirty = async (db: DbOrTrx, accountId: string) => {
  await db
    .updateTable('plan_wake')
    .set((eb) => ({ dirty: 1, version: eb('version', '+', 1) }))
    .where('account_id', '=', accountId)
    .execute();
  await db
    .insertInto('plan_wake')
    .columns(['account_id', 'opportunity_id', 'wake_at', 'dirty', 'version'])
    .expression((eb) =>
      eb
        .selectFrom('opportunity')
        .select((s) => [
          'opportunity.account_id',
          'opportunity.id',
          s.val<string | null>(null).as('wake_at'),
          s.val(1).as('dirty'),
          s.val(1).as('version'),
        ])
        .where('opportunity.account_id', '=', accountId),
    )
    .onConflict((oc) => oc.columns(['account_id', 'opportunity_id']).doNothing())
    .execute();
};

/** Opportunities of interviews. */
export const opportunitiesOfInterviews = (db: DbOrTrx, accountId: string, interviewIds: readonly string[]) =>
  interviewIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('interview')
        .select(['id', 'opportunity_id'])
        .where('account_id', '=', accountId)
        .where('id', 'in', interviewIds)
        .execute();

/** Opportunities where one of the contacts is the recruiter or took part in an interview. */
export const opportunitiesOfContacts = async (
  db: DbOrTrx,
  accountId: string,
  contactIds: readonly string[],
) => {
  if (contactIds.length === 0) return [];
  const [recruiting, taking] = await Promise.all([
    db
      .selectFrom('opportunity')
      .select('id as opportunity_id')
      .where('account_id', '=', accountId)
      .where('recruiter_id', 'in', contactIds)
      .execute(),
    db
      .selectFrom('interview_participant')
      .innerJoin('interview', (j) =>
        j
          .onRef('interview.id', '=', 'interview_participant.interview_id')
          .onRef('interview.account_id', '=', 'interview_participant.account_id'),
      )
      .select('interview.opportunity_id')
      .where('interview_participant.account_id', '=', accountId)
      .where('interview_participant.contact_id', 'in', contactIds)
      .execute(),
  ]);
  return [...recruiting, ...taking];
};

/** The fields of messages that say which opportunities they are about. */
export const messageTies = (db: DbOrTrx, accountId: string, messageIds: readonly string[]) =>
  messageIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('message')
        .select(['id', 'opportunity_id', 'interview_id', 'action_key'])
        .where('account_id', '=', accountId)
        .where('id', 'in', messageIds)
        .execute();

export const messageContactIds = (db: DbOrTrx, accountId: string, messageIds: readonly string[]) =>
  messageIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('message_contact')
        .select(['message_id', 'contact_id'])
        .where('account_id', '=', accountId)
        .where('message_id', 'in', messageIds)
        .execute();

/**
 * The opportunities Today must plan at `nowIso`: dirty ones and those awake by then. Two ranges of
 * plan_wake_awake_idx, so the read follows live work, not every opportunity ever recorded.
 */
// SQL text, as the slice queries (slice.repository.ts): run once by every `afterview today`.
export const awakeOpportunities = (db: DbOrTrx, accountId: string, nowIso: string) =>
  selectRows(
    db,
    sqlText<Pick<PlanWakeRow, 'opportunity_id' | 'dirty' | 'version'>>`
      select "opportunity_id", "dirty", "version" from "plan_wake"
      where "account_id" = ${accountId} and "dirty" = 1
      union all
      select "opportunity_id", "dirty", "version" from "plan_wake"
      where "account_id" = ${accountId} and "dirty" = 0 and "wake_at" <= ${nowIso}`,
  );

/** Store a computed wake-up time, unless a change touched the opportunity meanwhile. */
export const settleWake = (
  db: DbOrTrx,
  accountId: string,
  opportunityId: string,
  version: number,
  wakeAt: string | null,
) =>
  db
    .updateTable('plan_wake')
    .set({ wake_at: wakeAt, dirty: 0 })
    .where('account_id', '=', accountId)
    .where('opportunity_id', '=', opportunityId)
    .where('version', '=', version)
    .execute();

/** Every opportunity's id and every interview's id with its opportunity (ids only). */
export const allTargetIds = async (db: DbOrTrx, accountId: string) => {
  const [opportunities, interviews] = await Promise.all([
    db.selectFrom('opportunity').select('id').where('account_id', '=', accountId).execute(),
    db.selectFrom('interview').select(['id', 'opportunity_id']).where('account_id', '=', accountId).execute(),
  ]);
  return { opportunities, interviews };
};
