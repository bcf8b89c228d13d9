/**
 * Every capture parser, fed random input and broken copies of the real fixtures (cut short,
 * bytes flipped, folded at odd places, parts repeated): it must return a well-formed bundle with
 * no control character in it, or throw AppError('invalid-input'), never anything else, and never
 * take long. Schedule lines and vCards are also built from hostile pieces, and image headers are
 * mutated: a size within the pixel budget or a sentence, never a decoder's problem.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { captureFixture, fixture, pngChunk, pngWithHeader } from '../../../test/capture-fixtures';
import { AppError } from '../errors';
import type { CaptureBundle } from './bundle';
import { cardBundle, readCardFields } from './card';
import { MAX_SHORT_FIELD } from './clean';
import { parseCsv } from './csv';
import { parseIcs } from './ics';
import { MAX_IMAGE_PIXELS, readImageHeader } from './image-header';
import { parseSchedule } from './schedule';
import { parseVCards } from './vcard';

type Parser = (input: Uint8Array) => CaptureBundle;

const parsers: Record<string, { parse: Parser; fixtures: Buffer[]; brokenRuns?: number }> = {
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
    fixtures: [
      fixture('schedule-email-northwind.txt'),
      fixture('schedule/greenhouse-itinerary.txt'),
      fixture('schedule/lever-forwarded-gmail.txt'),
      fixture('schedule/plain-agency.txt'),
    ],
    // A repeated slice makes thousands of lines, each read by chrono: fewer, costlier runs.
    brokenRuns: 100,
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
  assertClean(b);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the fuzzing looks for control characters.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const LINE_BREAK = /[\n\t]/;

/** No string in the bundle carries a control character; only notes keep line breaks and tabs. */
function assertClean(value: unknown, key = ''): void {
  if (typeof value === 'string') {
    if (CONTROL.test(value) || (key !== 'notes' && LINE_BREAK.test(value))) {
      throw new Error(
        `${key || 'a value'} carries a control character: ${JSON.stringify(value.slice(0, 80))}`,
      );
    }
  } else if (Array.isArray(value)) for (const v of value) assertClean(v, key);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) assertClean(v, k);
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

describe.each(Object.entries(parsers))(
  '%s parser under fuzzing',
  (_name, { parse, fixtures, brokenRuns }) => {
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

    // A hang guard like survive's limit: a slow parser fails it by minutes, two busy cores by seconds.
    it('survives broken copies of its fixtures', { timeout: 90_000 }, () => {
      fc.assert(
        fc.property(fc.constantFrom(...fixtures).chain(mutation), (input) => {
          survive(parse, input);
        }),
        { numRuns: brokenRuns ?? 200 },
      );
    });
  },
);

// The card parser reads OCR output, not files: its input is bounded by the image limit (ocr.ts).
const fileParsers = Object.entries(parsers).filter(([name]) => name !== 'card');

describe.each(fileParsers)('%s parser on a huge input', (_name, { parse }) => {
  it('refuses 50 MB of garbage quickly with a clear message', () => {
    const garbage = new Uint8Array(50 * 1024 * 1024).fill(0x41);
    const started = performance.now();
    expect(() => parse(garbage)).toThrow(/50 MB; files over 10 MB are not imported/);
    expect(performance.now() - started).toBeLessThan(5_000); // hang guard: reading 50 MB first would take far longer
  });
});

// Pieces of schedule lines as people paste them, and hostile ones: labels, names, titles,
// separators, escape sequences and bidi overrides, in any order.
const SLOT_PIECES = [
  'Panel:',
  'Onsite – Round 2:',
  'Technical Screen |',
  'Lunch',
  'Lunch with',
  'Break',
  'Priya Raman',
  'Diego Fernández-Ortiz',
  "Siobhán O'Connell",
  'Ana Gómez, Ben Ito and Cleo Park',
  'and',
  '&',
  '/',
  ',',
  '—',
  '(Design)',
  '(VP Engineering)',
  'Staff Engineer',
  'Engineering Manager',
  'me',
  '\u001b[2J',
  '\u001b]0;title\u0007',
  '\u202e',
  '\r',
  'x'.repeat(500),
];
const NEVER_PEOPLE =
  /^(?:panel|onsite|round \d+|lunch|break|staff engineer|engineering manager|vp engineering|technical screen|and|me)$/i;

describe('schedule lines built from the pieces people paste', () => {
  it('never makes a label or a job title a person, never keeps a control character', () => {
    const slot = fc
      .tuple(
        fc.integer({ min: 8, max: 17 }),
        fc.array(fc.constantFrom(...SLOT_PIECES), { minLength: 1, maxLength: 8 }),
      )
      .map(([hour, pieces]) => `${hour}:00 - ${hour}:45  ${pieces.join(' ')}`);
    fc.assert(
      fc.property(fc.array(slot, { minLength: 1, maxLength: 12 }), fc.boolean(), (slots, quoted) => {
        const lines = ['Tuesday, December 8 (all times Pacific)', ...slots, '', 'Best,', 'Dana Whitfield'];
        const text = lines.map((l) => (quoted ? `> ${l}` : l)).join('\n');
        let bundle: CaptureBundle;
        try {
          bundle = parseSchedule(text, { now: '2026-11-30T12:00:00Z', timeZone: 'UTC' });
        } catch (e) {
          if (e instanceof AppError && e.code === 'invalid-input') return;
          throw e;
        }
        assertWellFormed(bundle);
        for (const c of bundle.contacts) expect(c.displayName ?? '').not.toMatch(NEVER_PEOPLE);
      }),
      { numRuns: 300 },
    );
  });
});

describe('vCards with hostile values', () => {
  it('keeps no control character and no field over its limit', () => {
    const value = fc
      .array(
        fc.constantFrom(
          'Priya',
          ' Raman',
          '\u001b[31m',
          '\u009b2J',
          '\u2067',
          '\\n',
          ';',
          ',',
          'é',
          'x'.repeat(300),
        ),
        {
          maxLength: 12,
        },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(value, value, value, value, (fn, title, org, note) => {
        const card = [
          'BEGIN:VCARD',
          'VERSION:3.0',
          `FN:${fn}`,
          `TITLE:${title}`,
          `ORG:${org}`,
          `NOTE:${note}`,
          'EMAIL:p@x.example',
          'END:VCARD',
        ].join('\r\n');
        let bundle: CaptureBundle;
        try {
          bundle = parseVCards(card);
        } catch (e) {
          if (e instanceof AppError && e.code === 'invalid-input') return;
          throw e;
        }
        assertWellFormed(bundle);
        for (const c of bundle.contacts) {
          expect((c.displayName ?? '').length).toBeLessThanOrEqual(MAX_SHORT_FIELD);
          expect((c.title ?? '').length).toBeLessThanOrEqual(MAX_SHORT_FIELD);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('PNG and JPEG headers, mutated', () => {
  const png = pngWithHeader(1050, 600, [pngChunk('IDAT', Buffer.alloc(64, 9)), pngChunk('IEND')]);
  const headerMutation = fc.oneof(
    // any size in the header, the checksum made right
    fc
      .tuple(fc.nat(), fc.nat())
      .map(([w, h]) => pngWithHeader(w, h, [pngChunk('IDAT', Buffer.alloc(64, 9)), pngChunk('IEND')])),
    // bytes flipped anywhere (the checksum then usually fails)
    fc
      .array(fc.tuple(fc.nat(png.length - 1), fc.integer({ min: 0, max: 255 })), {
        minLength: 1,
        maxLength: 8,
      })
      .map((flips) => {
        const copy = Buffer.from(png);
        for (const [at, v] of flips) copy[at] = v;
        return copy;
      }),
    // cut short anywhere
    fc.nat(png.length).map((n) => png.subarray(0, n)),
    // a JPEG of random segments
    fc.uint8Array({ maxLength: 300 }).map((tail) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), tail])),
  );

  it('gives a size within the budget or a sentence, quickly, whatever the header says', () => {
    fc.assert(
      fc.property(headerMutation, (bytes) => {
        const started = performance.now();
        try {
          const h = readImageHeader(bytes);
          expect(h.width * h.height).toBeLessThanOrEqual(MAX_IMAGE_PIXELS);
          expect(h.width).toBeGreaterThan(0);
        } catch (e) {
          if (!(e instanceof AppError) || e.code !== 'invalid-input') throw e;
          expect(e.message).toMatch(/^The (?:image|file|PNG|JPEG) /);
        }
        expect(performance.now() - started).toBeLessThan(2_000); // hang guard, not a speed target
      }),
      { numRuns: 1_000 },
    );
  });
});
