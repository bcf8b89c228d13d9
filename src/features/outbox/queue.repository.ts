/**
 * The claim queue's statements, written once for the two queues that use it: the users' outbox
 * (the outbound rows of `message`) and hosted mode's own mails (`system_mail`). Both tables carry
 * the same queue columns (`status`, `send_at`, `attempts`, `lease_until`, `last_error`) and the
 * same life: `scheduled` → claimed as `sending` with a lease → an outcome recorded by the claimer,
 * handed back unsent by a stopping worker, or, if the lease ends first, `uncertain` (never resent,
 * since the server may have taken it).
 *
 * What differs is explicit here: the message table also holds inbound notes and drafts, so only
 * its outbound rows are queued; the users' outbox claims one account at a time (`scope`), the
 * system mails are claimed oldest first across accounts, one at a time.
 *
 * The claim is one atomic statement: PostgreSQL locks the due rows with `FOR UPDATE SKIP LOCKED`,
 * so concurrent workers on any number of machines each get different rows; SQLite runs it in a
 * `BEGIN IMMEDIATE` transaction, holding the single writer lock for the whole claim.
 */
import {
  type ExpressionBuilder,
  type KyselyPlugin,
  OperationNodeTransformer,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  ReferenceNode,
  type ReturningNode,
  type RootOperationNode,
  SelectAllNode,
  SelectionNode,
  sql,
  type UnknownRow,
} from 'kysely';
import type { Dialect } from '../../db/connect';
import type { Database, Db, DbOrTrx } from '../../db/database';

/** The tables that are claim queues. */
export type QueueTable = 'message' | 'system_mail';

/** Which of a queue's rows a statement may touch. */
export interface QueueScope {
  /** Only this account's rows. */
  accountId?: string;
  /** Only this row. */
  id?: string;
}

/** What identifies one claim: the row and the attempt it counted. */
export type ClaimKey = { account_id: string; id: string; attempts: number };

/**
 * The row is still the claim `key` names: the same attempt count, and a status in `statuses`.
 * Only the claimer's writes pass it (a later claim counted another attempt; an expired one is
 * `uncertain`), which is what records each claim's outcome at most once.
 */
export const stillClaimed =
  (key: ClaimKey, statuses: readonly ('sending' | 'uncertain')[]) =>
  (eb: ExpressionBuilder<Database, QueueTable>) =>
    eb.and([
      eb('account_id', '=', key.account_id),
      eb('id', '=', key.id),
      eb('attempts', '=', key.attempts),
      eb('status', 'in', statuses),
    ]);

/**
 * Is there anything for a pass to write: a due `scheduled` row, or a claim whose lease ended?
 * A plain read (on SQLite it goes to the read-only handle), so an idle poll never asks for the
 * write lock. `scope.id` narrows only the due rows: any ended lease of the account is work.
 */
export async function work(
  db: Db,
  table: QueueTable,
  now: string,
  scope: QueueScope = {},
): Promise<{ due: boolean; expired: boolean }> {
  let due = db
    .selectFrom(table)
    .select(sql<number>`1`.as('one'))
    .where('status', '=', 'scheduled')
    .where('send_at', '<=', now);
  if (table === 'message') due = due.where('direction', '=', 'out');
  let expired = db
    .selectFrom(table)
    .select(sql<number>`1`.as('one'))
    .where('status', '=', 'sending')
    .where('lease_until', '<', now);
  if (scope.accountId) {
    due = due.where('account_id', '=', scope.accountId);
    expired = expired.where('account_id', '=', scope.accountId);
  }
  if (scope.id) due = due.where('id', '=', scope.id);
  const [d, e] = await Promise.all([due.limit(1).executeTakeFirst(), expired.limit(1).executeTakeFirst()]);
  return { due: d !== undefined, expired: e !== undefined };
}

/**
 * Move up to `limit` due `scheduled` rows (oldest first) to `sending` with a lease, counting the
 * attempt, and return them, typed as `table`'s rows (in no particular order: RETURNING promises
 * none). A row is returned by at most one claim until its lease ends.
 */
export async function claim<T extends QueueTable>(
  db: Db,
  dialect: Dialect,
  table: T,
  o: { now: string; leaseUntil: string; limit: number } & QueueScope,
) {
  // The statement is built over either queue (Kysely cannot build one over a generic table name);
  // only its RETURNING names `table` itself, which types the rows as that table's.
  const queue: QueueTable = table;
  const statement = (q: DbOrTrx) => {
    const update = q
      // MATERIALIZED: the due rows are chosen (and on PostgreSQL locked) exactly once. Inlined into
      // an `IN (…)` the planner may re-run a LIMIT … SKIP LOCKED subquery per row and claim them all.
      .with(
        (cte) => cte('due').materialized(),
        (w) => {
          let due = w
            .selectFrom(queue)
            .select(['account_id', 'id'])
            .where('status', '=', 'scheduled')
            .where('send_at', '<=', o.now);
          if (queue === 'message') due = due.where('direction', '=', 'out');
          if (o.accountId) due = due.where('account_id', '=', o.accountId);
          if (o.id) due = due.where('id', '=', o.id);
          due = due.orderBy('send_at').orderBy('id').limit(o.limit);
          return dialect === 'postgres' ? due.forUpdate().skipLocked() : due;
        },
      )
      .updateTable(queue)
      .from('due')
      .set((eb) => ({
        status: 'sending',
        lease_until: o.leaseUntil,
        attempts: eb(eb.ref(`${queue}.attempts`), '+', 1),
        updated_at: o.now,
      }))
      .whereRef(`${queue}.account_id`, '=', 'due.account_id')
      .whereRef(`${queue}.id`, '=', 'due.id')
      // Re-checked on the locked row: PostgreSQL re-evaluates it if another claim committed first.
      .where(`${queue}.status`, '=', 'scheduled')
      .returningAll(table);
    return dialect === 'postgres' ? update.execute() : update.withPlugin(unqualifiedReturning).execute();
  };
  if (dialect === 'postgres') return statement(db);
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const rows = await statement(conn);
      await sql`commit`.execute(conn);
      return rows;
    } catch (err) {
      await sql`rollback`.execute(conn);
      throw err;
    }
  });
}

/**
 * Claims whose worker died while sending (the lease ended with the status still `sending`) become
 * `uncertain`: the server may have accepted them, so they are never sent again silently. Returns
 * the rows so changed.
 */
export const expireLeases = <T extends QueueTable>(
  db: DbOrTrx,
  table: T,
  now: string,
  reason: string,
  accountId?: string,
) => {
  const queue: QueueTable = table;
  let q = db
    .updateTable(queue)
    .set({ status: 'uncertain', lease_until: null, last_error: reason, updated_at: now })
    .where('status', '=', 'sending')
    .where('lease_until', '<', now);
  if (accountId) q = q.where('account_id', '=', accountId);
  return q.returningAll(table).withPlugin(unqualifiedReturning).execute();
};

/**
 * Hand a claimed row back unsent (a stopping worker had not started it): `scheduled` again, lease
 * cleared and the attempt uncounted, only if it is still this claim (same attempt count, still
 * `sending`). Returns whether it was released.
 */
export async function release(
  db: DbOrTrx,
  table: QueueTable,
  claimed: ClaimKey,
  now: string,
): Promise<boolean> {
  const r = await db
    .updateTable(table)
    .set((eb) => ({
      status: 'scheduled',
      lease_until: null,
      attempts: eb('attempts', '-', 1),
      updated_at: now,
    }))
    .where(stillClaimed(claimed, ['sending']))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * SQLite's RETURNING takes no `table.*` ("RETURNING may not use TABLE.* wildcards"), and returns
 * only the updated table's columns anyway: this writes `returning "t".*` as `returning *`, so the
 * statement can name its table (and so be typed as that table's rows) on both dialects.
 */
class UnqualifiedReturning extends OperationNodeTransformer {
  protected override transformReturning(node: ReturningNode): ReturningNode {
    return {
      ...node,
      selections: node.selections.map((s) =>
        ReferenceNode.is(s.selection) && SelectAllNode.is(s.selection.column)
          ? SelectionNode.createSelectAll()
          : s,
      ),
    };
  }
}

const unqualifiedReturning: KyselyPlugin = {
  transformQuery: (args: PluginTransformQueryArgs): RootOperationNode =>
    new UnqualifiedReturning().transformNode(args.node),
  transformResult: async (args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> => args.result,
};
