import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  addBusinessDays,
  addBusinessEpochDays,
  businessDaysBetween,
  epochDayOf,
  holidayEpochDays,
  instantAtLocalTime,
  isBusinessDay,
  isoDateOfEpochDay,
  localDate,
  minuteOfDay,
  nextBusinessDayOnOrAfter,
  teachZoneWeeks,
  type ZoneWeek,
  zoneClock,
  zoneWeeks,
} from './business-days';
import { Temporal } from './time';

const d = (s: string) => Temporal.PlainDate.from(s);
const none = new Set<string>();
// US federal holidays around the 2026 winter (from date-holidays, type public).
const US = new Set(['2026-11-26', '2026-12-25', '2027-01-01', '2027-01-18']);

describe('isBusinessDay', () => {
  it('skips Saturdays, Sundays and holidays only', () => {
    expect(isBusinessDay(d('2026-11-27'), US)).toBe(true); // Friday after Thanksgiving: working day
    expect(isBusinessDay(d('2026-11-28'), US)).toBe(false); // Saturday
    expect(isBusinessDay(d('2026-11-29'), US)).toBe(false); // Sunday
    expect(isBusinessDay(d('2026-11-26'), US)).toBe(false); // Thanksgiving
    expect(isBusinessDay(d('2026-12-24'), US)).toBe(true); // Christmas Eve is not a holiday
    expect(isBusinessDay(d('2026-12-25'), US)).toBe(false);
  });
});

describe('addBusinessDays', () => {
  it('steps over weekends', () => {
    expect(addBusinessDays(d('2026-12-04'), 1, none).toString()).toBe('2026-12-07'); // Fri → Mon
    expect(addBusinessDays(d('2026-12-05'), 1, none).toString()).toBe('2026-12-07'); // Sat → Mon
    expect(addBusinessDays(d('2026-12-01'), 5, none).toString()).toBe('2026-12-08'); // Tue → next Tue
  });

  it('steps over Thanksgiving and Christmas but not Christmas Eve', () => {
    expect(addBusinessDays(d('2026-11-25'), 1, US).toString()).toBe('2026-11-27');
    expect(addBusinessDays(d('2026-11-25'), 1, none).toString()).toBe('2026-11-26');
    expect(addBusinessDays(d('2026-12-23'), 1, US).toString()).toBe('2026-12-24');
    expect(addBusinessDays(d('2026-12-24'), 1, US).toString()).toBe('2026-12-28');
    expect(addBusinessDays(d('2026-12-21'), 5, US).toString()).toBe('2026-12-29');
  });

  it('with n = 0 keeps a business day and moves a weekend or holiday to the next business day', () => {
    expect(addBusinessDays(d('2026-12-08'), 0, US).toString()).toBe('2026-12-08');
    expect(addBusinessDays(d('2026-12-26'), 0, US).toString()).toBe('2026-12-28');
    expect(addBusinessDays(d('2026-11-26'), 0, US).toString()).toBe('2026-11-27');
    expect(nextBusinessDayOnOrAfter(d('2026-12-25'), US).toString()).toBe('2026-12-28');
  });

  it('refuses a negative or fractional n', () => {
    expect(() => addBusinessDays(d('2026-12-08'), -1, none)).toThrow(RangeError);
    expect(() => addBusinessDays(d('2026-12-08'), 1.5, none)).toThrow(RangeError);
  });

  it('counts the same across a DST change (dates carry no clock)', () => {
    // US DST ends Sunday 2026-11-01; Europe's ended 2026-10-25.
    expect(addBusinessDays(d('2026-10-30'), 1, none).toString()).toBe('2026-11-02');
    expect(addBusinessDays(d('2026-10-23'), 1, none).toString()).toBe('2026-10-26');
  });

  const dateArb = fc
    .date({
      min: new Date('2020-01-01T00:00:00Z'),
      max: new Date('2030-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((x) => Temporal.PlainDate.from(x.toISOString().slice(0, 10)));
  const holidaysArb = fc
    .array(fc.integer({ min: 0, max: 4000 }), { maxLength: 60 })
    .map((offsets) => new Set(offsets.map((o) => d('2020-01-01').add({ days: o }).toString())));

  it('property: always lands on a business day, after the start when n > 0, with exactly n between', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 40 }), holidaysArb, (start, n, hol) => {
        const r = addBusinessDays(start, n, hol);
        expect(isBusinessDay(r, hol)).toBe(true);
        if (n > 0) {
          expect(Temporal.PlainDate.compare(r, start)).toBe(1);
          expect(businessDaysBetween(start, r, hol)).toBe(n);
          // and it is the first such date
          expect(businessDaysBetween(start, r.subtract({ days: 1 }), hol)).toBe(n - 1);
        }
      }),
    );
  });

  it('property: monotonic in the date and in n', () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 10 }),
        holidaysArb,
        (a, shift, n, extra, hol) => {
          const b = a.add({ days: shift });
          const cmp = Temporal.PlainDate.compare;
          expect(cmp(addBusinessDays(a, n, hol), addBusinessDays(b, n, hol))).toBeLessThanOrEqual(0);
          expect(cmp(addBusinessDays(a, n, hol), addBusinessDays(a, n + extra, hol))).toBeLessThanOrEqual(0);
          // Strictly later for each extra day, except from n = 0 on a weekend or holiday: Saturday + 0
          // and Saturday + 1 are both Monday.
          if (extra > 0 && (n > 0 || isBusinessDay(a, hol))) {
            expect(cmp(addBusinessDays(a, n, hol), addBusinessDays(a, n + extra, hol))).toBe(-1);
          }
        },
      ),
    );
  });
});

describe('local time helpers', () => {
  it('finds the calendar date of an instant in a zone', () => {
    const i = Temporal.Instant.from('2026-12-08T06:30:00Z');
    expect(localDate(i, 'America/Los_Angeles').toString()).toBe('2026-12-07');
    expect(localDate(i, 'Europe/Berlin').toString()).toBe('2026-12-08');
  });

  it('puts a wall-clock time on a date with the right offset either side of DST', () => {
    const la = 'America/Los_Angeles';
    expect(instantAtLocalTime(d('2026-10-30'), '17:00', la).toString()).toBe('2026-10-31T00:00:00Z'); // PDT
    expect(instantAtLocalTime(d('2026-11-02'), '17:00', la).toString()).toBe('2026-11-03T01:00:00Z'); // PST
    const berlin = 'Europe/Berlin';
    expect(instantAtLocalTime(d('2026-03-27'), '09:00', berlin).toString()).toBe('2026-03-27T08:00:00Z'); // CET
    expect(instantAtLocalTime(d('2026-03-30'), '09:00', berlin).toString()).toBe('2026-03-30T07:00:00Z'); // CEST
  });

  it("resolves a skipped or repeated wall-clock time with 'compatible'", () => {
    // 02:30 does not exist in Berlin on 2026-03-29: compatible takes the later reading, 03:30 CEST.
    expect(instantAtLocalTime(d('2026-03-29'), '02:30', 'Europe/Berlin').toString()).toBe(
      '2026-03-29T01:30:00Z',
    );
    // 01:30 happens twice in Los Angeles on 2026-11-01: compatible takes the first (PDT).
    expect(instantAtLocalTime(d('2026-11-01'), '01:30', 'America/Los_Angeles').toString()).toBe(
      '2026-11-01T08:30:00Z',
    );
  });
});

describe('zoneClock (the fast path the planner uses)', () => {
  const ZONES = [
    'America/Los_Angeles',
    'Europe/Berlin',
    'Europe/Dublin',
    'Australia/Lord_Howe', // 30-minute DST
    'Asia/Kathmandu', // +05:45
    'America/St_Johns', // -03:30 with DST
    'Africa/Casablanca', // DST suspended for Ramadan
    'Pacific/Apia',
    'America/Sao_Paulo',
    'UTC',
  ];
  const msArb = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) });

  it('property: localDay agrees with Temporal', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), msArb, (zone, ms) => {
        const expected = localDate(Temporal.Instant.fromEpochMilliseconds(ms), zone).toString();
        expect(isoDateOfEpochDay(zoneClock(zone).localDay(ms))).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("property: atLocal agrees with Temporal's compatible disambiguation, DST gaps and overlaps included", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        msArb,
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom(0, 15, 30, 45),
        (zone, ms, h, m) => {
          const day = Math.floor(ms / 86_400_000);
          const hhmm = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
          const expected = instantAtLocalTime(Temporal.PlainDate.from(isoDateOfEpochDay(day)), hhmm, zone);
          expect(zoneClock(zone).atLocal(day, minuteOfDay(hhmm))).toBe(expected.epochMilliseconds);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('resolves the transition hours themselves like Temporal', () => {
    const cases: Array<[string, string, string]> = [
      ['Europe/Berlin', '2026-03-29', '02:30'],
      ['Europe/Berlin', '2026-10-25', '02:30'],
      ['America/Los_Angeles', '2026-03-08', '02:30'],
      ['America/Los_Angeles', '2026-11-01', '01:30'],
      ['Australia/Lord_Howe', '2026-10-04', '02:15'],
      ['Australia/Lord_Howe', '2026-04-05', '01:45'],
    ];
    for (const [zone, date, hhmm] of cases) {
      const expected = instantAtLocalTime(Temporal.PlainDate.from(date), hhmm, zone).epochMilliseconds;
      expect(zoneClock(zone).atLocal(epochDayOf(date), minuteOfDay(hhmm))).toBe(expected);
    }
  });

  it('a clock taught the weeks another process computed answers the same without creating an Intl formatter', () => {
    // Computed in a first "process": these zones' clocks, then their weeks as a cache keeps them.
    const instants = [Date.UTC(2026, 2, 8, 6, 59), Date.UTC(2026, 2, 8, 7, 0), Date.UTC(2026, 10, 1, 6, 0)];
    const days = [epochDayOf('2026-03-08'), epochDayOf('2026-11-01')];
    const answers = (zone: string) => [
      ...instants.map((t) => zoneClock(zone).localDay(t)),
      ...days.flatMap((day) => [0, 90, 150, 600].map((m) => zoneClock(zone).atLocal(day, m))),
    ];
    const first = answers('America/Denver');
    const weeks = zoneWeeks('America/Denver');
    expect(weeks.some(([, before, after]) => before !== after)).toBe(true); // a DST change is among them
    // A zone no test asked for yet, taught Denver's weeks (same rules): no formatter is created.
    const spy = vi.spyOn(Intl, 'DateTimeFormat');
    try {
      teachZoneWeeks('America/Boise', weeks);
      expect(answers('America/Boise')).toEqual(first);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('ignores taught weeks that cannot be offsets of a week', () => {
    const week = Math.floor(Date.UTC(2026, 5, 10) / (7 * 86_400_000));
    const weekMs = 7 * 86_400_000;
    const bad: ZoneWeek[] = [
      [week, 0, 0, week * weekMs], // a change at the very start belongs to the week before
      [week + 1, 0, 3_600_000, (week + 3) * weekMs], // change outside its week
      [week + 2, 0, 0, (week + 2) * weekMs + 5], // no change, yet a change instant inside
      [week + 3, 2 * 86_400_000, 0, (week + 3) * weekMs + 60_000], // offset beyond a day
      [week + 4.5, 0, 0, (week + 5.5) * weekMs], // not a whole week number
    ];
    teachZoneWeeks('America/Halifax', bad);
    expect(zoneWeeks('America/Halifax')).toEqual([]);
    // Summer in Halifax is UTC-3: computed, not taken from the bad entries.
    expect(zoneClock('America/Halifax').atLocal(epochDayOf('2026-06-10'), 12 * 60)).toBe(
      Date.UTC(2026, 5, 10, 15, 0),
    );
  });

  it('property: epoch-day business arithmetic matches the Temporal one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: epochDayOf('2020-01-01'), max: epochDayOf('2030-12-31') }),
        fc.integer({ min: 0, max: 30 }),
        fc.uniqueArray(fc.integer({ min: epochDayOf('2020-01-01'), max: epochDayOf('2031-06-30') }), {
          maxLength: 80,
        }),
        (day, n, hol) => {
          const strings = new Set(hol.map(isoDateOfEpochDay));
          const viaTemporal = addBusinessDays(
            Temporal.PlainDate.from(isoDateOfEpochDay(day)),
            n,
            strings,
          ).toString();
          expect(isoDateOfEpochDay(addBusinessEpochDays(day, n, holidayEpochDays(strings)))).toBe(
            viaTemporal,
          );
        },
      ),
    );
  });
});
