/**
 * The planner: `plan(snapshot, playbook, now)` turns what the user recorded into what the playbook
 * says to do, as a pure function. Nothing is scheduled anywhere: change the data and the plan
 * changes. The CLI, the web app, the calendar feed and reminders all call it.
 *
 * Each rule (one file per rule under ./rules) proposes candidates; this module applies what the
 * user decided about each key and the urgency at `now`.
 *
 * The snapshot is taken as is: data recorded "after" `now` (when replaying a past moment) still
 * counts, and a message scheduled for later already fulfils its action.
 */

import type { Playbook } from '../playbook';
import type { Temporal } from '../time';
import type { Action, ActionDecision, Urgency } from '../types';
import {
  buildPlanContext,
  type Candidate,
  isoOf,
  ms,
  type PlanContext,
  type PlanSnapshot,
  type Rule,
} from './context';
import { checkInRule } from './rules/check-in';
import { collectContactRule } from './rules/collect-contact';
import { debriefRule } from './rules/debrief';
import { reconnectRule } from './rules/reconnect';
import { thankYouRule } from './rules/thank-you';
import { thanksForConsiderationRule } from './rules/thanks-for-consideration';
import { USER_VOICE, type Voice } from './voice';

/**
 * Where an action stands:
 * - `open`: asks for work now or later (what `plan` returns);
 * - `fulfilled`: the recorded data shows it was carried out (a message sent, a debrief written,
 *   an address found);
 * - `done` / `dismissed`: the user said so;
 * - `snoozed`: hidden until the snooze's `until` (after that it is `open` again).
 */
export type ActionState = 'open' | 'done' | 'dismissed' | 'snoozed' | 'fulfilled';

/** An action with its state; `fulfilledBy` is the message that fulfilled it, when one did. */
export type PlannedAction = Action & { state: ActionState; fulfilledBy?: string };

/** The rules in the playbook's order (the order only matters for reading). */
const RULES: readonly Rule[] = [
  collectContactRule,
  debriefRule,
  thankYouRule,
  checkInRule,
  thanksForConsiderationRule,
  reconnectRule,
];

/** `upcoming` before `start`, `due` from `start` through `due`, `overdue` after `due`. */
export function urgencyAt(start: Temporal.Instant, due: Temporal.Instant, now: Temporal.Instant): Urgency {
  return urgencyAtMs(start.epochMilliseconds, due.epochMilliseconds, now.epochMilliseconds);
}

/** `urgencyAt` on epoch milliseconds. */
export function urgencyAtMs(start: number, due: number, now: number): Urgency {
  if (now < start) return 'upcoming';
  if (now <= due) return 'due';
  return 'overdue';
}

/**
 * Every action the playbook yields for the snapshot, completed ones included (what you have
 * already done; the note checker's due-time look-up by key), sorted by due time then key.
 *
 * Precedence of states: fulfilled (the data) over the user's decision; a snooze whose `until` has
 * passed, or that has no `until`, no longer hides the action. Disabled rules yield nothing, and
 * cancelled interviews yield nothing.
 */
export function planAll(snapshot: PlanSnapshot, playbook: Playbook, now: Temporal.Instant): PlannedAction[] {
  return planWith(buildPlanContext(snapshot, playbook, now));
}

/**
 * The open actions: what to do now or later, sorted by due time then key. Worded for the user
 * unless another `voice` reads them (a coach: src/core/plan/voice.ts).
 */
export function plan(
  snapshot: PlanSnapshot,
  playbook: Playbook,
  now: Temporal.Instant,
  voice: Voice = USER_VOICE,
): Action[] {
  return openActions(planWith(buildPlanContext(snapshot, playbook, now, true, voice)));
}

/** The open ones of planned actions, without their state. */
export function openActions(planned: readonly PlannedAction[]): Action[] {
  return planned
    .filter((a) => a.state === 'open')
    .map(({ state: _state, fulfilledBy: _by, ...action }) => action);
}

/** Actions in the planner's order: due time, then key. */
export function sortPlanned<A extends Action>(actions: A[]): A[] {
  return inPlanOrder(actions.map((action) => ({ action, dueMs: ms(action.due) })));
}

/** Actions whose due times (epoch ms) are known, in the planner's order: due time, then key. */
export function inPlanOrder<A extends Action>(timed: Array<{ action: A; dueMs: number }>): A[] {
  return timed.sort((a, b) => a.dueMs - b.dueMs || cmpKey(a.action.key, b.action.key)).map((p) => p.action);
}

const cmpKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Run every rule over a context and apply decisions and urgency (the planner's one loop). */
export function planWith(ctx: PlanContext): PlannedAction[] {
  const seen = new Set<string>();
  const planned: Array<{ action: PlannedAction; dueMs: number }> = [];
  for (const candidate of RULES.flatMap((rule) => rule(ctx))) {
    if (seen.has(candidate.key)) continue;
    seen.add(candidate.key);
    const state = stateOf(candidate, ctx.decision(candidate.key), ctx.nowMs);
    if (candidate.onlyIfCompleted && state !== 'fulfilled' && state !== 'done') continue;
    planned.push({
      action: toPlanned(candidate, state, urgencyAtMs(candidate.start, candidate.due, ctx.nowMs)),
      dueMs: candidate.due,
    });
  }
  return inPlanOrder(planned);
}

function stateOf(c: Candidate, decision: ActionDecision | undefined, nowMs: number): ActionState {
  if (c.fulfilled) return 'fulfilled';
  if (c.closedAs) return c.closedAs;
  if (!decision) return 'open';
  if (decision.decision === 'snoozed')
    return decision.until && ms(decision.until) > nowMs ? 'snoozed' : 'open';
  return decision.decision;
}

function toPlanned(c: Candidate, state: ActionState, urgency: Urgency): PlannedAction {
  const action: PlannedAction = {
    key: c.key,
    rule: c.rule,
    start: isoOf(c.start),
    due: isoOf(c.due),
    urgency,
    title: c.title,
    reason: c.reason,
    opportunityId: c.opportunityId,
    interviewId: c.interviewId,
    contactId: c.contactId,
    state,
  };
  if (c.reasonDate) action.reasonDate = c.reasonDate;
  if (c.fulfilled?.by) action.fulfilledBy = c.fulfilled.by;
  return action;
}
