/**
 * `too-early`: a check-in sent before the playbook's window for it opens. Checking in sooner than
 * the timeline they gave reads as impatient; the message names the day the window opens.
 */
import { finding } from '../finding';
import { Temporal } from '../temporal';
import type { CheckInput, Finding } from '../types';

/** "Monday 21 December" (en-GB) or "Monday, December 21" (en-US), in the user's zone. */
export function dayName(instant: string, timeZone: string, locale: string): string {
  const day = Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone).toPlainDate();
  return day.toLocaleString(locale, { weekday: 'long', day: 'numeric', month: 'long' });
}

/** Span 0..0: the finding is about the send time, not the text. */
export function checkTooEarly(input: CheckInput): Finding[] {
  if (!input.opensAt) return [];
  const opens = Temporal.Instant.from(input.opensAt);
  if (Temporal.Instant.compare(Temporal.Instant.from(input.sendAt), opens) >= 0) return [];
  let when: string;
  try {
    when = dayName(input.opensAt, input.timeZone ?? 'UTC', input.locale ?? 'en-US');
  } catch {
    when = dayName(input.opensAt, 'UTC', 'en-US'); // an unknown zone must not hide the finding
  }
  return [
    finding(
      'too-early',
      `This ${input.kind === 'check-in' ? 'check-in' : 'note'} would go out before its window opens on ${when}; waiting until then respects the timeline they gave.`,
      0,
      0,
    ),
  ];
}
