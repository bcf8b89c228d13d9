/**
 * What the API returns for opportunities. The zod shapes are the single source for the
 * response serializer, the OpenAPI document and the web client's types.
 */
import { z } from 'zod';
import { type Opportunity, STAGES } from '../../core/types';
import { contactView } from '../contacts/contact.presenter';
import { interviewView } from '../interviews/interview.presenter';
import { messageView } from '../messages/message.presenter';
import { actionView } from '../plan/plan.presenter';

export const opportunityView = z.object({
  id: z.string(),
  company: z.string(),
  role: z.string(),
  stage: z.enum(STAGES),
  recruiterId: z.string().nullable(),
  decisionBy: z.string().nullable(),
  domains: z.array(z.string()),
  links: z.array(z.string()),
  notes: z.string(),
  createdAt: z.string(),
  stageChangedAt: z.string(),
});
export type OpportunityView = z.infer<typeof opportunityView>;

export const opportunityListView = z.object({ opportunities: z.array(opportunityView) });
export type OpportunityListView = z.infer<typeof opportunityListView>;

/** Copy only the public fields, so nothing added to the domain type leaks by accident. */
export const presentOpportunity = (o: Opportunity): OpportunityView => ({
  id: o.id,
  company: o.company,
  role: o.role,
  stage: o.stage,
  recruiterId: o.recruiterId,
  decisionBy: o.decisionBy,
  domains: o.domains,
  links: o.links,
  notes: o.notes,
  createdAt: o.createdAt,
  stageChangedAt: o.stageChangedAt,
});

/** One line of an opportunity's timeline (interview held, note sent, reply, stage change...). */
export const timelineEventView = z.object({
  id: z.string(),
  kind: z.string(),
  at: z.string(),
  interviewId: z.string().nullable(),
  contactId: z.string().nullable(),
  messageId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type TimelineEventView = z.infer<typeof timelineEventView>;

/** The opportunity page in one answer. */
export const overviewView = z.object({
  opportunity: opportunityView,
  interviews: z.array(interviewView),
  people: z.array(contactView),
  messages: z.array(messageView),
  timeline: z.array(timelineEventView),
  actions: z.array(actionView),
});
export type OverviewView = z.infer<typeof overviewView>;
