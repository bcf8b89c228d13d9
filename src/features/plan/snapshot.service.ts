/**
 * Everything the pure planner needs, read from the store in one place: what the user recorded,
 * their decisions, and the holidays of their region for the years the plan can touch.
 */
import type { Temporal } from '../../core/time';
import type { ActionDecision, DecisionKind, Snapshot } from '../../core/types';
import { getAccount } from '../accounts/account.service';
import { listContacts } from '../contacts/contact.service';
import type { ServiceContext } from '../context';
import { listDebriefs } from '../debriefs/debrief.service';
import { listDecisions } from '../decisions/decision.repository';
import { holidayDates } from '../holidays/holiday.service';
import { listInterviews } from '../interviews/interview.service';
import { listMessages } from '../messages/message.service';
import { listOpportunities } from '../opportunities/opportunity.service';

export async function loadSnapshot(ctx: ServiceContext): Promise<Snapshot> {
  const [account, opportunities, interviews, contacts, debriefs, messages, decisionRows] = await Promise.all([
    getAccount(ctx),
    listOpportunities(ctx),
    listInterviews(ctx),
    listContacts(ctx),
    listDebriefs(ctx),
    listMessages(ctx),
    listDecisions(ctx.db, ctx.actor.accountId),
  ]);
  const decisions: ActionDecision[] = decisionRows.map((d) => ({
    key: d.action_key,
    decision: d.decision as DecisionKind,
    until: d.until,
    decidedAt: d.decided_at,
  }));
  const instants = [
    ...interviews.map((i) => i.end),
    ...opportunities.map((o) => o.stageChangedAt),
    ...messages.map((m) => m.sentAt ?? m.createdAt),
  ];
  const holidays = await holidayDates(account.holidayRegion, yearsCovering(instants, ctx.now, opportunities));
  return {
    account: { timeZone: account.timeZone, holidayRegion: account.holidayRegion },
    opportunities,
    interviews,
    contacts,
    debriefs,
    messages,
    decisions,
    holidays,
  };
}

/**
 * The calendar years a plan can land in: from the earliest recorded moment to a year past the
 * latest one (reconnect reminders fall months after a rejection; decision dates may be far out).
 */
function yearsCovering(
  instants: string[],
  now: Temporal.Instant,
  opportunities: { decisionBy: string | null }[],
): number[] {
  const years = [
    Number(now.toString().slice(0, 4)),
    ...instants.map((i) => Number(i.slice(0, 4))),
    ...opportunities.flatMap((o) => (o.decisionBy ? [Number(o.decisionBy.slice(0, 4))] : [])),
  ].filter((y) => Number.isFinite(y));
  const min = Math.min(...years);
  const max = Math.max(...years) + 1;
  const out: number[] = [];
  for (let y = min; y <= max; y++) out.push(y);
  return out;
}
