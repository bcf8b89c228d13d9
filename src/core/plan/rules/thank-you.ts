/**
 * Rule `thank-you`: a personal note to everyone who interviewed you. One action per interviewer,
 * from the interview's end until:
 * - preset `hours`: `withinHours` after the end (a pure duration: the user's zone plays no part);
 * - preset `same-day`: `sameDayCutoff` wall-clock time in the user's zone on the calendar date the
 *   interview ends, but never less than two hours after it ends, so an interview ending at 19:30
 *   (or after the cutoff) still leaves time to write a decent note.
 *
 * Fulfilled by a sent message recorded for this key, or by a sent `thank-you` message to the
 * interviewer at or after the interview's start (one written outside Afterview and recorded).
 * A message recorded for another thank-you key fulfils only that one.
 */

import {
  type Candidate,
  count,
  interviewersOf,
  interviewLabel,
  isClosed,
  isSent,
  type Message,
  messageTime,
  ms,
  type PlanContext,
  plusHours,
} from '../context';
import { thankYouKey } from '../keys';

/** Minimum time to write a same-day note when the interview ends close to (or after) the cutoff. */
const SAME_DAY_MIN_HOURS = 2;

export function thankYouRule(ctx: PlanContext): Candidate[] {
  const { thankYou } = ctx.playbook;
  if (!thankYou.enabled) return [];
  const out: Candidate[] = [];
  for (const o of ctx.snapshot.opportunities) {
    // Interview actions of a closed opportunity can only be history, which `plan` does not want.
    if (ctx.openOnly && isClosed(o)) continue;
    const messages = ctx.messagesOf(o.id);
    for (const iv of ctx.interviewsOf(o.id)) {
      const start = ms(iv.start);
      const end = ms(iv.end);
      const due = thankYouDue(ctx, end);
      for (const contactId of interviewersOf(iv)) {
        const key = thankYouKey(iv.id, contactId);
        const by = ctx.sentFor(key) ?? messages.find((m) => isManualThankYou(m, contactId, start));
        if (by && ctx.openOnly) continue;
        out.push({
          key,
          rule: 'thank-you',
          start: end,
          due: due,
          title: `Send ${ctx.nameOf(contactId, `${ctx.voice.your} interviewer`)} a thank-you note for ${interviewLabel(o, iv, ctx.voice)}`,
          reason:
            thankYou.preset === 'same-day'
              ? `Send a personal thank-you the same day, by ${thankYou.sameDayCutoff} (rule thank-you)`
              : `Send a personal thank-you within ${count(thankYou.withinHours, 'hour')} of the interview (rule thank-you)`,
          opportunityId: o.id,
          interviewId: iv.id,
          contactId,
          fulfilled: by ? { by: by.id } : undefined,
          onlyIfCompleted: isClosed(o),
        });
      }
    }
  }
  return out;
}

function thankYouDue(ctx: PlanContext, end: number): number {
  const { thankYou } = ctx.playbook;
  if (thankYou.preset === 'hours') return plusHours(end, thankYou.withinHours);
  const cutoff = ctx.atLocal(ctx.localDay(end), thankYou.sameDayCutoff);
  return Math.max(cutoff, plusHours(end, SAME_DAY_MIN_HOURS));
}

const isManualThankYou = (m: Message, contactId: string, interviewStart: number): boolean =>
  isSent(m) &&
  m.kind === 'thank-you' &&
  // A note recorded for a specific thank-you action belongs to that action only.
  (m.actionKey === null || !m.actionKey.startsWith('thank-you:')) &&
  m.contactIds.includes(contactId) &&
  messageTime(m) >= interviewStart;
