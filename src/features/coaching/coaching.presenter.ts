/**
 * What a coach may see of a client, field by field. Every view is built by copying named fields
 * (an allow-list), never by deleting some from a richer object, so a field added to a domain type
 * later stays private until someone adds it here. Note bodies, draft subjects, the opportunity's
 * own notes and the debrief appear only when the client ticked "share my notes"; the debrief's
 * private "what to practise" never does (DESIGN.md: never in a note, never shared).
 */
import { z } from 'zod';
import { formatInstant, type Temporal } from '../../core/time';
import {
  type Contact,
  type Debrief,
  type Interview,
  MESSAGE_KINDS,
  MESSAGE_STATUSES,
  type Message,
  type Opportunity,
  STAGES,
} from '../../core/types';
import type { CoachGrantRow } from '../../db/tables/coach-grant.table';
import { insightsView } from '../insights/insights.presenter';
import { actionView, presentAction } from '../plan/plan.presenter';
import type { Today } from '../plan/plan.service';

export const coachView = z.object({
  id: z.string(),
  email: z.string(),
  /** Their name once they accepted. */
  name: z.string().nullable(),
  /** `ended`: the coach closed their Afterview account (listed for a while so the client knows why). */
  status: z.enum(['invited', 'active', 'ended']),
  shareNotes: z.boolean(),
  invitedAt: z.string(),
  acceptedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** Why access ended, in words for the client; null unless `ended`. */
  endedReason: z.string().nullable(),
});
export type CoachView = z.infer<typeof coachView>;

const clientView = z.object({ id: z.string(), name: z.string(), email: z.string(), timeZone: z.string() });
type ClientInfo = z.infer<typeof clientView>;

export const clientSummaryView = clientView.extend({
  overdue: z.number(),
  dueToday: z.number(),
  /** Open opportunities (not accepted, rejected, withdrawn or gone quiet) per stage. */
  activeByStage: z.array(z.object({ stage: z.enum(STAGES), count: z.number() })),
  lastActivity: z.string().nullable(),
});
export type ClientSummaryView = z.infer<typeof clientSummaryView>;

export const clientTodayView = z.object({
  client: clientView,
  shareNotes: z.boolean(),
  actions: z.array(actionView),
  nextStart: z.string().nullable(),
  now: z.string(),
});
export type ClientTodayView = z.infer<typeof clientTodayView>;

const sharedDebrief = z.object({
  feeling: z.string(),
  wentWell: z.string(),
  addToAnswer: z.string(),
  promises: z.string(),
  notes: z.array(
    z.object({
      person: z.string(),
      memorable: z.string(),
      topics: z.string(),
      problem: z.string(),
      promise: z.string(),
    }),
  ),
});

const coachInterview = z.object({
  id: z.string(),
  round: z.string(),
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
  status: z.enum(['scheduled', 'cancelled']),
  people: z.array(z.string()),
  /** Only when the client shares notes (and wrote one). */
  debrief: sharedDebrief.nullable(),
});

const coachMessage = z.object({
  id: z.string(),
  kind: z.enum(MESSAGE_KINDS),
  direction: z.enum(['out', 'in']),
  status: z.enum(MESSAGE_STATUSES),
  people: z.array(z.string()),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
  /** Only when the client shares notes. */
  subject: z.string().nullable(),
  body: z.string().nullable(),
});

export const clientPipelineView = z.object({
  client: clientView,
  shareNotes: z.boolean(),
  opportunities: z.array(
    z.object({
      id: z.string(),
      company: z.string(),
      role: z.string(),
      stage: z.enum(STAGES),
      decisionBy: z.string().nullable(),
      stageChangedAt: z.string(),
      /** The client's own notes on it: only when shared. */
      notes: z.string().nullable(),
      interviews: z.array(coachInterview),
      messages: z.array(coachMessage),
    }),
  ),
});
export type ClientPipelineView = z.infer<typeof clientPipelineView>;

export const clientInsightsView = z.object({
  client: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  insights: insightsView,
});
export type ClientInsightsView = z.infer<typeof clientInsightsView>;

export function presentClientToday(
  client: ClientInfo,
  grant: CoachGrantRow,
  today: Today,
  now: Temporal.Instant,
): ClientTodayView {
  return {
    client: { id: client.id, name: client.name, email: client.email, timeZone: client.timeZone },
    shareNotes: grant.share_notes === 1,
    actions: today.actions.map(presentAction),
    nextStart: today.nextStart,
    now: formatInstant(now),
  };
}

export function presentClientPipeline(
  client: ClientInfo,
  grant: CoachGrantRow,
  data: {
    opportunities: Opportunity[];
    interviews: Interview[];
    messages: Message[];
    contacts: Contact[];
    debriefs: Debrief[];
  },
): ClientPipelineView {
  const shared = grant.share_notes === 1;
  const name = new Map(data.contacts.map((c) => [c.id, c.displayName]));
  const names = (ids: readonly string[]) => ids.map((id) => name.get(id) ?? 'Someone');
  const debriefOf = new Map(data.debriefs.map((d) => [d.interviewId, d]));
  const debrief = (interviewId: string): z.infer<typeof sharedDebrief> | null => {
    const d = shared ? debriefOf.get(interviewId) : undefined;
    if (!d) return null;
    return {
      feeling: d.feeling,
      wentWell: d.wentWell,
      addToAnswer: d.addToAnswer,
      promises: d.promises,
      notes: d.notes.map((n) => ({
        person: name.get(n.contactId) ?? 'Someone',
        memorable: n.memorable,
        topics: n.topics,
        problem: n.problem,
        promise: n.promise,
      })),
    };
  };
  return {
    client: { id: client.id, name: client.name, email: client.email, timeZone: client.timeZone },
    shareNotes: shared,
    opportunities: data.opportunities.map((o) => ({
      id: o.id,
      company: o.company,
      role: o.role,
      stage: o.stage,
      decisionBy: o.decisionBy,
      stageChangedAt: o.stageChangedAt,
      notes: shared ? o.notes : null,
      interviews: data.interviews
        .filter((i) => i.opportunityId === o.id)
        .map((i) => ({
          id: i.id,
          round: i.round,
          start: i.start,
          end: i.end,
          timeZone: i.timeZone,
          status: i.status,
          people: names(i.participants.map((p) => p.contactId)),
          debrief: debrief(i.id),
        })),
      messages: data.messages
        .filter((m) => m.opportunityId === o.id)
        .map((m) => ({
          id: m.id,
          kind: m.kind,
          direction: m.direction,
          status: m.status,
          people: names(m.contactIds),
          sentAt: m.sentAt,
          createdAt: m.createdAt,
          subject: shared ? m.subject : null,
          body: shared ? m.body : null,
        })),
    })),
  };
}
