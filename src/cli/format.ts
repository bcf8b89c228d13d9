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
 * One `Intl.DateTimeFormat` per locale, zone and shape. Temporal's `toLocaleString` makes a new
 * one on every call, ~0.3 ms each (and the first loads ICU): `afterview today` formats two dates
 * per action, 145 formatters for a 138-action list.
 */
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let fmt = formatters.get(key);
  if (!fmt) {
    fmt = make();
    formatters.set(key, fmt);
  }
  return fmt;
}
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * `Tue 8 Dec, 10:00` (en-GB) or `Tue, Dec 8, 10:00 AM` (en-US) in the style's zone, as the web
 * app writes it.
 */
export function formatLocal(iso: string, style: DateStyle): string {
  const us = style.locale === 'en-US';
  const fmt = formatter(
    `local ${style.locale} ${style.timeZone}`,
    () =>
      new Intl.DateTimeFormat(style.locale, {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        hour: us ? 'numeric' : '2-digit',
        minute: '2-digit',
        hour12: us,
        timeZone: style.timeZone,
      }),
  );
  return fmt.format(Temporal.Instant.from(iso).epochMilliseconds);
}

/**
 * A calendar date (`2026-12-18`, no time or zone) in the user's locale: `Fri 18 Dec` (en-GB) or
 * `Fri, Dec 18` (en-US), with its year when it is not `now`'s.
 */
export function formatPlainDate(date: PlainDate, locale: Locale, now: Temporal.Instant): string {
  const day = Temporal.PlainDate.from(date);
  const sameYear = day.year === new Date(now.epochMilliseconds).getUTCFullYear();
  // The date's midnight in UTC, formatted in UTC: the same calendar date whatever the zone.
  const fmt = formatter(
    `date ${locale} ${sameYear}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        ...(sameYear ? {} : { year: 'numeric' }),
        timeZone: 'UTC',
      }),
  );
  return fmt.format(Date.UTC(day.year, day.month - 1, day.day));
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
