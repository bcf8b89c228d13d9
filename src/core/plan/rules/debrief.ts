/**
 * Rule `debrief`: the waiting game starts as you walk to the car. One debrief per interview, from
 * its end until `withinHours` later; fulfilled once a debrief is recorded for the interview.
 */
import { type Candidate, count, interviewLabel, isClosed, ms, type PlanContext, plusHours } from '../context';
import { debriefKey } from '../keys';

export function debriefRule(ctx: PlanContext): Candidate[] {
  const { debrief } = ctx.playbook;
  if (!debrief.enabled) return [];
  const debriefed = new Set(ctx.snapshot.debriefs.map((d) => d.interviewId));
  const out: Candidate[] = [];
  for (const o of ctx.snapshot.opportunities) {
    // Interview actions of a closed opportunity can only be history, which `plan` does not want.
    if (ctx.openOnly && isClosed(o)) continue;
    for (const iv of ctx.interviewsOf(o.id)) {
      if (ctx.openOnly && debriefed.has(iv.id)) continue;
      const end = ms(iv.end);
      out.push({
        key: debriefKey(iv.id),
        rule: 'debrief',
        start: end,
        due: plusHours(end, debrief.withinHours),
        title: `Debrief ${interviewLabel(o, iv, ctx.voice)}: how it went, what ${ctx.voice.you} would answer better, what ${ctx.voice.you} promised`,
        reason: `Debrief within ${count(debrief.withinHours, 'hour')} of the interview, while it is fresh (rule debrief)`,
        opportunityId: o.id,
        interviewId: iv.id,
        contactId: null,
        fulfilled: debriefed.has(iv.id) ? { by: null } : undefined,
        onlyIfCompleted: isClosed(o),
      });
    }
  }
  return out;
}
