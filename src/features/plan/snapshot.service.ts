/**
 * Everything the pure planner needs, read from the store in one place: what the user recorded,
 * their decisions, and the holidays of their region for the years the plan can touch.
 */
import type { PlanSnapshot } from '../../core/plan/context';
import type { Snapshot } from '../../core/types';
import { getAccount } from '../accounts/account.service';
import { listContacts } from '../contacts/contact.service';
import type { ServiceContext } from '../context';
import { listDebriefs } from '../debriefs/debrief.service';
import { listDecisions } from '../decisions/decision.repository';
import { listInterviews } from '../interviews/interview.service';
import { listMessages } from '../messages/message.service';
import { listOpportunities } from '../opportunities/opportunity.service';
import { holidaysFor } from './holiday-years';
import {
  toPlanContact,
  toPlanDecision,
  toPlanInterviews,
  toPlanMessages,
  toPlanOpportunity,
} from './planner-rows';
import * as repo from './snapshot.repository';

/**
 * Every record of the account in full, as the other features map them: the reference that
 * `loadPlanSnapshot` is tested against (a plan over either must be the same).
 */
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
  const decisions = decisionRows.map(toPlanDecision);
  const holidays = await holidaysFor(ctx, account.holidayRegion, { interviews, opportunities, messages });
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
 * What `plan` / `planAll` read, and nothing else: the same rows as `loadSnapshot` with only the
 * columns a rule looks at. Today reads this on every request, so it skips the bulk of an account
 * (message bodies, provenance, debrief text) and the JSON columns no rule needs; a plan over it
 * equals a plan over the full snapshot (snapshot.service.test.ts).
 */
export async function loadPlanSnapshot(ctx: ServiceContext): Promise<PlanSnapshot> {
  const id = ctx.actor.accountId;
  const [
    account,
    oppRows,
    ivRows,
    participantRows,
    contactRows,
    debriefRows,
    msgRows,
    recipientRows,
    decisionRows,
  ] = await Promise.all([
    getAccount(ctx),
    repo.planOpportunities(ctx.db, id),
    repo.planInterviews(ctx.db, id),
    repo.planParticipants(ctx.db, id),
    repo.planContacts(ctx.db, id),
    repo.debriefedInterviewIds(ctx.db, id),
    repo.planMessages(ctx.db, id),
    repo.planMessageContacts(ctx.db, id),
    listDecisions(ctx.db, id),
  ]);
  const opportunities = oppRows.map(toPlanOpportunity);
  const interviews = toPlanInterviews(ivRows, participantRows);
  const contacts = contactRows.map(toPlanContact);
  const messages = toPlanMessages(msgRows, recipientRows);
  const holidays = await holidaysFor(ctx, account.holidayRegion, { interviews, opportunities, messages });
  return {
    account: { timeZone: account.timeZone, holidayRegion: account.holidayRegion },
    opportunities,
    interviews,
    contacts,
    debriefs: debriefRows.map((r) => ({ interviewId: r.interview_id })),
    messages,
    decisions: decisionRows.map(toPlanDecision),
    holidays,
  };
}
