/**
 * The holidays a plan needs: the region's public and bank holidays for every year the recorded
 * data and the plan can touch. Kept apart from the snapshot loaders so Today's slice loader does
 * not pull in every feature's service (and their zod schemas) to get it.
 */
import type { Temporal } from '../../core/time';
import type { ServiceContext } from '../context';
import { holidayDates } from '../holidays/holiday.service';

/** The region's holidays for every year the recorded data and the plan can touch. */
export function holidaysFor(
  ctx: ServiceContext,
  region: string | null,
  data: {
    interviews: { end: string }[];
    opportunities: { stageChangedAt: string; decisionBy: string | null }[];
    messages: { sentAt: string | null; createdAt: string }[];
  },
): Promise<string[]> {
  const instants = [
    ...data.interviews.map((i) => i.end),
    ...data.opportunities.map((o) => o.stageChangedAt),
    ...data.messages.map((m) => m.sentAt ?? m.createdAt),
  ];
  return holidayDates(region, yearsCovering(instants, ctx.now, data.opportunities));
}

/**
 * The calendar years a plan can land in: from the earliest recorded moment to a year past the
 * latest one (reconnect reminders fall months after a rejection; decision dates may be far out).
 */
function yearsCovering(
  instants: string[],
  now: Temporal.Instant,
  opportunities: { decisionBy: string | null }[],
): number[] {
  // A loop, not Math.min(...years): spreading every message of a long hunt overflows the stack.
  // The UTC year, as an ISO instant's first four digits read; Temporal's toString costs ~5 ms on
  // its first call in a process (it sets up its formatting), more than the rest of this module.
  let min = new Date(now.epochMilliseconds).getUTCFullYear();
  let max = min;
  const see = (text: string) => {
    const y = Number(text.slice(0, 4));
    if (!Number.isFinite(y)) return;
    if (y < min) min = y;
    if (y > max) max = y;
  };
  for (const i of instants) see(i);
  for (const o of opportunities) if (o.decisionBy) see(o.decisionBy);
  max += 1;
  const out: number[] = [];
  for (let y = min; y <= max; y++) out.push(y);
  return out;
}
