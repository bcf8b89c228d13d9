/**
 * Business-day arithmetic on calendar dates, and the bridge between instants and the user's
 * wall clock. Business days skip Saturdays, Sundays and the given holidays; which calendar date an
 * instant falls on is always decided in the user's zone by the caller (`localDate`).
 *
 * Dates are stepped one calendar day at a time on `Temporal.PlainDate`, so a DST change can never
 * add or lose a day (a PlainDate has no clock).
 */
import { Temporal } from './time';

/** Saturday and Sunday in ISO numbering (Monday = 1). */
const WEEKEND = new Set([6, 7]);

/** The longest run of non-business days we accept before assuming the holiday list is broken. */
const MAX_NON_BUSINESS_RUN = 366;

/** True when `date` is neither a weekend day nor one of `holidays` (`YYYY-MM-DD`). */
export function isBusinessDay(date: Temporal.PlainDate, holidays: ReadonlySet<string>): boolean {
  return !WEEKEND.has(date.dayOfWeek) && !holidays.has(date.toString());
}

/** The first business day on or after `date` (`date` itself when it is one). */
export function nextBusinessDayOnOrAfter(
  date: Temporal.PlainDate,
  holidays: ReadonlySet<string>,
): Temporal.PlainDate {
  let d = date;
  for (let i = 0; !isBusinessDay(d, holidays); i++) {
    if (i > MAX_NON_BUSINESS_RUN) throw new Error(`No business day within a year after ${date.toString()}.`);
    d = d.add({ days: 1 });
  }
  return d;
}

/**
 * The date `n` business days after `date`: step forward one calendar day at a time and count only
 * business days, so Friday + 1 is Monday and Saturday + 1 is Monday too.
 *
 * `n = 0` means "on `date`": `date` itself when it is a business day, else the next business day.
 * That keeps the result a business day for every `n` (a deadline never lands on a Sunday) and
 * makes the function monotonic in both `date` and `n`.
 * @throws RangeError for a negative or fractional `n`.
 */
export function addBusinessDays(
  date: Temporal.PlainDate,
  n: number,
  holidays: ReadonlySet<string>,
): Temporal.PlainDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`addBusinessDays needs a whole n >= 0, got ${n}.`);
  if (n === 0) return nextBusinessDayOnOrAfter(date, holidays);
  let d = date;
  for (let counted = 0; counted < n; ) {
    d = nextBusinessDayOnOrAfter(d.add({ days: 1 }), holidays);
    counted++;
  }
  return d;
}

/**
 * How many business days lie after `from` up to and including `to` (0 when `to <= from`).
 * `addBusinessDays(from, k)` is the first date for which this reaches `k`.
 */
export function businessDaysBetween(
  from: Temporal.PlainDate,
  to: Temporal.PlainDate,
  holidays: ReadonlySet<string>,
): number {
  let count = 0;
  for (let d = from.add({ days: 1 }); Temporal.PlainDate.compare(d, to) <= 0; d = d.add({ days: 1 })) {
    if (isBusinessDay(d, holidays)) count++;
  }
  return count;
}

/** The calendar date an instant falls on in `zone`. */
export function localDate(instant: Temporal.Instant, zone: string): Temporal.PlainDate {
  return instant.toZonedDateTimeISO(zone).toPlainDate();
}

/**
 * The instant of wall-clock time `hhmm` (`"17:00"`) on `date` in `zone`. A time that does not
 * exist (skipped by a spring-forward change) or exists twice (autumn) resolves with Temporal's
 * `compatible` rule: the later reading of a skipped time, the earlier of a repeated one, as
 * calendars do.
 */
export function instantAtLocalTime(date: Temporal.PlainDate, hhmm: string, zone: string): Temporal.Instant {
  return date
    .toPlainDateTime(Temporal.PlainTime.from(hhmm))
    .toZonedDateTime(zone, { disambiguation: 'compatible' })
    .toInstant();
}

/** The earlier / later of two instants. */
export const minInstant = (a: Temporal.Instant, b: Temporal.Instant): Temporal.Instant =>
  Temporal.Instant.compare(a, b) <= 0 ? a : b;
export const maxInstant = (a: Temporal.Instant, b: Temporal.Instant): Temporal.Instant =>
  Temporal.Instant.compare(a, b) >= 0 ? a : b;

/** The later of two dates. */
export const maxDate = (a: Temporal.PlainDate, b: Temporal.PlainDate): Temporal.PlainDate =>
  Temporal.PlainDate.compare(a, b) >= 0 ? a : b;
