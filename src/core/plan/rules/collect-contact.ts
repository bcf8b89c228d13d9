/**
 * Rule `collect-contact`: leave every interview with each interviewer's name and contact details
 * (better: have them before you walk in). One action per interviewer without a usable email
 * address: `:before` while the interview is still ahead (due when it starts), then `:after` once
 * it has started (due `afterWithinHours` after it ends). An address known to bounce does not
 * count. Fulfilled the moment the contact has an address, so an interviewer whose email came with
 * the invite shows as already done.
 */
import {
  type Candidate,
  count,
  hasUsableEmail,
  interviewersOf,
  interviewLabel,
  isClosed,
  ms,
  type PlanContext,
  plusHours,
  possessive,
} from '../context';
import { collectContactKey } from '../keys';

export function collectContactRule(ctx: PlanContext): Candidate[] {
  const { collectContact } = ctx.playbook;
  if (!collectContact.enabled) return [];
  const out: Candidate[] = [];
  const afterWithin = count(collectContact.afterWithinHours, 'hour');
  for (const o of ctx.snapshot.opportunities) {
    // Interview actions of a closed opportunity can only be history, which `plan` does not want.
    const closed = isClosed(o);
    if (ctx.openOnly && closed) continue;
    for (const iv of ctx.interviewsOf(o.id)) {
      const start = ms(iv.start);
      const end = ms(iv.end);
      const before = ctx.nowMs < start;
      const label = interviewLabel(o, iv, ctx.voice);
      for (const contactId of interviewersOf(iv)) {
        const fulfilled = hasUsableEmail(ctx.contact(contactId)) ? { by: null } : undefined;
        if (fulfilled && ctx.openOnly) continue;
        const name = possessive(ctx.nameOf(contactId, 'an interviewer'));
        out.push({
          key: collectContactKey(iv.id, contactId, before ? 'before' : 'after'),
          rule: 'collect-contact',
          // Before: askable from the moment the interview is known, due when it starts.
          start: before ? Math.min(ms(iv.createdAt), start) : end,
          due: before ? start : plusHours(end, collectContact.afterWithinHours),
          title: before
            ? `Get ${name} email address before ${label} (ask the recruiter for the schedule)`
            : `Get ${name} email address after ${label} (ask the recruiter for the schedule)`,
          reason: before
            ? `Have each interviewer's name and contact details before ${ctx.voice.you} walk in; ask the recruiter for the schedule (rule collect-contact)`
            : `Leave every interview with each interviewer's contact details; get them within ${afterWithin} (rule collect-contact)`,
          opportunityId: o.id,
          interviewId: iv.id,
          contactId,
          fulfilled,
          onlyIfCompleted: closed,
        });
      }
    }
  }
  return out;
}
