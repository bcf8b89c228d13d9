/**
 * The opportunity page's read model: the opportunity with its interviews, the people involved,
 * the messages and the timeline, assembled from the other services in one call.
 */
import type { Action, Contact, Interview, Message, Opportunity } from '../../core/types';
import { listContacts } from '../contacts/contact.service';
import type { ServiceContext } from '../context';
import { listEvents } from '../events/event.repository';
import { listInterviews } from '../interviews/interview.service';
import { readJsonObject } from '../json-columns';
import { listMessages } from '../messages/message.service';
import { getOpportunityPlan } from '../plan/plan.service';
import { getOpportunity } from './opportunity.service';

export interface TimelineEvent {
  id: string;
  kind: string;
  at: string;
  interviewId: string | null;
  contactId: string | null;
  messageId: string | null;
  data: Record<string, unknown>;
}

export interface OpportunityOverview {
  opportunity: Opportunity;
  interviews: Interview[];
  /** The recruiter and everyone who took part in an interview. */
  people: Contact[];
  messages: Message[];
  timeline: TimelineEvent[];
  /** Open actions about this opportunity, due or upcoming. */
  actions: Action[];
}

export async function getOpportunityOverview(ctx: ServiceContext, id: string): Promise<OpportunityOverview> {
  const opportunity = await getOpportunity(ctx, id);
  const [interviews, contacts, messages, events, actions] = await Promise.all([
    listInterviews(ctx, id),
    listContacts(ctx),
    listMessages(ctx, id),
    listEvents(ctx.db, ctx.actor.accountId, id),
    getOpportunityPlan(ctx, id),
  ]);
  const involved = new Set<string>(opportunity.recruiterId ? [opportunity.recruiterId] : []);
  for (const i of interviews) for (const p of i.participants) involved.add(p.contactId);
  for (const m of messages) for (const c of m.contactIds) involved.add(c);
  return {
    opportunity,
    interviews,
    people: contacts.filter((c) => involved.has(c.id)),
    messages,
    timeline: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      at: e.at,
      interviewId: e.interview_id,
      contactId: e.contact_id,
      messageId: e.message_id,
      data: readJsonObject(e.data),
    })),
    actions,
  };
}
