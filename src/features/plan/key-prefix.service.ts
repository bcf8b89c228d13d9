/**
 * The actions an action-key prefix typed in a terminal can name (`afterview done thank-you:01a1`),
 * planned from the slices of the opportunities it can be about, not from the whole account. A key
 * is `rule:<opportunity or interview id>[:…]`, so every key starting with the typed text belongs
 * to an opportunity whose id, or one of whose interviews' ids, starts with the typed id part.
 */
import type { PlannedAction } from '../../core/plan/plan';
import { mergePlans, planOpportunityAll } from '../../core/plan/slice';
import { getPlaybook } from '../accounts/account.service';
import type { ServiceContext } from '../context';
import { getAllActions } from './plan.service';
import { loadSlices } from './slice.service';
import * as repo from './wake.repository';

/** At least every action whose key starts with `typed` (with its state), maybe a few more. */
export async function actionsForKeyPrefix(ctx: ServiceContext, typed: string): Promise<PlannedAction[]> {
  const m = /^[a-z-]+:([^:]+)(:?)/.exec(typed);
  const part = m?.[1];
  // A rule name alone ("thank-you") can name any action: plan them all.
  if (!m || !part) return getAllActions(ctx);
  const whole = m[2] === ':'; // the id part is complete when more of the key follows it
  const hit = (id: string) => (whole ? id === part : id.startsWith(part));
  const { opportunities, interviews } = await repo.allTargetIds(ctx.db, ctx.actor.accountId);
  const ids = new Set([
    ...opportunities.filter((o) => hit(o.id)).map((o) => o.id),
    ...interviews.filter((i) => hit(i.id)).map((i) => i.opportunity_id),
  ]);
  const [slices, playbook] = await Promise.all([loadSlices(ctx, [...ids]), getPlaybook(ctx)]);
  return mergePlans(slices.map((s) => planOpportunityAll(s, playbook, ctx.now)));
}
