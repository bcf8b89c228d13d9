/** Human formatting of times for the terminal: in the user's zone, with a relative hint. */
import type { Locale } from '../core/drafts/locale';
import { Temporal } from '../core/time';
import type { PlainDate } from '../core/types';

/** Where and how the user reads dates: their time zone and their English. */
export interface DateStyle {
  timeZone: string;
  locale: Locale;
}

/**
 * `Tue 8 Dec, 10:00` (en-GB) or `Tue, Dec 8, 10:00 AM` (en-US) in the style's zone, as the web
 * app writes it (a ZonedDateTime formats in its own zone).
 */
export function formatLocal(iso: string, style: DateStyle): string {
  const zdt = Temporal.Instant.from(iso).toZonedDateTimeISO(style.timeZone);
  const us = style.locale === 'en-US';
  return zdt.toLocaleString(style.locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: us ? 'numeric' : '2-digit',
    minute: '2-digit',
    hour12: us,
  });
}

/**
 * A calendar date (`2026-12-18`, no time or zone) in the user's locale: `Fri 18 Dec` (en-GB) or
 * `Fri, Dec 18` (en-US), with its year when it is not `now`'s.
 */
export function formatPlainDate(date: PlainDate, locale: Locale, now: Temporal.Instant): string {
  const day = Temporal.PlainDate.from(date);
  const sameYear = day.year === now.toZonedDateTimeISO('UTC').year;
  return day.toLocaleString(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  });
}

/** `in 3 h`, `in 2 days`, `5 h ago`. */
export function relative(iso: string, now: Temporal.Instant): string {
  const ms = Temporal.Instant.from(iso).epochMilliseconds - now.epochMilliseconds;
  const abs = Math.abs(ms);
  const minutes = Math.round(abs / 60_000);
  const text =
    minutes < 60
      ? `${minutes} min`
      : minutes < 48 * 60
        ? `${Math.round(minutes / 60)} h`
        : `${Math.round(minutes / (24 * 60))} days`;
  return ms >= 0 ? `in ${text}` : `${text} ago`;
}
