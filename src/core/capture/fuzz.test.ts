/**
 * Every capture parser, fed random input and broken copies of the real fixtures (cut short,
 * bytes flipped, folded at odd places, parts repeated): it must return a well-formed bundle or
 * throw AppError('invalid-input'), never anything else, and never take long.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { captureFixture, fixture } from '../../../test/capture-fixtures';
import { AppError } from '../errors';
import type { CaptureBundle } from './bundle';
import { cardBundle, readCardFields } from './card';
import { parseCsv } from './csv';
import { parseIcs } from './ics';
import { parseSchedule } from './schedule';
import { parseVCards } from './vcard';

type Parser = (input: Uint8Array) => CaptureBundle;

const parsers: Record<string, { parse: Parser; fixtures: Buffer[] }> = {
  ics: {
    parse: (b) => parseIcs(b, { timeZone: 'America/New_York', ownEmails: ['alex.kim.dev@mail.example'] }),
    fixtures: [
      fixture('calendar/google-onsite-loop.ics'),
      fixture('calendar/outlook-teams-panel.ics'),
      fixture('calendar/exchange-2010-windows-tz-names.ics'),
      fixture('calendar/exchange-2010-owa-display-name-tzid.ics'),
      captureFixture('custom-vtimezone.ics'),
      captureFixture('invite-seq2-cancel.ics'),
    ],
  },
  vcard: {
    parse: (b) => parseVCards(b),
    fixtures: [
      fixture('vcard/apple-contacts-export.vcf'),
      fixture('vcard/outlook-2.1-quoted-printable.vcf'),
      fixture('vcard/rfc6350-v4.vcf'),
    ],
  },
  schedule: {
    parse: (b) => parseSchedule(b, { now: '2026-11-30T12:00:00Z', timeZone: 'America/New_York' }),
    fixtures: [fixture('schedule-email-northwind.txt')],
  },
  csv: {
    parse: (b) => parseCsv(b),
    fixtures: [
      captureFixture('huntr-like.csv'),
      captureFixture('teal-like.csv'),
      captureFixture('generic-semicolon.csv'),
    ],
  },
  card: {
    parse: (b) => cardBundle(readCardFields(new TextDecoder().decode(b))),
    fixtures: [
      Buffer.from(
        'Priya Raman\nEngineering Manager\nNorthwind Labs\npriya@northwind.example\n+1 415 555 0123\n',
      ),
    ],
  },
};

/** A well-formed bundle: references resolve, instants parse, end not before start. */
function assertWellFormed(b: CaptureBundle): void {
  const keys = new Set(b.contacts.map((c) => c.key));
  const opportunities = new Set(b.opportunities.map((o) => o.key));
  for (const i of b.interviews) {
    for (const p of i.participants) expect(keys.has(p.contactKey)).toBe(true);
    if (i.opportunityKey) expect(opportunities.has(i.opportunityKey)).toBe(true);
    expect(Date.parse(i.start)).not.toBeNaN();
    expect(Date.parse(i.end)).toBeGreaterThanOrEqual(Date.parse(i.start));
  }
  for (const o of b.opportunities) if (o.recruiterKey) expect(keys.has(o.recruiterKey)).toBe(true);
  for (const c of b.contacts) for (const e of c.emails) expect(e).toBe(e.toLowerCase());
}

/**
 * Run a parser: a bundle or an AppError('invalid-input'), within the time limit. The limit is a
 * hang guard (inputs are at most a few MB; a quadratic path would take minutes), not a speed
 * target: speed lives in bench/capture.bench.ts. It is generous because CI shares two cores.
 */
function survive(parse: Parser, input: Uint8Array, limitMs = 20_000): void {
  const started = performance.now();
  try {
    assertWellFormed(parse(input));
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'invalid-input') throw e;
    expect(e.message.length).toBeGreaterThan(0);
  }
  expect(performance.now() - started).toBeLessThan(limitMs);
}

const mutation = (base: Buffer): fc.Arbitrary<Uint8Array> =>
  fc.oneof(
    // cut short anywhere
    fc.nat(base.length).map((n) => base.subarray(0, n)),
    // flip a few bytes
    fc
      .array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), {
        minLength: 1,
        maxLength: 12,
      })
      .map((flips) => {
        const copy = Uint8Array.from(base);
        for (const [at, value] of flips) copy[at] = value;
        return copy;
      }),
    // fold (CRLF + space) at odd places, even inside multi-byte characters
    fc.array(fc.nat(base.length), { minLength: 1, maxLength: 10 }).map((points) => {
      const sorted = [...new Set(points)].sort((a, b) => b - a);
      let out = Buffer.from(base);
      for (const p of sorted)
        out = Buffer.concat([out.subarray(0, p), Buffer.from('\r\n '), out.subarray(p)]);
      return out;
    }),
    // a slice repeated many times (a huge file of repeats, still under the size limit)
    fc
      .tuple(fc.nat(base.length - 1), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 2, max: 1_000 }))
      .map(([from, length, times]) => {
        const slice = base.subarray(from, Math.min(base.length, from + length));
        return Buffer.concat([base, ...Array.from({ length: times }, () => slice)]);
      }),
    // lines dropped or shuffled
    fc.array(fc.boolean(), { minLength: 1, maxLength: 200 }).map((keep) => {
      const lines = base.toString('latin1').split('\n');
      return Buffer.from(lines.filter((_, i) => keep[i % keep.length]).join('\n'), 'latin1');
    }),
  );

describe.each(Object.entries(parsers))('%s parser under fuzzing', (_name, { parse, fixtures }) => {
  it('survives arbitrary bytes and text', () => {
    expect(fixtures.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 2_000 }),
          fc.string({ unit: 'grapheme', maxLength: 2_000 }).map((s) => new TextEncoder().encode(s)),
        ),
        (input) => {
          survive(parse, input);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('survives broken copies of its fixtures', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fixtures).chain(mutation), (input) => {
        survive(parse, input);
      }),
      { numRuns: 200 },
    );
  });
});

// The card parser reads OCR output, not files: its input is bounded by the image limit (ocr.ts).
const fileParsers = Object.entries(parsers).filter(([name]) => name !== 'card');

describe.each(fileParsers)('%s parser on a huge input', (_name, { parse }) => {
  it('refuses 50 MB of garbage quickly with a clear message', () => {
    const garbage = new Uint8Array(50 * 1024 * 1024).fill(0x41);
    const started = performance.now();
    expect(() => parse(garbage)).toThrow(/50 MB; files over 10 MB are not imported/);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
