import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Temporal } from '../core/time';
import { formatLocal, formatPlainDate } from './format';

// The formatters are cached per locale and zone; Temporal's own toLocaleString (a new formatter
// per call) is the reference they must keep agreeing with.
const ZONES = ['America/New_York', 'Europe/London', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'UTC'];
const LOCALES = ['en-US', 'en-GB'] as const;
const msArb = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) });

describe('CLI date formatting', () => {
  it('property: formatLocal writes what Temporal writes for the instant in the zone', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.constantFrom(...LOCALES), msArb, (timeZone, locale, ms) => {
        const iso = new Date(ms).toISOString();
        const us = locale === 'en-US';
        const expected = Temporal.Instant.from(iso)
          .toZonedDateTimeISO(timeZone)
          .toLocaleString(locale, {
            weekday: 'short',
            day: 'numeric',
            month: 'short',
            hour: us ? 'numeric' : '2-digit',
            minute: '2-digit',
            hour12: us,
          });
        expect(formatLocal(iso, { timeZone, locale })).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('property: formatPlainDate writes what Temporal writes for the date, with the year only in another year', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LOCALES), msArb, msArb, (locale, dayMs, nowMs) => {
        const date = new Date(dayMs).toISOString().slice(0, 10);
        const now = Temporal.Instant.fromEpochMilliseconds(nowMs);
        const day = Temporal.PlainDate.from(date);
        const sameYear = day.year === now.toZonedDateTimeISO('UTC').year;
        const expected = day.toLocaleString(locale, {
          weekday: 'short',
          day: 'numeric',
          month: 'short',
          ...(sameYear ? {} : { year: 'numeric' }),
        });
        expect(formatPlainDate(date, locale, now)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('writes the two styles people read', () => {
    const now = Temporal.Instant.from('2026-11-26T09:00:00Z');
    expect(formatLocal('2026-12-08T15:00:00Z', { timeZone: 'Europe/London', locale: 'en-GB' })).toBe(
      'Tue 8 Dec, 15:00',
    );
    expect(formatLocal('2026-12-08T15:00:00Z', { timeZone: 'America/New_York', locale: 'en-US' })).toBe(
      'Tue, Dec 8, 10:00 AM',
    );
    expect(formatPlainDate('2026-12-18', 'en-GB', now)).toBe('Fri 18 Dec');
    expect(formatPlainDate('2027-01-04', 'en-US', now)).toBe('Mon, Jan 4, 2027');
  });
});
