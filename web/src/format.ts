/**
 * Dates for people: in the user's zone and locale, short and unambiguous ("Tue 15 Dec, 17:00"
 * in en-GB, "Tue, Dec 15, 5:00 PM" in en-US).
 */
import { reasonText } from '../../src/core/plan/reason';

/** The locales the settings offer; the app follows the account's (see settings-context). */
export type DisplayLocale = 'en-GB' | 'en-US';
let displayLocale: DisplayLocale = 'en-GB';

/** Follow the account's locale from now on (set when the settings load or change). */
export function setDisplayLocale(locale: DisplayLocale): void {
  displayLocale = locale;
}

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(zone: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${displayLocale}|${zone}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) {
    // Americans read "5:00 PM", not "05:00 PM".
    const hour = displayLocale === 'en-US' && opts.hour === '2-digit' ? { hour: 'numeric' as const } : {};
    f = new Intl.DateTimeFormat(displayLocale, { timeZone: zone, ...opts, ...hour });
    cache.set(key, f);
  }
  return f;
}

/** The year of `date` in `zone`. */
const yearIn = (date: Date, zone: string): string => fmt(zone, { year: 'numeric' }).format(date);

/** A date outside the current year shows its year ("Mon 4 Jan 2027"); this year's do not. */
const yearIfOther = (date: Date, zone: string): Intl.DateTimeFormatOptions =>
  yearIn(date, zone) === yearIn(new Date(), zone) ? {} : { year: 'numeric' };

export const formatDateTime = (iso: string, zone: string): string => {
  const date = new Date(iso);
  return fmt(zone, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...yearIfOther(date, zone),
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
};

export const formatDay = (iso: string, zone: string): string => {
  const date = new Date(iso);
  return fmt(zone, { weekday: 'short', day: 'numeric', month: 'short', ...yearIfOther(date, zone) }).format(
    date,
  );
};

/** A calendar date (`2026-12-11`, no time or zone) the same way as every other date: "Fri 11 Dec". */
export const formatPlainDate = (date: string): string => formatDay(`${date}T12:00:00Z`, 'UTC');

/** An action's reason with the date it names shown like every other date ("decide by Fri 18 Dec"). */
export const formatReason = (action: { reason: string; reasonDate: string | null }): string =>
  reasonText(action, formatPlainDate);

/** The calendar day of `iso` in `zone`, as `YYYY-MM-DD` (to compare days). */
export const dayIn = (iso: string | number, zone: string): string =>
  toLocalInput(new Date(iso).toISOString(), zone).slice(0, 10);

export const formatDate = (iso: string, zone: string): string =>
  fmt(zone, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));

/** "in 3 h 20 min", "2 days ago": a countdown to (or since) `iso` from `nowMs`. */
export function countdown(iso: string, nowMs: number): string {
  const diff = Date.parse(iso) - nowMs;
  const abs = Math.abs(diff);
  const min = Math.round(abs / 60_000);
  let text: string;
  if (min < 1) text = 'less than a minute';
  else if (min < 60) text = `${min} min`;
  else if (min < 48 * 60) {
    const h = Math.floor(min / 60);
    const m = min % 60;
    text = m ? `${h} h ${m} min` : `${h} h`;
  } else text = `${Math.round(min / (60 * 24))} days`;
  return diff >= 0 ? `in ${text}` : `${text} ago`;
}

/** `YYYY-MM-DDTHH:mm` for a datetime-local input, in `zone`. */
export function toLocalInput(iso: string, zone: string): string {
  const parts = Object.fromEntries(
    fmt(zone, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

export const STAGE_LABELS: Record<string, string> = {
  applied: 'Applied',
  interviewing: 'Interviewing',
  waiting: 'Waiting',
  offer: 'Offer',
  accepted: 'Accepted',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  'gone-quiet': 'Gone quiet',
};

export const RULE_LABELS: Record<string, string> = {
  'collect-contact': 'Contact details',
  debrief: 'Debrief',
  'thank-you': 'Thank-you',
  'check-in': 'Check-in',
  'thanks-for-consideration': 'Thanks for the consideration',
  reconnect: 'Reconnect',
};
