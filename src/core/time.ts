/**
 * The one place the core gets Temporal from. Node 20 has no native Temporal, so the polyfill
 * stands in; swap this import when the runtime ships it.
 */
import { Temporal } from 'temporal-polyfill';

export { Temporal };

/** Parse an ISO instant (`...Z` or with an offset) into a Temporal.Instant. */
export const toInstant = (iso: string): Temporal.Instant => Temporal.Instant.from(iso);

/** Format an instant as the canonical stored form: UTC, second precision, `Z`. */
export const formatInstant = (i: Temporal.Instant): string => i.toString({ smallestUnit: 'second' });

/**
 * True when `text` is a real calendar date in the form 2026-12-18. `Date.parse` is no check: it
 * reads 2026-11-31 as 1 December and 2026-02-31 as 3 March.
 */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  try {
    Temporal.PlainDate.from(
      { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) },
      { overflow: 'reject' },
    );
    return true;
  } catch {
    return false;
  }
}

/** True when `zone` is an IANA zone this runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

const UTC_INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?Z$/i;

/**
 * Epoch ms of a plain UTC instant to the millisecond (`2026-12-08T09:00:00Z`), or null for any
 * other text. The common case, read without the Temporal polyfill's parser (~2 ms, cold, of a
 * CLI start). Only a date and time that exist: Date.parse would turn Feb 30 or 24:00 into another
 * day, so the result must print back as the text did; anything else goes to Temporal.
 */
function utcMillis(t: string): number | null {
  const m = UTC_INSTANT.exec(t);
  if (!m) return null;
  const epoch = Date.parse(t);
  if (Number.isNaN(epoch)) return null;
  const [, date, hm, sec = '00', frac = ''] = m;
  return new Date(epoch).toISOString() === `${date}T${hm}:${sec}.${frac.padEnd(3, '0')}Z` ? epoch : null;
}

/**
 * Read a user-typed time: with an offset or `Z` it is taken as is; without one
 * (`2026-12-08T10:00`) it is read as wall-clock time in `zone`.
 */
export function parseUserInstant(text: string, zone: string): Temporal.Instant {
  const t = text.trim();
  const utc = utcMillis(t);
  if (utc !== null) return Temporal.Instant.fromEpochMilliseconds(utc);
  if (/(?:[zZ]|[+-]\d{2}:?\d{2})$/.test(t)) return Temporal.Instant.from(t);
  if (/^\d{4}-\d{2}-\d{2}$/.test(t))
    return Temporal.PlainDate.from(t).toZonedDateTime({ timeZone: zone }).toInstant();
  return Temporal.PlainDateTime.from(t).toZonedDateTime(zone, { disambiguation: 'compatible' }).toInstant();
}
