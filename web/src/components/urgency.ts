/**
 * How pressing an open action is, in four steps a person can tell apart at a glance (and in
 * words, not colour alone): overdue, due within hours, due later today, due on a later day.
 */
import { countdown, dayIn, formatDateTime } from '../format';

export type UrgencyLevel = 'overdue' | 'soon' | 'today' | 'later';

/** "Within hours" means this many or fewer: enough to act on before the end of a working day. */
const SOON_HOURS = 6;

export function urgencyLevel(due: string, nowMs: number, zone: string): UrgencyLevel {
  const left = Date.parse(due) - nowMs;
  if (left < 0) return 'overdue';
  if (left <= SOON_HOURS * 3600_000) return 'soon';
  if (dayIn(due, zone) === dayIn(nowMs, zone)) return 'today';
  return 'later';
}

export const LEVEL_LABELS: Record<UrgencyLevel, string> = {
  overdue: 'Overdue',
  soon: 'Due within hours',
  today: 'Due today',
  later: 'Due later',
};

/** "Overdue since Tue 8 Dec, 13:00 (2 h ago)", "Due Tue 8 Dec, 15:00 (in 4 h)". */
export function dueSentence(due: string, nowMs: number, zone: string): { text: string; relative: string } {
  const overdue = Date.parse(due) < nowMs;
  return {
    text: `${overdue ? 'Overdue since' : 'Due'} ${formatDateTime(due, zone)}`,
    relative: countdown(due, nowMs),
  };
}
