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
import { Temporal } from '../time';
import type { Action, Snapshot, Urgency } from '../types';
import { buildPlanContext, type Candidate, type Rule } from './context';
import { checkInRule } from './rules/check-in';
import { collectContactRule } from './rules/collect-contact';
import { debriefRule } from './rules/debrief';
import { reconnectRule } from './rules/reconnect';
import { thankYouRule } from './rules/thank-you';
import { thanksForConsiderationRule } from './rules/thanks-for-consideration';

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
  if (Temporal.Instant.compare(now, start) < 0) return 'upcoming';
  if (Temporal.Instant.compare(now, due) <= 0) return 'due';
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
export function planAll(snapshot: Snapshot, playbook: Playbook, now: Temporal.Instant): PlannedAction[] {
  const ctx = buildPlanContext(snapshot, playbook, now);
  const seen = new Set<string>();
  const planned: PlannedAction[] = [];
  for (const candidate of RULES.flatMap((rule) => rule(ctx))) {
    if (seen.has(candidate.key)) continue;
    seen.add(candidate.key);
    const state = stateOf(candidate, ctx.decision(candidate.key), now);
    if (candidate.onlyIfCompleted && state !== 'fulfilled' && state !== 'done') continue;
    planned.push(toPlanned(candidate, state, now));
  }
  return planned.sort(byDueThenKey);
}

/** The open actions: what to do now or later, sorted by due time then key. */
export function plan(snapshot: Snapshot, playbook: Playbook, now: Temporal.Instant): Action[] {
  return planAll(snapshot, playbook, now)
    .filter((a) => a.state === 'open')
    .map(({ state: _state, fulfilledBy: _by, ...action }) => action);
}

function stateOf(
  c: Candidate,
  decision: Snapshot['decisions'][number] | undefined,
  now: Temporal.Instant,
): ActionState {
  if (c.fulfilled) return 'fulfilled';
  if (c.closedAs) return c.closedAs;
  if (!decision) return 'open';
  if (decision.decision === 'snoozed') {
    return decision.until && Temporal.Instant.compare(Temporal.Instant.from(decision.until), now) > 0
      ? 'snoozed'
      : 'open';
  }
  return decision.decision;
}

function toPlanned(c: Candidate, state: ActionState, now: Temporal.Instant): PlannedAction {
  const action: PlannedAction = {
    key: c.key,
    rule: c.rule,
    start: c.start,
    due: c.due,
    urgency: urgencyAt(Temporal.Instant.from(c.start), Temporal.Instant.from(c.due), now),
    title: c.title,
    reason: c.reason,
    opportunityId: c.opportunityId,
    interviewId: c.interviewId,
    contactId: c.contactId,
    state,
  };
  if (c.fulfilled?.by) action.fulfilledBy = c.fulfilled.by;
  return action;
}

function byDueThenKey(a: Action, b: Action): number {
  return (
    Temporal.Instant.compare(Temporal.Instant.from(a.due), Temporal.Instant.from(b.due)) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}
