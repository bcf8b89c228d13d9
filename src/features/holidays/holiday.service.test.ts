import { describe, expect, it } from 'vitest';
import { holidayDates, isKnownRegion, normalizeRegion, setPersistentHolidayCache } from './holiday.service';

describe('holidayDates (real date-holidays data)', () => {
  it('counts US public holidays and leaves optional days and observances as working days', async () => {
    const t0 = performance.now();
    const us = await holidayDates('US', [2026]);
    const firstCallMs = performance.now() - t0;
    expect(us).toContain('2026-11-26'); // Thanksgiving
    expect(us).toContain('2026-12-25'); // Christmas Day
    expect(us).toContain('2026-07-03'); // Independence Day observed (substitute day)
    expect(us).not.toContain('2026-12-24'); // Christmas Eve is 'optional'
    expect(us).not.toContain('2026-11-27'); // day after Thanksgiving is an observance
    expect(us).not.toContain('2026-10-31'); // Halloween
    // Printed so the report can quote the cold-load cost of the lazy import.
    console.info(`holidayDates first call (lazy import + US 2026): ${firstCallMs.toFixed(0)} ms`);
  });

  it('reads states: Bavaria has Epiphany, the rest of Germany does not', async () => {
    expect(await holidayDates('DE-BY', [2026])).toContain('2026-01-06');
    expect(await holidayDates('DE', [2026])).not.toContain('2026-01-06');
    expect(await holidayDates('de-by', [2026])).toContain('2026-01-06');
  });

  it('covers every year asked for, sorted and without duplicates', async () => {
    const dates = await holidayDates('GB-ENG', [2027, 2026, 2026]);
    expect(dates).toContain('2026-12-25');
    expect(dates).toContain('2027-12-27'); // Christmas 2027 falls on a Saturday: substitute Monday
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
  });

  it('gives no holidays without a region', async () => {
    expect(await holidayDates(null, [2026])).toEqual([]);
  });

  it('refuses a region date-holidays does not know', async () => {
    await expect(holidayDates('XX', [2026])).rejects.toThrow(/Unknown holiday region XX/);
  });

  it('memoises: the second call is answered from memory, not computed again', async () => {
    // A recording store sees a write each time a region's year had to be computed.
    const writes: string[][] = [];
    setPersistentHolidayCache({
      read: () => new Map(),
      write: (entries) => writes.push([...entries.keys()]),
    });
    try {
      const first = await holidayDates('FR', [2031]);
      const again = await holidayDates('FR', [2031]);
      expect(writes).toHaveLength(1);
      expect(writes[0]).toContain('FR:2031');
      expect(again).toEqual(first);
      expect(again).toContain('2031-07-14'); // Bastille Day
    } finally {
      setPersistentHolidayCache(undefined);
    }
  });
});

describe('isKnownRegion', () => {
  it('knows countries, states and lower-case spellings', async () => {
    for (const r of ['US', 'US-CA', 'GB-ENG', 'DE-BY', 'de-by']) expect(await isKnownRegion(r)).toBe(true);
  });

  it('refuses unknown countries, unknown states and junk', async () => {
    for (const r of ['XX', 'US-XX', 'DE-BY-NOPE', '', 'U S', 'US-CA-LA-X']) {
      expect(await isKnownRegion(r)).toBe(false);
    }
  });

  it('normalises the spelling', () => {
    expect(normalizeRegion(' gb-eng ')).toBe('GB-ENG');
  });
});
