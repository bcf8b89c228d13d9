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
  for (const o of ctx.snapshot.opportunities) {
    // Interview actions of a closed opportunity can only be history, which `plan` does not want.
    if (ctx.openOnly && isClosed(o)) continue;
    for (const iv of ctx.interviewsOf(o.id)) {
      const start = ms(iv.start);
      const end = ms(iv.end);
      const before = ctx.nowMs < start;
      for (const contactId of interviewersOf(iv)) {
        const name = ctx.nameOf(contactId, 'an interviewer');
        const fulfilled = hasUsableEmail(ctx.contact(contactId)) ? { by: null } : undefined;
        const common = {
          rule: 'collect-contact' as const,
          opportunityId: o.id,
          interviewId: iv.id,
          contactId,
          fulfilled,
          onlyIfCompleted: isClosed(o),
        };
        if (before) {
          out.push({
            ...common,
            key: collectContactKey(iv.id, contactId, 'before'),
            // Askable from the moment the interview is known.
            start: Math.min(ms(iv.createdAt), start),
            due: start,
            title: `Get ${possessive(name)} email address before ${interviewLabel(o, iv)} (ask the recruiter for the schedule)`,
            reason:
              "Have each interviewer's name and contact details before you walk in; ask the recruiter for the schedule (rule collect-contact)",
          });
        } else {
          out.push({
            ...common,
            key: collectContactKey(iv.id, contactId, 'after'),
            start: end,
            due: plusHours(end, collectContact.afterWithinHours),
            title: `Get ${possessive(name)} email address after ${interviewLabel(o, iv)} (ask the recruiter for the schedule)`,
            reason: `Leave every interview with each interviewer's contact details; get them within ${count(collectContact.afterWithinHours, 'hour')} (rule collect-contact)`,
          });
        }
      }
    }
  }
  return out;
}
