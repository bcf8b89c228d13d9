/**
 * Business-day arithmetic on calendar dates, and the bridge between instants and the user's
 * wall clock. Business days skip Saturdays, Sundays and the given holidays; which calendar date an
 * instant falls on is always decided in the user's zone by the caller (`localDate`).
 *
 * Dates are stepped one calendar day at a time on `Temporal.PlainDate`, so a DST change can never
 * add or lose a day (a PlainDate has no clock).
 */
import { Temporal } from './time';

/** The longest run of non-business days we accept before assuming the holiday list is broken. */
const MAX_NON_BUSINESS_RUN = 366;
const DAY_MS = 86_400_000;

/*
 * The arithmetic itself works on epoch days (days since 1970-01-01, an integer): the planner
 * counts business days thousands of times per plan, and stepping Temporal.PlainDate objects
 * through the polyfill costs far more than adding 1. The Temporal functions below wrap it.
 */

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function epochDayOf(isoDate: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`Not a date like 2026-12-08: ${isoDate}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/** The `YYYY-MM-DD` date of an epoch day. */
export const isoDateOfEpochDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** ISO day of the week of an epoch day: Monday 1 ... Sunday 7 (1970-01-01 was a Thursday). */
export const dayOfWeekOfEpochDay = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;

/** True when the epoch day is neither Saturday, Sunday nor one of `holidays` (epoch days). */
export const isBusinessEpochDay = (day: number, holidays: ReadonlySet<number>): boolean =>
  dayOfWeekOfEpochDay(day) <= 5 && !holidays.has(day);

/** `nextBusinessDayOnOrAfter` on epoch days. */
export function nextBusinessEpochDay(day: number, holidays: ReadonlySet<number>): number {
  let d = day;
  for (let i = 0; !isBusinessEpochDay(d, holidays); i++) {
    if (i > MAX_NON_BUSINESS_RUN)
      throw new Error(`No business day within a year after ${isoDateOfEpochDay(day)}.`);
    d++;
  }
  return d;
}

/** `addBusinessDays` on epoch days (same rules: n = 0 keeps a business day, else moves to the next). */
export function addBusinessEpochDays(day: number, n: number, holidays: ReadonlySet<number>): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`addBusinessDays needs a whole n >= 0, got ${n}.`);
  if (n === 0) return nextBusinessEpochDay(day, holidays);
  let d = day;
  for (let counted = 0; counted < n; counted++) d = nextBusinessEpochDay(d + 1, holidays);
  return d;
}

/** Holiday strings (`YYYY-MM-DD`) as a set of epoch days; malformed entries are ignored. */
export function holidayEpochDays(holidays: Iterable<string>): Set<number> {
  const out = new Set<number>();
  for (const h of holidays) {
    try {
      out.add(epochDayOf(h));
    } catch {
      // A bad entry cannot be a day off; the holiday adapter never produces one.
    }
  }
  return out;
}

const toEpochDay = (date: Temporal.PlainDate): number =>
  Date.UTC(date.year, date.month - 1, date.day) / DAY_MS;
const fromEpochDay = (day: number): Temporal.PlainDate => Temporal.PlainDate.from(isoDateOfEpochDay(day));

/** True when `date` is neither a weekend day nor one of `holidays` (`YYYY-MM-DD`). */
export function isBusinessDay(date: Temporal.PlainDate, holidays: ReadonlySet<string>): boolean {
  return date.dayOfWeek <= 5 && !holidays.has(date.toString());
}

/** The first business day on or after `date` (`date` itself when it is one). */
export function nextBusinessDayOnOrAfter(
  date: Temporal.PlainDate,
  holidays: ReadonlySet<string>,
): Temporal.PlainDate {
  return fromEpochDay(nextBusinessEpochDay(toEpochDay(date), holidayEpochDays(holidays)));
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
  return fromEpochDay(addBusinessEpochDays(toEpochDay(date), n, holidayEpochDays(holidays)));
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

/**
 * Fast conversions between instants and one zone's wall clock, on epoch milliseconds and epoch
 * days, for code that converts thousands of times (the planner). Same answers as `localDate` and
 * `instantAtLocalTime` (a property test holds them to it), computed from the platform's Intl time
 * zone data instead of the Temporal polyfill.
 */
export interface ZoneClock {
  /** The epoch day of the calendar date `epochMs` falls on in the zone. */
  localDay(epochMs: number): number;
  /** Epoch ms of `minuteOfDay` (0-1439) wall-clock time on `epochDay`, `compatible` disambiguation. */
  atLocal(epochDay: number, minuteOfDay: number): number;
}

const WEEK_MS = 7 * DAY_MS;
const MINUTE_MS = 60_000;

/**
 * One UTC week of a zone's offsets: constant, or one change at `change` (the first minute with
 * `after`). No zone in the tz database changes its offset twice within a week.
 */
interface WeekOffsets {
  before: number;
  after: number;
  change: number;
}

/**
 * One UTC week of a zone's offsets as a cache keeps it: the week (epoch ms / one week, floored),
 * the offset (wall clock minus UTC, ms) before and after its change, and the change itself (epoch
 * ms; the week's end when there is none).
 */
export type ZoneWeek = readonly [week: number, before: number, after: number, change: number];

/**
 * A `ZoneClock` for an IANA zone, made once per zone: an `Intl.DateTimeFormat` costs far more to
 * create than to use, and every plan of one slice asks for the user's zone again. The formatter
 * itself is made only when a week is asked for that was neither computed nor taught
 * (`teachZoneWeeks`): the first Intl object of a process loads ICU's data, ~20 ms of a CLI start.
 * @throws RangeError for an unknown zone (on first use).
 */
export function zoneClock(zone: string): ZoneClock {
  return clockState(zone).clock;
}

/** The weeks of `zone` this process has computed or been taught, for a cache to keep. */
export function zoneWeeks(zone: string): ZoneWeek[] {
  return [...clockState(zone).weeks].map(([week, w]) => [week, w.before, w.after, w.change] as const);
}

/**
 * Give `zone`'s clock weeks computed earlier from the same time-zone database (a cache's
 * contents), so they are not computed again. Entries that cannot be a week of offsets are
 * ignored; a week already known is kept.
 */
export function teachZoneWeeks(zone: string, weeks: Iterable<ZoneWeek>): void {
  const state = clockState(zone);
  for (const [week, before, after, change] of weeks) {
    if (!isZoneWeek(week, before, after, change) || state.weeks.has(week)) continue;
    state.weeks.set(week, { before, after, change });
  }
}

/** Offsets of real zones stay within a day of UTC, and a week's change falls inside the week. */
const MAX_OFFSET = DAY_MS;
function isZoneWeek(week: number, before: number, after: number, change: number): boolean {
  return (
    [week, before, after, change].every(Number.isSafeInteger) &&
    Math.abs(before) <= MAX_OFFSET &&
    Math.abs(after) <= MAX_OFFSET &&
    change > week * WEEK_MS &&
    change <= (week + 1) * WEEK_MS &&
    (before === after) === (change === (week + 1) * WEEK_MS)
  );
}

interface ClockState {
  clock: ZoneClock;
  weeks: Map<number, WeekOffsets>;
}
const clocks = new Map<string, ClockState>();
function clockState(zone: string): ClockState {
  let state = clocks.get(zone);
  if (!state) {
    state = makeZoneClock(zone);
    clocks.set(zone, state);
  }
  return state;
}

function makeZoneClock(zone: string): ClockState {
  let fmt: Intl.DateTimeFormat | undefined;
  /** Wall clock minus UTC, in ms, at a whole-second instant (Intl is the slow part: ~6 µs). */
  const rawOffset = (at: number): number => {
    fmt ??= new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    const p: Record<string, number> = {};
    for (const part of fmt.formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    const wall = Date.UTC(
      p.year ?? 1970,
      (p.month ?? 1) - 1,
      p.day ?? 1,
      p.hour ?? 0,
      p.minute ?? 0,
      p.second ?? 0,
    );
    return wall - at;
  };
  const weeks = new Map<number, WeekOffsets>();
  const offsetAt = (epochMs: number): number => {
    const week = Math.floor(epochMs / WEEK_MS);
    let w = weeks.get(week);
    if (!w) {
      const first = week * WEEK_MS;
      const last = first + WEEK_MS - MINUTE_MS;
      const before = rawOffset(first);
      const after = rawOffset(last);
      let change = first + WEEK_MS;
      if (before !== after) {
        // Offsets change on a whole minute: find the first minute showing the new one.
        let lo = 0;
        let hi = (last - first) / MINUTE_MS;
        while (lo < hi) {
          const mid = Math.floor((lo + hi) / 2);
          if (rawOffset(first + mid * MINUTE_MS) === after) hi = mid;
          else lo = mid + 1;
        }
        change = first + lo * MINUTE_MS;
      }
      w = { before, after, change };
      weeks.set(week, w);
    }
    return epochMs < w.change ? w.before : w.after;
  };
  const clock: ZoneClock = {
    localDay: (epochMs) => Math.floor((epochMs + offsetAt(epochMs)) / DAY_MS),
    atLocal(epochDay, minuteOfDay) {
      const wall = epochDay * DAY_MS + minuteOfDay * 60_000;
      // Offsets a day either side bracket any transition near this wall-clock time.
      const before = offsetAt(wall - DAY_MS);
      const after = offsetAt(wall + DAY_MS);
      const early = wall - before;
      const late = wall - after;
      const earlyOk = offsetAt(early) === before;
      const lateOk = offsetAt(late) === after;
      if (earlyOk && lateOk) return Math.min(early, late); // repeated hour: the first reading
      if (earlyOk) return early;
      if (lateOk) return late;
      return early; // skipped hour: read with the offset before the change, i.e. later on the clock
    },
  };
  return { clock, weeks };
}

/** Minutes since midnight of `"HH:MM"`. */
export function minuteOfDay(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new RangeError(`Not a time of day like 17:00: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}
