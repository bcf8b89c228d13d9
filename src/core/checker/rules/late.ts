/** `late`: the note would go out after its action was due. A warning: late is better than never. */

import { finding } from '../finding';
import { Temporal } from '../temporal';
import type { CheckInput, Finding } from '../types';

function describe(d: Temporal.Duration): string {
  const minutes = Math.round(d.total({ unit: 'minutes' }));
  if (minutes < 90) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hours`;
  return `${Math.round(hours / 24)} days`;
}

/** Span 0..0: the finding is about the send time, not the text. */
export function checkLate(input: CheckInput): Finding[] {
  // A check-in has a window that opens (`too-early`), not a deadline: a day after its suggested
  // day is still a good day to check in.
  if (!input.due || input.kind === 'check-in') return [];
  const due = Temporal.Instant.from(input.due);
  const sendAt = Temporal.Instant.from(input.sendAt);
  if (Temporal.Instant.compare(sendAt, due) <= 0) return [];
  return [
    finding(
      'late',
      `This note goes out ${describe(due.until(sendAt))} after it was due; send it anyway: late is better than never.`,
      0,
      0,
    ),
  ];
}
