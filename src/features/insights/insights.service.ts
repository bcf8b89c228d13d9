/**
 * Statistics over what the user recorded: computed on request from opportunities, interviews,
 * messages and the timeline, so they are never out of date.
 */
import { Temporal } from '../../core/time';
import { STAGES, type Stage } from '../../core/types';
import { getPlaybook } from '../accounts/account.service';
import type { ServiceContext } from '../context';
import { listEvents } from '../events/event.repository';
import { listInterviews } from '../interviews/interview.service';
import { readJsonObject } from '../json-columns';
import { listMessages } from '../messages/message.service';
import { listOpportunities } from '../opportunities/opportunity.service';
import type { InsightsView } from './insights.presenter';
import { type StageChange, stageAt, toStageChange } from './stage-at';

const FUNNEL: Stage[] = ['applied', 'interviewing', 'waiting', 'offer', 'accepted'];
const DAY_MS = 86_400_000;
const roundTenth = (n: number) => Math.round(n * 10) / 10;

export async function getInsights(ctx: ServiceContext): Promise<InsightsView> {
  const [opportunities, interviews, messages, events, playbook] = await Promise.all([
    listOpportunities(ctx),
    listInterviews(ctx),
    listMessages(ctx),
    listEvents(ctx.db, ctx.actor.accountId),
    getPlaybook(ctx),
  ]);

  // Reached = current stage, any stage it passed through, and "interviewing" once it had an interview.
  const reached = new Map<string, Set<string>>(opportunities.map((o) => [o.id, new Set([o.stage])]));
  // Events arrive ordered by time, so each opportunity's moves are too.
  const moves = new Map<string, StageChange[]>();
  for (const e of events) {
    if (e.kind !== 'stage-changed' || !e.opportunity_id) continue;
    const data = readJsonObject(e.data);
    if (typeof data.to === 'string') reached.get(e.opportunity_id)?.add(data.to);
    const move = toStageChange(e.at, data);
    if (move) moves.set(e.opportunity_id, [...(moves.get(e.opportunity_id) ?? []), move]);
  }
  for (const i of interviews) reached.get(i.opportunityId)?.add('interviewing');
  const order = new Map(FUNNEL.map((s, i) => [s, i]));
  const funnel = FUNNEL.map((stage, idx) => ({
    stage,
    // Reaching a later stage implies the earlier ones (an offer means it was applied for).
    count: [...reached.values()].filter(
      (set) => [...set].some((s) => (order.get(s as Stage) ?? -1) >= idx) || idx === 0,
    ).length,
  }));

  const responseDays: InsightsView['responseDays'] = [];
  const checkIns: InsightsView['checkIns'] = [];
  const byStage = new Map<Stage, number[]>();
  for (const o of opportunities) {
    const mine = messages.filter((m) => m.opportunityId === o.id);
    const outTimes = [
      ...mine
        .filter((m) => m.direction === 'out' && m.status === 'sent' && m.sentAt)
        .map((m) => m.sentAt as string),
      ...interviews.filter((i) => i.opportunityId === o.id).map((i) => i.end),
    ].sort();
    const firstOut = outTimes[0];
    const reply = mine
      .filter((m) => m.direction === 'in' && m.sentAt && (!firstOut || (m.sentAt as string) >= firstOut))
      .map((m) => m.sentAt as string)
      .sort()[0];
    if (firstOut && reply) {
      const days = (Date.parse(reply) - Date.parse(firstOut)) / DAY_MS;
      responseDays.push({ company: o.company, days: roundTenth(days) });
      // The stage the opportunity was in when that first interview ended or note went out.
      const stage = stageAt(moves.get(o.id) ?? [], o.stage, firstOut);
      byStage.set(stage, [...(byStage.get(stage) ?? []), days]);
    }
    const sentCheckIns = mine.filter(
      (m) => m.kind === 'check-in' && m.direction === 'out' && m.status === 'sent',
    ).length;
    const replies = mine.filter((m) => m.direction === 'in').length;
    if (sentCheckIns > 0 || replies > 0)
      checkIns.push({ company: o.company, checkIns: sentCheckIns, replies });
  }

  const ivById = new Map(interviews.map((i) => [i.id, i]));
  const windowMs = playbook.thankYou.withinHours * 3_600_000;
  let onTime = 0;
  let late = 0;
  for (const m of messages) {
    if (m.kind !== 'thank-you' || m.direction !== 'out' || m.status !== 'sent' || !m.sentAt) continue;
    const iv = m.interviewId ? ivById.get(m.interviewId) : undefined;
    if (!iv) continue;
    const due = Temporal.Instant.from(iv.end).epochMilliseconds + windowMs;
    if (Date.parse(m.sentAt) <= due) onTime++;
    else late++;
  }
  return {
    funnel,
    responseDays: responseDays.sort((a, b) => a.days - b.days).slice(0, 30),
    responseDaysByStage: STAGES.flatMap((stage) => {
      const all = byStage.get(stage);
      if (!all) return [];
      const mean = all.reduce((sum, d) => sum + d, 0) / all.length;
      return [{ stage, days: roundTenth(mean), opportunities: all.length }];
    }),
    thankYous: { onTime, late },
    checkIns: checkIns.slice(0, 30),
  };
}
