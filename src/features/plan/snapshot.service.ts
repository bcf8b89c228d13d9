/**
 * Everything the pure planner needs, read from the store in one place: what the user recorded,
 * their decisions, and the holidays of their region for the years the plan can touch.
 */
import type { Contact, Interview, Message, PlanSnapshot } from '../../core/plan/context';
import type { ActionDecision, DecisionKind, Snapshot } from '../../core/types';
import { getAccount } from '../accounts/account.service';
import { listContacts } from '../contacts/contact.service';
import type { ServiceContext } from '../context';
import { listDebriefs } from '../debriefs/debrief.service';
import { listDecisions } from '../decisions/decision.repository';
import { groupRows } from '../group-rows';
import { listInterviews } from '../interviews/interview.service';
import { readJsonArray } from '../json-columns';
import { listMessages } from '../messages/message.service';
import { listOpportunities } from '../opportunities/opportunity.service';
import { holidaysFor } from './holiday-years';
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
  const decisions = decisionRows.map(toDecision);
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
  const opportunities = oppRows.map((r) => ({
    id: r.id,
    company: r.company,
    role: r.role,
    stage: r.stage,
    recruiterId: r.recruiter_id,
    decisionBy: r.decision_by,
    stageChangedAt: r.stage_changed_at,
  }));
  const byInterview = groupRows(participantRows, (p) => p.interview_id);
  const interviews = ivRows.map(
    (r): Interview => ({
      id: r.id,
      opportunityId: r.opportunity_id,
      round: r.round,
      start: r.start_at,
      end: r.end_at,
      status: r.status === 'cancelled' ? 'cancelled' : 'scheduled',
      participants: (byInterview.get(r.id) ?? []).map((p) => ({
        contactId: p.contact_id,
        role: p.role,
      })),
      createdAt: r.created_at,
    }),
  );
  const contacts = contactRows.map(
    (r): Contact => ({
      id: r.id,
      displayName: r.display_name,
      emails: addressList(r.emails),
      badEmails: addressList(r.bad_emails),
    }),
  );
  const recipients = groupRows(recipientRows, (c) => c.message_id);
  const messages = msgRows.map(
    (r): Message => ({
      id: r.id,
      kind: r.kind,
      direction: r.direction,
      opportunityId: r.opportunity_id,
      interviewId: r.interview_id,
      contactIds: (recipients.get(r.id) ?? []).map((c) => c.contact_id),
      status: r.status,
      sentAt: r.sent_at,
      sendAt: r.send_at,
      actionKey: r.action_key,
      createdAt: r.created_at,
    }),
  );
  const holidays = await holidaysFor(ctx, account.holidayRegion, { interviews, opportunities, messages });
  return {
    account: { timeZone: account.timeZone, holidayRegion: account.holidayRegion },
    opportunities,
    interviews,
    contacts,
    debriefs: debriefRows.map((r) => ({ interviewId: r.interview_id })),
    messages,
    decisions: decisionRows.map(toDecision),
    holidays,
  };
}

const toDecision = (d: {
  action_key: string;
  decision: DecisionKind;
  until: string | null;
  decided_at: string;
}): ActionDecision => ({
  key: d.action_key,
  decision: d.decision,
  until: d.until,
  decidedAt: d.decided_at,
});

/** A JSON list of addresses; most people have none or one, so skip the parser for the empty list. */
const addressList = (text: string): string[] => (text === '[]' || text === '' ? [] : readJsonArray(text));
