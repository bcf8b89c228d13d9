/**
 * Rows -> the planner's view of the data, written once for both loaders: the whole-account
 * snapshot (snapshot.service.ts) and the per-opportunity slices (slice.service.ts). The
 * differential test compares the two plans, so they must read the rows the same way.
 */
import type { Contact, Interview, Message, Opportunity } from '../../core/plan/context';
import type { ActionDecision } from '../../core/types';
import type { ActionDecisionRow } from '../../db/tables/action-decision.table';
import type { ContactRow } from '../../db/tables/contact.table';
import type { InterviewParticipantRow, InterviewRow } from '../../db/tables/interview.table';
import type { MessageContactRow, MessageRow } from '../../db/tables/message.table';
import type { OpportunityRow } from '../../db/tables/opportunity.table';
import { groupRows } from '../group-rows';
import { readJsonArray } from '../json-columns';

/** The columns the planner reads of each table: what the slice and snapshot queries select. */
export type OpportunityColumns = Pick<
  OpportunityRow,
  'id' | 'company' | 'role' | 'stage' | 'recruiter_id' | 'decision_by' | 'stage_changed_at'
>;
export type InterviewColumns = Pick<
  InterviewRow,
  'id' | 'opportunity_id' | 'round' | 'start_at' | 'end_at' | 'status' | 'created_at'
>;
export type ParticipantColumns = Pick<InterviewParticipantRow, 'interview_id' | 'contact_id' | 'role'>;
export type ContactColumns = Pick<ContactRow, 'id' | 'display_name' | 'emails' | 'bad_emails'>;
export type MessageColumns = Pick<
  MessageRow,
  | 'id'
  | 'kind'
  | 'direction'
  | 'opportunity_id'
  | 'interview_id'
  | 'status'
  | 'sent_at'
  | 'send_at'
  | 'action_key'
  | 'created_at'
>;
export type RecipientColumns = Pick<MessageContactRow, 'message_id' | 'contact_id'>;
export type DecisionColumns = Pick<ActionDecisionRow, 'action_key' | 'decision' | 'until' | 'decided_at'>;

/** An opportunity row as the planner reads it. */
export const toPlanOpportunity = (r: OpportunityColumns): Opportunity => ({
  id: r.id,
  company: r.company,
  role: r.role,
  stage: r.stage,
  recruiterId: r.recruiter_id,
  decisionBy: r.decision_by,
  stageChangedAt: r.stage_changed_at,
});

/** Interview rows with their participants. */
export function toPlanInterviews(rows: InterviewColumns[], participants: ParticipantColumns[]): Interview[] {
  const byInterview = groupRows(participants, (p) => p.interview_id);
  return rows.map((r) => ({
    id: r.id,
    opportunityId: r.opportunity_id,
    round: r.round,
    start: r.start_at,
    end: r.end_at,
    status: r.status === 'cancelled' ? 'cancelled' : 'scheduled',
    participants: (byInterview.get(r.id) ?? []).map((p) => ({ contactId: p.contact_id, role: p.role })),
    createdAt: r.created_at,
  }));
}

/** A contact row as the planner reads it. */
export const toPlanContact = (r: ContactColumns): Contact => ({
  id: r.id,
  displayName: r.display_name,
  emails: addressList(r.emails),
  badEmails: addressList(r.bad_emails),
});

/** Message rows with their recipients. */
export function toPlanMessages(rows: MessageColumns[], recipients: RecipientColumns[]): Message[] {
  const byMessage = groupRows(recipients, (c) => c.message_id);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    direction: r.direction,
    opportunityId: r.opportunity_id,
    interviewId: r.interview_id,
    contactIds: (byMessage.get(r.id) ?? []).map((c) => c.contact_id),
    status: r.status,
    sentAt: r.sent_at,
    sendAt: r.send_at,
    actionKey: r.action_key,
    createdAt: r.created_at,
  }));
}

/** A decision row as the planner reads it. */
export const toPlanDecision = (d: DecisionColumns): ActionDecision => ({
  key: d.action_key,
  decision: d.decision,
  until: d.until,
  decidedAt: d.decided_at,
});

/** A JSON list of addresses; most people have none or one, so skip the parser for the empty list. */
const addressList = (text: string): string[] => (text === '[]' || text === '' ? [] : readJsonArray(text));
