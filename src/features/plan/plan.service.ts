/** The plan for the account right now, and the user's decisions about its actions. */
import { AppError, invalid } from '../../core/errors';
import { type PlannedAction, plan, planAll } from '../../core/plan/plan';
import { formatInstant, parseUserInstant } from '../../core/time';
import type { Action, DecisionKind } from '../../core/types';
import { getAccount, getPlaybook } from '../accounts/account.service';
import type { ServiceContext } from '../context';
import { deleteDecision, upsertDecision } from '../decisions/decision.repository';
import { loadPlanSnapshot } from './snapshot.service';

export interface Today {
  /** Open actions, soonest due first. */
  actions: Action[];
  /** When nothing is due: when the next upcoming thing starts (null when there is nothing at all). */
  nextStart: string | null;
}

export async function getToday(ctx: ServiceContext): Promise<Today> {
  const [snapshot, playbook] = await Promise.all([loadPlanSnapshot(ctx), getPlaybook(ctx)]);
  const actions = plan(snapshot, playbook, ctx.now);
  const upcoming = actions.filter((a) => a.urgency === 'upcoming').map((a) => a.start);
  return { actions, nextStart: upcoming.sort()[0] ?? null };
}

/** Every action the playbook yields, with its state (open, done, snoozed, fulfilled...). */
export async function getAllActions(ctx: ServiceContext): Promise<PlannedAction[]> {
  const [snapshot, playbook] = await Promise.all([loadPlanSnapshot(ctx), getPlaybook(ctx)]);
  return planAll(snapshot, playbook, ctx.now);
}

/**
 * Record done / dismissed / snoozed-until for one action. The key must be one the plan knows,
 * so a typo does not silently record nothing.
 */
export async function decide(
  ctx: ServiceContext,
  key: string,
  decision: DecisionKind,
  until?: string,
): Promise<PlannedAction> {
  const all = await getAllActions(ctx);
  const action = all.find((a) => a.key === key);
  if (!action) throw invalid(`No action with key "${key}". \`afterview today\` lists the keys.`, 'key');
  let untilInstant: string | null = null;
  if (decision === 'snoozed') {
    if (!until) throw invalid('--until is required to snooze.', 'until');
    const account = await getAccount(ctx);
    try {
      untilInstant = formatInstant(parseUserInstant(until, account.timeZone));
    } catch {
      throw invalid(`until: "${until}" is not an ISO-8601 time such as 2026-12-10T09:00.`, 'until');
    }
    if (untilInstant <= formatInstant(ctx.now)) {
      throw invalid(`until: ${until} is not in the future.`, 'until');
    }
  }
  await upsertDecision(ctx.db, {
    account_id: ctx.actor.accountId,
    action_key: key,
    decision,
    until: untilInstant,
    decided_at: formatInstant(ctx.now),
  });
  const after = (await getAllActions(ctx)).find((a) => a.key === key);
  if (!after) throw new AppError('internal', `Action ${key} vanished after the decision.`);
  return after;
}

/** Undo a decision: the action is planned as if it had never been decided. */
export async function undecide(ctx: ServiceContext, key: string): Promise<void> {
  await deleteDecision(ctx.db, ctx.actor.accountId, key);
}
