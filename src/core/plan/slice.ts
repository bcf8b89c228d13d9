/**
 * Planning by opportunity. Every action belongs to one opportunity, and its rules read only that
 * opportunity's interviews, messages, debriefs and decisions plus the people involved: its
 * *slice*. `planOpportunity(slice)` is the plan of one slice, and the plan of an account is the
 * merge of the plans of its slices (plan.property.test.ts proves it over generated accounts).
 *
 * `wakeAt(slice)` says from when a slice can have an open action at all, so the store can leave
 * quiet history unread: the one place where a plan depends on `now` beyond urgency is which
 * actions are open, and that changes only at an interview's start (collect-contact turns from
 * "before" to "after") and when a snooze ends.
 */
import type { Playbook } from '../playbook';
import { Temporal } from '../time';
import type { Action, ActionDecision, Id } from '../types';
import {
  attributeMessages,
  type Contact,
  type Interview,
  indexContext,
  type Message,
  ms,
  type Opportunity,
  type PlanContext,
  type PlanSnapshot,
} from './context';
import { fulfilledByKey, keyTarget } from './keys';
import { openActions, type PlannedAction, planWith, sortPlanned } from './plan';
import { USER_VOICE, type Voice } from './voice';

/** One opportunity and everything its actions are computed from. */
export interface OpportunitySlice {
  account: PlanSnapshot['account'];
  holidays: PlanSnapshot['holidays'];
  opportunity: Opportunity;
  /** Its interviews, cancelled ones included. */
  interviews: Interview[];
  /** The recruiter and everyone who took part in one of its interviews (at least those). */
  contacts: Contact[];
  /** Which of its interviews have a debrief. */
  debriefs: PlanSnapshot['debriefs'];
  /** The messages about it: its own, its interviews', and contact-only ones of its people. */
  messages: Message[];
  /** Messages recorded for one of its action keys that are not among `messages`. */
  keyed: Message[];
  /** Decisions on its action keys. */
  decisions: ActionDecision[];
}

function sliceContext(
  slice: OpportunitySlice,
  playbook: Playbook,
  now: Temporal.Instant,
  openOnly: boolean,
  voice: Voice = USER_VOICE,
) {
  const snapshot: PlanSnapshot = {
    account: slice.account,
    holidays: slice.holidays,
    opportunities: [slice.opportunity],
    interviews: slice.interviews,
    contacts: slice.contacts,
    debriefs: slice.debriefs,
    messages: slice.messages,
    decisions: slice.decisions,
  };
  const attributed = new Map<Id, Message[]>([[slice.opportunity.id, [...slice.messages]]]);
  return indexContext(snapshot, attributed, slice.keyed, playbook, now, openOnly, voice);
}

/** The open actions of one opportunity, as `plan` would list them (for the same `voice`). */
export function planOpportunity(
  slice: OpportunitySlice,
  playbook: Playbook,
  now: Temporal.Instant,
  voice: Voice = USER_VOICE,
): Action[] {
  return openActions(planWith(sliceContext(slice, playbook, now, true, voice)));
}

/** Every action of one opportunity with its state, as `planAll` would list them. */
export function planOpportunityAll(
  slice: OpportunitySlice,
  playbook: Playbook,
  now: Temporal.Instant,
): PlannedAction[] {
  return planWith(sliceContext(slice, playbook, now, false));
}

/** Merge the plans of several slices into one list, in the planner's order (due, then key). */
export function mergePlans<A extends Action>(plans: readonly A[][]): A[] {
  return sortPlanned(plans.flat());
}

/**
 * The earliest instant (epoch ms) at which the slice has an open action; `-Infinity` when it has
 * one at any time up to its first change point; null when it has none at any time: quiet until its
 * data changes. Snoozed actions count from the end of their snooze.
 */
export function wakeAt(slice: OpportunitySlice, playbook: Playbook): number | null {
  const sorted = changePoints(slice);
  const openAt = (t: number) => {
    const ctx: PlanContext = sliceContext(slice, playbook, Temporal.Instant.fromEpochMilliseconds(t), true);
    return openActions(planWith(ctx)).length > 0;
  };
  // Between two change points the set of open actions stays the same: one probe per interval.
  if (openAt((sorted[0] ?? 0) - 1)) return Number.NEGATIVE_INFINITY;
  for (const t of sorted) if (openAt(t)) return t;
  return null;
}

/**
 * The instants (epoch ms, ascending) at which the slice's open actions can change with time alone:
 * its interviews' starts and its snoozes' ends. Between two of them only urgencies change.
 */
export function changePoints(slice: OpportunitySlice): number[] {
  const points = new Set<number>();
  for (const iv of slice.interviews) if (iv.status !== 'cancelled') points.add(ms(iv.start));
  for (const d of slice.decisions) if (d.decision === 'snoozed' && d.until) points.add(ms(d.until));
  return [...points].sort((a, b) => a - b);
}

/** Which interval between change points `nowMs` falls in (0 before the first). */
export function intervalOf(points: readonly number[], nowMs: number): number {
  let i = 0;
  while (i < points.length && (points[i] ?? 0) <= nowMs) i++;
  return i;
}

/**
 * Cut a whole snapshot into the slice of each opportunity (in the snapshot's order), attributing
 * messages exactly as the planner does over the whole account.
 */
export function slicesOf(snapshot: PlanSnapshot): OpportunitySlice[] {
  const attributed = attributeMessages(snapshot);
  const oppOfInterview = new Map(snapshot.interviews.map((iv) => [iv.id, iv.opportunityId]));
  const oppOfKey = (key: string): Id | undefined => {
    const target = keyTarget(key);
    if (!target) return undefined;
    return 'opportunityId' in target ? target.opportunityId : oppOfInterview.get(target.interviewId);
  };
  const contacts = new Map(snapshot.contacts.map((c) => [c.id, c]));
  return snapshot.opportunities.map((o) => {
    const interviews = snapshot.interviews.filter((iv) => iv.opportunityId === o.id);
    const ivIds = new Set(interviews.map((iv) => iv.id));
    const people = new Set<Id>(o.recruiterId ? [o.recruiterId] : []);
    for (const iv of interviews) for (const p of iv.participants) people.add(p.contactId);
    const messages = attributed.get(o.id) ?? [];
    const mine = new Set(messages);
    return {
      account: snapshot.account,
      holidays: snapshot.holidays,
      opportunity: o,
      interviews,
      contacts: [...people].flatMap((id) => contacts.get(id) ?? []),
      debriefs: snapshot.debriefs.filter((d) => ivIds.has(d.interviewId)),
      messages: [...messages],
      keyed: snapshot.messages.filter(
        (m) =>
          m.actionKey !== null &&
          !mine.has(m) &&
          fulfilledByKey(m.actionKey) &&
          oppOfKey(m.actionKey) === o.id,
      ),
      decisions: snapshot.decisions.filter((d) => oppOfKey(d.key) === o.id),
    };
  });
}
