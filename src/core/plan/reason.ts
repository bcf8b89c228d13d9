/**
 * A reason that names a calendar date ("They said they would decide by 2026-12-18: …") carries it
 * apart as `reasonDate`, so each front end shows it with the one date formatter it uses for every
 * other date ("Fri 18 Dec" or "Fri, Dec 18"), instead of reading dates back out of the sentence.
 */
import type { PlainDate } from '../types';

/** The reason as a person reads it, its date written by `formatDate`. */
export function reasonText(
  action: { reason: string; reasonDate?: PlainDate | null },
  formatDate: (date: PlainDate) => string,
): string {
  const { reason, reasonDate } = action;
  return reasonDate ? reason.split(reasonDate).join(formatDate(reasonDate)) : reason;
}
