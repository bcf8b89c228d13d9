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

/** True when `zone` is an IANA zone this runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Read a user-typed time: with an offset or `Z` it is taken as is; without one
 * (`2026-12-08T10:00`) it is read as wall-clock time in `zone`.
 */
export function parseUserInstant(text: string, zone: string): Temporal.Instant {
  const t = text.trim();
  if (/(?:[zZ]|[+-]\d{2}:?\d{2})$/.test(t)) return Temporal.Instant.from(t);
  if (/^\d{4}-\d{2}-\d{2}$/.test(t))
    return Temporal.PlainDate.from(t).toZonedDateTime({ timeZone: zone }).toInstant();
  return Temporal.PlainDateTime.from(t).toZonedDateTime(zone, { disambiguation: 'compatible' }).toInstant();
}
