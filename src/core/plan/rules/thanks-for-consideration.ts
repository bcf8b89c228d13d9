/**
 * Rule `thanks-for-consideration`: if it was not a fit, accept it gracefully and thank them once
 * more: you stand out, and another position may open. When an opportunity is marked rejected:
 * one note to the recruiter, plus each interviewer when `includeInterviewers` is on. With no
 * recruiter on record the interviewers are proposed instead (someone should get the note), and
 * with nobody at all, one company-level action (`...:company`).
 *
 * From the rejection until `workdayEnd` on the `withinBusinessDays`-th business day after the
 * rejection's local date (a rejection read after that day's `workdayEnd` with 0 days moves to the
 * next business day, so the deadline is never before the news). Fulfilled by a sent
 * `thanks-for-consideration` message to that person at or after the rejection, or one recorded
 * for the key.
 */

import {
  type Candidate,
  count,
  type Id,
  interviewersOf,
  isSent,
  messageTime,
  ms,
  type PlanContext,
} from '../context';
import { thanksForConsiderationKey } from '../keys';
import { forRole } from '../role';

export function thanksForConsiderationRule(ctx: PlanContext): Candidate[] {
  const { thanksForConsideration: rule, workdayEnd } = ctx.playbook;
  if (!rule.enabled) return [];
  const out: Candidate[] = [];
  for (const o of ctx.snapshot.opportunities) {
    if (o.stage !== 'rejected') continue;
    const rejectedAt = ms(o.stageChangedAt);
    const interviewers = [...new Set(ctx.interviewsOf(o.id).flatMap(interviewersOf))].filter(
      (id) => id !== o.recruiterId,
    );
    const targets: Array<Id | null> = o.recruiterId
      ? [o.recruiterId, ...(rule.includeInterviewers ? interviewers : [])]
      : interviewers.length > 0
        ? interviewers
        : [null];

    const day = ctx.localDay(rejectedAt);
    let due = ctx.atLocal(ctx.addBusinessDays(day, rule.withinBusinessDays), workdayEnd);
    if (due < rejectedAt)
      due = ctx.atLocal(ctx.addBusinessDays(day, rule.withinBusinessDays + 1), workdayEnd);

    const sentNotes = ctx
      .messagesOf(o.id)
      .filter((m) => isSent(m) && m.kind === 'thanks-for-consideration' && messageTime(m) >= rejectedAt);
    for (const contactId of targets) {
      const key = thanksForConsiderationKey(o.id, contactId);
      const by =
        ctx.sentFor(key) ?? sentNotes.find((m) => contactId === null || m.contactIds.includes(contactId));
      if (by && ctx.openOnly) continue;
      const who = contactId
        ? `${ctx.nameOf(contactId, `${ctx.voice.your} contact`)} at ${o.company}`
        : o.company;
      out.push({
        key,
        rule: 'thanks-for-consideration',
        start: rejectedAt,
        due: due,
        title: `Thank ${who} for considering ${ctx.voice.youObject}${forRole(o)}`,
        reason: `It was not a fit: thank them for the consideration within ${count(rule.withinBusinessDays, 'business day')}; another position may open (rule thanks-for-consideration)`,
        opportunityId: o.id,
        interviewId: null,
        contactId,
        fulfilled: by ? { by: by.id } : undefined,
      });
    }
  }
  return out;
}
