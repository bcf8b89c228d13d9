import { describe, expect, it } from 'vitest';
import { emptyBundle, newContact } from './bundle';
import { cleanBundle, MAX_SHORT_FIELD, stripControls } from './clean';
import { parseIcs } from './ics';
import { parseSchedule } from './schedule';
import { parseVCards } from './vcard';

const ESC = '\u001b';
const hostile = {
  clearScreen: `${ESC}[2J${ESC}[H`,
  setTitle: `${ESC}]0;pwned${ESC}\\`,
  reset: `${ESC}c`,
  osc8: `${ESC}]8;;https://evil.example/${ESC}\\click${ESC}]8;;${ESC}\\`,
  c1Csi: '\u009b31m',
  bidi: '\u202Egnp.exe\u202C',
  isolate: '\u2066x\u2069',
  bell: '\u0007',
};

describe('stripControls', () => {
  it('removes ESC sequences (CSI, OSC titles, resets), keeping the visible text of an OSC-8 link', () => {
    expect(stripControls(`Priya${hostile.clearScreen} Raman${hostile.setTitle}${hostile.reset}`)).toBe(
      'Priya Raman',
    );
    expect(stripControls(`see ${hostile.osc8}`)).toBe('see click');
  });

  it('removes C0 and C1 controls, DEL and bidi overrides and isolates', () => {
    expect(stripControls(`a${hostile.bell}b\u007fc${hostile.c1Csi}d`)).toBe('abcd');
    expect(stripControls(`invoice${hostile.bidi} ${hostile.isolate}`)).toBe('invoicegnp.exe x');
  });

  it('turns line breaks and tabs into spaces in a single-line field, keeps them in a multi-line one', () => {
    expect(stripControls('Priya\r\nRaman\tPhD')).toBe('Priya Raman PhD');
    expect(stripControls('line 1\r\nline 2\rline 3\u2028\tindented', true)).toBe(
      'line 1\nline 2\nline 3\n\tindented',
    );
  });

  it('leaves accents, apostrophes, dashes and emoji alone', () => {
    const name = "Siobhán O'Connell – Diego Fernández-Ortiz 👋";
    expect(stripControls(name)).toBe(name);
  });
});

describe('cleanBundle', () => {
  it('cleans every text field and cuts an oversized one with a warning that does not repeat it', () => {
    const bundle = emptyBundle('ics');
    bundle.contacts.push(
      newContact('c1', 'ics', 'invite line 3', {
        displayName: `Evil${hostile.clearScreen}\nName`,
        title: 'T'.repeat(5_000),
        notes: `first\r\nsecond${hostile.setTitle}`,
      }),
    );
    bundle.warnings.push(`about ${hostile.reset}x`);
    const clean = cleanBundle(bundle);
    expect(clean.contacts[0]).toMatchObject({
      displayName: 'Evil Name',
      title: 'T'.repeat(MAX_SHORT_FIELD),
      notes: 'first\nsecond',
    });
    expect(clean.warnings).toEqual([
      'about x',
      `invite line 3: the title ("${'T'.repeat(40)}…") was 5,000 characters long; only the first 200 were kept.`,
    ]);
    expect(cleanBundle(clean)).toEqual(clean);
  });
});

describe('every importer cleans what it reads', () => {
  it('an invite: attendee names, SUMMARY and LOCATION carry no escapes; a 9 MB SUMMARY is cut', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:hostile-1',
      'DTSTART:20261208T180000Z',
      'DTEND:20261208T190000Z',
      `SUMMARY:${'A'.repeat(9 * 1024 * 1024)}`,
      `LOCATION:Room 1${ESC}[2J`,
      'ORGANIZER;CN=Dana Whitfield:mailto:dana@northwind-labs.example',
      `ATTENDEE;CN="Mallory${ESC}]0;pwned${ESC}\\ ${ESC}[2JKey":mailto:mallory@northwind-labs.example`,
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const b = parseIcs(ics, { timeZone: 'UTC' });
    expect(b.contacts.map((c) => c.displayName)).toContain('Mallory Key');
    expect(b.interviews[0]?.round).toHaveLength(MAX_SHORT_FIELD);
    expect(b.interviews[0]?.location).toBe('Room 1');
    expect(b.warnings.some((w) => /round \(SUMMARY\).*9,437,184 characters long/.test(w))).toBe(true);
    expect(JSON.stringify(b).length).toBeLessThan(10_000);
  });

  it('a vCard and a schedule email', () => {
    const vcf = `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Priya${ESC}[31m Raman\u202E\r\nEMAIL:priya@northwind-labs.example\r\nEND:VCARD\r\n`;
    expect(parseVCards(vcf).contacts[0]?.displayName).toBe('Priya Raman');
    const schedule = `Tuesday, December 8 (all times Pacific)\n10:00 AM - 11:00 AM  Priya Raman${ESC}]0;x${ESC}\\, Engineering Manager\u0007\n`;
    const b = parseSchedule(schedule, { now: '2026-11-30T12:00:00Z', timeZone: 'UTC' });
    expect(b.contacts.map((c) => [c.displayName, c.title])).toEqual([['Priya Raman', 'Engineering Manager']]);
  });
});
