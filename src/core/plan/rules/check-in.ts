/**
 * Rule `check-in`: stay in touch with the recruiter about next steps without appearing desperate
 * or forcing a decision.
 *
 * For an opportunity in `applied`, `interviewing` or `waiting` with at least one non-cancelled
 * interview, the planner replays the opportunity's history as a chain of clock events, oldest
 * first:
 * - an interview ending, or a message from them (direction `in`) resets the clock: the next
 *   check-in counts from it and the unanswered count drops to zero (a new interview is an answer
 *   too);
 * - a check-in (a sent outbound `check-in` message, or a `done` decision on a check-in key, which
 *   is a check-in made outside Afterview at its `decidedAt`) closes the pending check-in action
 *   and counts as unanswered.
 *
 * The pending check-in falls on one business day (in the user's zone, skipping holidays):
 * - the decision date they gave + `afterDecisionBusinessDays`, when that date is on or after the
 *   clock's start (a decision date already past when they last spoke is stale);
 * - else the clock start's local date + `checkInAfter`;
 * - never sooner than `minGap` business days after your last message about the opportunity, of
 *   any kind (thank-yous included), nor after a check-in marked done.
 * It starts at `workdayStart` and is due at `workdayEnd` that day.
 *
 * After `maxCheckIns` unanswered check-ins, no more check-ins: one `check-in:<opp>:gone-quiet`
 * action, on the day the next check-in would have been, suggests marking it gone quiet.
 *
 * The key's anchor names the event the check-in follows (`after-<interviewId>`, the id of the
 * last reply or check-in message, or `<anchor>.2`, `.3`... after one marked done), so a snooze
 * survives unrelated changes such as a thank-you being recorded, and each check-in in a row has
 * its own key. Past check-ins stay in the plan as fulfilled / done with the due time they had.
 */

import {
  type Candidate,
  count,
  epochDayOf,
  isSent,
  messageTime,
  ms,
  type Opportunity,
  type PlanContext,
} from '../context';
import { afterInterviewAnchor, checkInAnchorOf, checkInKey, goneQuietKey } from '../keys';
import { forRole, givenRole } from '../role';

const ACTIVE_STAGES = new Set(['applied', 'interviewing', 'waiting']);

type ClockEventKind = 'interview' | 'reply' | 'check-in' | 'marked';
/** Same-instant events apply in this order. */
const KIND_ORDER: Record<ClockEventKind, number> = { interview: 0, reply: 1, 'check-in': 2, marked: 3 };

interface ClockEvent {
  kind: ClockEventKind;
  /** Epoch ms. */
  at: number;
  /** The anchor of the check-in that follows this event. */
  anchor: string;
  /** The message behind a reply or check-in. */
  messageId?: string;
  /** The key a `marked` decision was made on. */
  key?: string;
}

interface ChainState {
  anchor: string;
  /** The last interview end or reply: what the clock counts from. */
  clock: ClockEvent;
  unanswered: number;
}

export function checkInRule(ctx: PlanContext): Candidate[] {
  if (!ctx.playbook.checkIn.enabled) return [];
  return ctx.snapshot.opportunities.flatMap((o) => checkInsFor(ctx, o));
}

function checkInsFor(ctx: PlanContext, o: Opportunity): Candidate[] {
  const active = ACTIVE_STAGES.has(o.stage);
  // A closed opportunity only has history to show, and `plan` does not want history.
  if (ctx.interviewsOf(o.id).length === 0 || (ctx.openOnly && !active)) return [];
  const events = clockEvents(ctx, o);
  const outbound = [
    ...ctx
      .messagesOf(o.id)
      .filter(isSent)
      .map((m) => messageTime(m)),
    ...events.filter((e) => e.kind === 'marked').map((e) => e.at),
  ];
  const lastOutboundBefore = (cutoff: number | null): number | null =>
    outbound.reduce<number | null>(
      (a, t) => ((cutoff === null || t < cutoff) && (a === null || t > a) ? t : a),
      null,
    );

  const history: Candidate[] = [];
  let state: ChainState | null = null;
  for (const ev of events) {
    if (ev.kind === 'interview' || ev.kind === 'reply') {
      // Whatever check-in was pending is superseded: they spoke, or a new round happened.
      state = { anchor: ev.anchor, clock: ev, unanswered: 0 };
      continue;
    }
    if (state && !ctx.openOnly && state.unanswered < ctx.playbook.checkIn.maxCheckIns) {
      const pending = checkInCandidate(ctx, o, state, lastOutboundBefore(ev.at));
      if (ev.kind === 'check-in') history.push({ ...pending, fulfilled: { by: ev.messageId ?? null } });
      else if (ev.key === pending.key) history.push({ ...pending, closedAs: 'done' });
    }
    if (state) state = { ...state, anchor: ev.anchor, unanswered: state.unanswered + 1 };
  }
  if (!state || !active) return history;
  return [...history, checkInCandidate(ctx, o, state, lastOutboundBefore(null))];
}

/** The interviews, replies, check-ins and check-ins marked done of an opportunity, oldest first. */
function clockEvents(ctx: PlanContext, o: Opportunity): ClockEvent[] {
  const events: ClockEvent[] = ctx.interviewsOf(o.id).map((iv) => ({
    kind: 'interview',
    at: ms(iv.end),
    anchor: afterInterviewAnchor(iv.id),
  }));
  const keysSentByMessage = new Set<string>();
  for (const m of ctx.messagesOf(o.id)) {
    if (m.direction === 'in') {
      events.push({ kind: 'reply', at: messageTime(m), anchor: m.id, messageId: m.id });
    } else if (m.kind === 'check-in' && isSent(m)) {
      events.push({ kind: 'check-in', at: messageTime(m), anchor: m.id, messageId: m.id });
      if (m.actionKey) keysSentByMessage.add(m.actionKey);
    }
  }
  // Only the latest decision on a key counts: a done later turned into a snooze is not a check-in.
  for (const d of ctx.checkInDecisionsOf(o.id)) {
    if (d.decision !== 'done' || d.key === goneQuietKey(o.id) || keysSentByMessage.has(d.key)) continue;
    events.push({
      kind: 'marked',
      at: ms(d.decidedAt),
      anchor: nextAnchor(checkInAnchorOf(d.key) ?? ''),
      key: d.key,
    });
  }
  return events.sort(
    (a, b) => a.at - b.at || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.anchor < b.anchor ? -1 : 1),
  );
}

/** `after-x` → `after-x.2` → `after-x.3`: the anchor of the check-in after one marked done. */
function nextAnchor(anchor: string): string {
  const m = /^(.*)\.(\d+)$/.exec(anchor);
  return m ? `${m[1]}.${Number(m[2]) + 1}` : `${anchor}.2`;
}

function checkInCandidate(
  ctx: PlanContext,
  o: Opportunity,
  state: ChainState,
  lastOutbound: number | null,
): Candidate {
  const { checkIn, workdayStart, workdayEnd } = ctx.playbook;
  const clockDay = ctx.localDay(state.clock.at);
  const decisionBy = o.decisionBy ? epochDayOf(o.decisionBy) : null;

  let day: number;
  let reason: string;
  let reasonDate: string | undefined;
  if (decisionBy !== null && decisionBy >= clockDay) {
    reasonDate = o.decisionBy ?? undefined;
    day = ctx.addBusinessDays(decisionBy, checkIn.afterDecisionBusinessDays);
    reason = `They said they would decide by ${o.decisionBy}: check in ${count(checkIn.afterDecisionBusinessDays, 'business day')} after that, not before`;
  } else {
    day = ctx.addBusinessDays(clockDay, checkIn.checkInAfter);
    reason =
      state.clock.kind === 'reply'
        ? `Check in ${count(checkIn.checkInAfter, 'business day')} after their last reply if nothing has moved`
        : `No decision date given: check in ${count(checkIn.checkInAfter, 'business day')} after the last interview`;
  }
  if (lastOutbound) {
    const gapDay = ctx.addBusinessDays(ctx.localDay(lastOutbound), checkIn.minGap);
    if (gapDay > day) {
      day = gapDay;
      reason = `Respect their timeline: not sooner than ${count(checkIn.minGap, 'business day')} after ${ctx.voice.your} last message to ${o.company}`;
      reasonDate = undefined;
    }
  }
  const due = ctx.atLocal(day, workdayEnd);
  const start = Math.min(ctx.atLocal(day, workdayStart), due);
  const recruiter = o.recruiterId
    ? `${ctx.nameOf(o.recruiterId, 'the recruiter')} at ${o.company}`
    : o.company;
  const common = {
    rule: 'check-in' as const,
    start: start,
    due: due,
    opportunityId: o.id,
    interviewId: null,
    contactId: o.recruiterId,
  };

  if (state.unanswered >= checkIn.maxCheckIns) {
    return {
      ...common,
      key: goneQuietKey(o.id),
      title: `${o.company} has not answered ${count(state.unanswered, 'check-in')}: mark ${givenRole(o) ?? 'the opportunity'} as gone quiet`,
      reason: `At most ${count(checkIn.maxCheckIns, 'unanswered check-in')}, then stop nudging and flag it as gone quiet (rule check-in)`,
    };
  }
  return {
    ...common,
    key: checkInKey(o.id, state.anchor),
    title:
      state.unanswered === 0
        ? `Check in with ${recruiter} about next steps${forRole(o)}`
        : `Check in again with ${recruiter} about ${givenRole(o) ?? 'next steps'} (${count(state.unanswered, 'check-in')} unanswered so far)`,
    reason: `${reason} (rule check-in)`,
    ...(reasonDate && { reasonDate }),
  };
}
