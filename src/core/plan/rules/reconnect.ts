/**
 * Rule `reconnect`: keep the relationship after a "no" (readers have been offered another
 * position weeks later). `afterDays` calendar days after an opportunity was rejected, withdrawn
 * or went quiet, a reminder to reconnect with the recruiter, on the first business day from that
 * date, from `workdayStart` to `workdayEnd` local time (a reminder to write to someone on a
 * Sunday, or one that is overdue a second after it starts, helps nobody).
 *
 * Fulfilled by any sent message about the opportunity at or after the reminder's start.
 */

import { type Candidate, count, isSent, messageTime, ms, type PlanContext } from '../context';
import { reconnectKey } from '../keys';
import { givenRole } from '../role';

const RECONNECT_STAGES = new Set(['rejected', 'withdrawn', 'gone-quiet']);

export function reconnectRule(ctx: PlanContext): Candidate[] {
  const { reconnect, workdayStart, workdayEnd } = ctx.playbook;
  if (!reconnect.enabled) return [];
  const out: Candidate[] = [];
  for (const o of ctx.snapshot.opportunities) {
    if (!RECONNECT_STAGES.has(o.stage)) continue;
    const closedOn = ctx.localDay(ms(o.stageChangedAt));
    const day = ctx.addBusinessDays(closedOn + reconnect.afterDays, 0);
    const due = ctx.atLocal(day, workdayEnd);
    const start = Math.min(ctx.atLocal(day, workdayStart), due);
    const by =
      ctx.sentFor(reconnectKey(o.id)) ??
      ctx.messagesOf(o.id).find((m) => isSent(m) && messageTime(m) >= start);
    if (by && ctx.openOnly) continue;
    const who = o.recruiterId
      ? `${ctx.nameOf(o.recruiterId, `${ctx.voice.your} contact`)} at ${o.company}`
      : o.company;
    const why =
      o.stage === 'rejected'
        ? 'a rejection'
        : o.stage === 'withdrawn'
          ? `${ctx.voice.you} withdrew`
          : 'it went quiet';
    out.push({
      key: reconnectKey(o.id),
      rule: 'reconnect',
      start: start,
      due: due,
      title: `Reconnect with ${who}${givenRole(o) ? ` (${givenRole(o)})` : ''}`,
      reason: `Keep the relationship: reconnect ${count(reconnect.afterDays, 'day')} after ${why}, with the notes ${ctx.voice.you} kept (rule reconnect)`,
      opportunityId: o.id,
      interviewId: null,
      contactId: o.recruiterId,
      fulfilled: by ? { by: by.id } : undefined,
    });
  }
  return out;
}
