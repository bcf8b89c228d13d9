/**
 * Rule `reconnect`: keep the relationship after a "no" (readers have been offered another
 * position weeks later). `afterDays` calendar days after an opportunity was rejected, withdrawn
 * or went quiet, a reminder to reconnect with the recruiter, on the first business day from that
 * date, from `workdayStart` to `workdayEnd` local time (a reminder to write to someone on a
 * Sunday, or one that is overdue a second after it starts, helps nobody).
 *
 * Fulfilled by any sent message about the opportunity at or after the reminder's start.
 */

import {
  addBusinessDays,
  type Candidate,
  count,
  instant,
  instantAtLocalTime,
  isAtOrAfter,
  isSent,
  localDate,
  messageTime,
  minInstant,
  type PlanContext,
} from '../context';
import { reconnectKey } from '../keys';

const RECONNECT_STAGES = new Set(['rejected', 'withdrawn', 'gone-quiet']);

export function reconnectRule(ctx: PlanContext): Candidate[] {
  const { reconnect, workdayStart, workdayEnd } = ctx.playbook;
  if (!reconnect.enabled) return [];
  const out: Candidate[] = [];
  for (const o of ctx.snapshot.opportunities) {
    if (!RECONNECT_STAGES.has(o.stage)) continue;
    const closedOn = localDate(instant(o.stageChangedAt), ctx.zone);
    const day = addBusinessDays(closedOn.add({ days: reconnect.afterDays }), 0, ctx.holidays);
    const due = instantAtLocalTime(day, workdayEnd, ctx.zone);
    const start = minInstant(instantAtLocalTime(day, workdayStart, ctx.zone), due);
    const by =
      ctx.sentFor(reconnectKey(o.id)) ??
      ctx.messagesOf(o.id).find((m) => isSent(m) && isAtOrAfter(messageTime(m), start));
    const who = o.recruiterId ? `${ctx.nameOf(o.recruiterId, 'your contact')} at ${o.company}` : o.company;
    const why =
      o.stage === 'rejected' ? 'a rejection' : o.stage === 'withdrawn' ? 'you withdrew' : 'it went quiet';
    out.push({
      key: reconnectKey(o.id),
      rule: 'reconnect',
      start: start.toString(),
      due: due.toString(),
      title: `Reconnect with ${who} (${o.role})`,
      reason: `Keep the relationship: reconnect ${count(reconnect.afterDays, 'day')} after ${why}, with the notes you kept (rule reconnect)`,
      opportunityId: o.id,
      interviewId: null,
      contactId: o.recruiterId,
      fulfilled: by ? { by: by.id } : undefined,
    });
  }
  return out;
}
