/**
 * Undoing a decision (done, dismissed, snoozed): the action comes back as if it had never been
 * decided. Saying which decision was undone lets the CLI and the web app confirm it in words;
 * an action nobody decided about is a conflict, not a silent success.
 */
import { AppError } from '../../core/errors';
import type { DecisionKind } from '../../core/types';
import type { ServiceContext } from '../context';
import { deleteDecision, findDecision } from './decision.repository';

const DECISIONS: readonly DecisionKind[] = ['done', 'dismissed', 'snoozed'];
const isDecisionKind = (s: string): s is DecisionKind => (DECISIONS as readonly string[]).includes(s);

/** Remove the decision about `key`; returns what it was. */
export async function undoDecision(ctx: ServiceContext, key: string): Promise<DecisionKind> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findDecision(trx, ctx.actor.accountId, key);
    if (!row || !isDecisionKind(row.decision))
      throw new AppError(
        'conflict',
        `Nothing to undo: the action ${key} is not marked done, dismissed or snoozed.`,
        'key',
      );
    await deleteDecision(trx, ctx.actor.accountId, key);
    return row.decision;
  });
}
