import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../test/capture-fixtures';
import { parseVCards, toVCard, toVCards, type VCardContact } from './vcard';

const summary = (input: string | Uint8Array) =>
  parseVCards(input).contacts.map((c) => ({
    name: c.displayName,
    title: c.title,
    company: c.company,
    emails: c.emails,
    phones: c.phones,
  }));

describe('parseVCards on the shared fixtures', () => {
  it('reads Apple Contacts 3.0: grouped properties, X-ABLabel, folded NOTE, accents', () => {
    const b = parseVCards(fixture('vcard/apple-contacts-export.vcf'));
    expect(summary(fixture('vcard/apple-contacts-export.vcf'))).toEqual([
      {
        name: 'Priya Raman',
        title: 'Engineering Manager',
        company: 'Northwind Labs',
        emails: ['priya.raman@northwind-labs.example'],
        phones: ['+14155550123'],
      },
      {
        name: "Siobhán O'Connell",
        title: 'Staff Engineer',
        company: 'Northwind Labs',
        emails: ['siobhan.oconnell@northwind-labs.example'],
        phones: [],
      },
    ]);
    expect(b.contacts[0]?.links).toEqual(['https://www.linkedin.com/in/priya-raman-example']);
    expect(b.contacts[0]?.notes).toBe(
      'Met at onsite 8 Dec. Talked about migrating the billing service off the monolith.',
    );
    expect(b.contacts.map((c) => c.origin)).toEqual(['vCard line 1', 'vCard line 16']);
    expect(b.skipped).toEqual([]);
  });

  it('reads Outlook 2.1: bare parameters, CHARSET, quoted-printable soft break inside an en dash', () => {
    expect(summary(fixture('vcard/outlook-2.1-quoted-printable.vcf'))).toEqual([
      {
        name: 'Diego Fernández-Ortiz',
        title: 'Senior Engineer',
        company: 'Northwind Labs',
        emails: ['diego.fernandez@northwind-labs.example'],
        phones: ['+14155550177'],
      },
      {
        name: 'Wen-Li Zhang',
        title: 'Product Manager – Payments',
        company: 'Northwind Labs',
        emails: ['wenli.zhang@northwind-labs.example'],
        phones: [],
      },
    ]);
  });

  it('reads RFC 6350 4.0: KIND, tel: URI, quoted TYPE list', () => {
    expect(summary(fixture('vcard/rfc6350-v4.vcf'))).toEqual([
      {
        name: 'Chinedu Okafor',
        title: 'Senior Recruiter',
        company: 'Contoso Health',
        emails: ['cokafor@contoso-health.example'],
        phones: ['+16175550142'],
      },
    ]);
  });
});

describe('parseVCards, other shapes', () => {
  it('decodes a 2.1 quoted-printable value in a non-UTF-8 CHARSET', () => {
    const card = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'FN;CHARSET=windows-1252;ENCODING=QUOTED-PRINTABLE:Ren=E9e Lef=E8vre',
      'NOTE;ENCODING=QUOTED-PRINTABLE:First line=0D=0ASecond=',
      ' line',
      'EMAIL;INTERNET:renee@example.org',
      'PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD',
      '',
      'END:VCARD',
    ].join('\r\n');
    const b = parseVCards(card);
    expect(b.contacts[0]).toMatchObject({ displayName: 'Renée Lefèvre', emails: ['renee@example.org'] });
    expect(b.contacts[0]?.notes).toBe('First line\nSecond line');
  });

  it('reads a non-UTF-8 file as Windows-1252 with a warning', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jos'),
      0xe9,
      ...new TextEncoder().encode(' Garc\r\nEND:VCARD\r\n'),
    ]);
    const b = parseVCards(bytes);
    expect(b.contacts[0]?.displayName).toBe('José Garc');
    expect(b.warnings).toEqual([
      'The vCard file is not valid UTF-8; it was read as Windows-1252 (check accented names).',
    ]);
  });

  it('skips organisation cards, cards with neither name nor address, and bad emails, naming lines', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'KIND:org',
      'FN:Northwind Labs',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'TITLE:Nobody',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Ana Gómez',
      'EMAIL:not an address',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Cut Short',
    ].join('\n');
    const b = parseVCards(text);
    expect(b.contacts.map((c) => c.displayName)).toEqual(['Ana Gómez']);
    expect(b.skipped).toEqual([
      { line: 1, field: 'KIND', reason: 'an organisation card, not a person' },
      { line: 6, field: 'FN', reason: 'the card has neither a name nor an email address' },
      { line: 10, field: 'EMAIL', reason: '"not an address" is not an email address' },
      { line: 15, field: 'VCARD', reason: 'the file ends inside this card (cut short?)' },
    ]);
  });

  it('refuses a file with no cards, naming the line', () => {
    expect(() => parseVCards('hello\nthere')).toThrow(
      expect.objectContaining({
        code: 'invalid-input',
        message: 'line 1: not a vCard file (no BEGIN:VCARD).',
      }),
    );
  });
});

const contactArb: fc.Arbitrary<VCardContact> = fc.record({
  displayName: fc
    .array(fc.stringMatching(/^[\p{L}][\p{L}'’.,;-]{0,12}$/u), { minLength: 1, maxLength: 4 })
    .map((w) => w.join(' ')),
  title: fc.option(fc.stringMatching(/^[\p{L}][\p{L} ,;:–/&-]{0,30}[\p{L}]$/u), { nil: null }),
  company: fc.option(fc.stringMatching(/^[\p{L}][\p{L} &.,-]{0,30}[\p{L}]$/u), { nil: null }),
  emails: fc.uniqueArray(
    fc
      .tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,10}[a-z0-9]$/), fc.stringMatching(/^[a-z]{2,12}$/))
      .map(([l, d]) => `${l.replace(/\.\.+/g, '.')}@${d}.example`),
    { maxLength: 3 },
  ),
  phones: fc.uniqueArray(
    fc.integer({ min: 100, max: 999 }).map((n) => `+1415555${String(n).padStart(4, '0')}`),
    { maxLength: 2 },
  ),
  links: fc.uniqueArray(fc.webUrl({ validSchemes: ['https'] }), { maxLength: 2 }),
  notes: fc.stringMatching(/^[\p{L}\p{N} ,;:.!?\n\\]{0,200}$/u).map((s) => s.trim()),
});

describe('parseVCards names the line of a value it cuts', () => {
  it("a 3 MB name on line 3 is reported at line 3, not at the card's BEGIN", () => {
    const name = 'N'.repeat(3 * 1024 * 1024);
    const text = ['BEGIN:VCARD', 'VERSION:3.0', `FN:${name}`, 'TITLE:Staff Engineer', 'END:VCARD', ''].join(
      '\r\n',
    );
    const b = parseVCards(text);
    expect(b.warnings).toEqual([
      `vCard line 3: the name ("${'N'.repeat(40)}…") was 3,145,728 characters long; only the first 200 were kept.`,
    ]);
  });

  it("the second card's long title and note are named by their own lines", () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Ana Gómez',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Ben Ito',
      'EMAIL:ben@fabrikam.example',
      `item1.TITLE:${'T'.repeat(500)}`,
      'END:VCARD',
    ].join('\r\n');
    expect(parseVCards(text).warnings).toEqual([
      `vCard line 9: the title ("${'T'.repeat(40)}…") was 500 characters long; only the first 200 were kept.`,
    ]);
  });
});

describe('toVCard / toVCards', () => {
  it('keeps surname particles in N: (van der Berg, Ní Bhriain, de la Cruz, Mac Giolla)', () => {
    const n = (displayName: string) =>
      /\r\nN:([^\r]*)\r\n/.exec(
        toVCard({ displayName, title: null, company: null, emails: [], phones: [], links: [], notes: '' }),
      )?.[1];
    expect(n('Pieter van der Berg')).toBe('van der Berg;Pieter;;;');
    expect(n('Niamh Ní Bhriain')).toBe('Ní Bhriain;Niamh;;;');
    expect(n('Juan de la Cruz')).toBe('de la Cruz;Juan;;;');
    expect(n('Seán Mac Giolla')).toBe('Mac Giolla;Seán;;;');
    expect(n("Siobhán O'Connell")).toBe("O'Connell;Siobhán;;;");
    expect(n('Li Wei')).toBe('Wei;Li;;;');
  });

  it('exports a contact as vCard 4.0 with ical.js escaping', () => {
    const text = toVCard({
      id: '0190a0b0-0000-7000-8000-000000000001',
      displayName: "Siobhán O'Connell",
      title: 'Staff Engineer, Platform',
      company: 'Northwind Labs; Inc',
      emails: ['siobhan.oconnell@northwind-labs.example'],
      phones: ['+14155550123'],
      links: [],
      notes: 'Line one\nline two',
    });
    expect(text).toContain('VERSION:4.0\r\n');
    expect(text).toContain('UID:urn:uuid:0190a0b0-0000-7000-8000-000000000001\r\n');
    expect(text).toContain('TITLE:Staff Engineer\\, Platform\r\n');
    expect(text).toContain('ORG:Northwind Labs\\; Inc\r\n');
    expect(text).toContain('TEL;VALUE=uri:tel:+14155550123\r\n');
    expect(text).toContain('NOTE:Line one\\nline two\r\n');
  });

  for (const version of ['4.0', '3.0'] as const) {
    it(`round-trips any contact through vCard ${version} and parseVCards`, () => {
      fc.assert(
        fc.property(fc.array(contactArb, { minLength: 1, maxLength: 4 }), (contacts) => {
          const back = parseVCards(toVCards(contacts, version)).contacts;
          expect(
            back.map((c) => ({
              displayName: c.displayName,
              title: c.title,
              company: c.company,
              emails: c.emails,
              phones: c.phones,
              links: c.links,
              notes: c.notes,
            })),
          ).toEqual(
            contacts.map((c) => ({
              ...c,
              title: c.title?.trim() || null,
              company: c.company?.trim() || null,
              notes: c.notes.trim(),
            })),
          );
        }),
        { numRuns: 150 },
      );
    });
  }
});
