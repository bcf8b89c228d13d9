import { describe, expect, it } from 'vitest';
import { captureFixture } from '../../../test/capture-fixtures';
import { type SkippedEntry, skippedSentence } from './bundle';
import { dateFrom, guessCsvMapping, parseCsv, stageFrom } from './csv';

describe('parseCsv', () => {
  it('guesses a Huntr-shaped export: Title, Company, List, Created, Job Url', () => {
    const b = parseCsv(captureFixture('huntr-like.csv'));
    expect(b.mapping).toMatchObject({
      company: 'Company',
      role: 'Title',
      stage: 'List',
      date: 'Created',
      url: 'Job Url',
      notes: 'Notes',
      contactName: null,
    });
    expect(b.opportunities.map((o) => [o.company, o.role, o.stage, o.appliedOn, o.line])).toEqual([
      ['Northwind Labs', 'Staff Engineer', 'interviewing', '2026-11-02', 2],
      ['Contoso Health', 'Data Analyst II', 'applied', '2026-11-10', 3],
    ]);
    expect(b.opportunities[0]?.notes).toBe('Location: San Francisco\nReferred by a friend, "great team"');
    expect(b.skipped).toEqual([{ line: 4, field: 'Company', reason: 'no company on this row' }]);
  });

  it('guesses a Teal-shaped export and skips a row with a bad date or email whole, per line and field', () => {
    const b = parseCsv(captureFixture('teal-like.csv'));
    expect(b.mapping).toMatchObject({
      company: 'Company',
      role: 'Job Position',
      stage: 'Status',
      date: 'Date Applied',
      contactName: 'Contact Name',
      contactEmail: 'Contact Email',
      contactPhone: 'Contact Phone',
    });
    expect(b.opportunities.map((o) => [o.company, o.stage, o.appliedOn, o.recruiterKey])).toEqual([
      ['Fabrikam', 'rejected', '2026-11-03', 'csv:line2'],
    ]);
    // The skipped row is neither an opportunity nor a person: the preview lists only what is saved.
    expect(b.contacts.map((c) => [c.displayName, c.emails, c.phones])).toEqual([
      ['Lena Fischer', ['lena.fischer@fabrikam.example'], ['+4930901820']],
    ]);
    expect(b.skipped).toEqual([
      { line: 3, field: 'Date Applied', reason: '"13/45/2026" is not a date' },
      { line: 3, field: 'Contact Email', reason: '"not-an-email" is not an email address' },
    ]);
  });

  it('refuses a row whose quote is never closed, naming its line, and keeps the rows before it', () => {
    const b = parseCsv('Company,Role\nGood Co,Engineer\n"unterminated,quote,row\n');
    expect(b.opportunities.map((o) => o.company)).toEqual(['Good Co']);
    expect(b.skipped).toEqual([
      { line: 3, reason: 'a quote opened on this row is never closed; close it and import the file again' },
    ]);
    expect(skippedSentence(b.skipped[0] as SkippedEntry)).toBe(
      'Line 3: A quote opened on this row is never closed; close it and import the file again.',
    );
  });

  it('says a skipped bad value as a sentence naming line and column', () => {
    const b = parseCsv('Company,Role,Applied\nBad Co,Engineer,2026-13-45\n');
    expect(b.opportunities).toEqual([]);
    expect(b.skipped.map(skippedSentence)).toEqual(['Line 2: Applied "2026-13-45" is not a date.']);
  });

  it('reads a semicolon-separated generic sheet with quoted fields', () => {
    const b = parseCsv(captureFixture('generic-semicolon.csv'));
    expect(b.mapping).toMatchObject({
      company: 'Employer',
      role: 'Role',
      contactName: 'Recruiter',
      date: 'Applied on',
    });
    expect(b.opportunities.map((o) => [o.company, o.role, o.stage, o.appliedOn])).toEqual([
      ['Tailspin Toys', 'Frontend Developer', 'interviewing', '2026-12-01'],
      ['Wide World Importers', 'Engineering Manager, Platform', 'withdrawn', null],
    ]);
    expect(b.contacts.map((c) => c.displayName)).toEqual(['Ana Lucía Gómez']);
  });

  it('uses a confirmed mapping over the guess, and refuses a column that does not exist', () => {
    const b = parseCsv(captureFixture('huntr-like.csv'), { mapping: { role: null, notes: 'Location' } });
    expect(b.opportunities[0]?.role).toBeNull();
    expect(b.opportunities[0]?.notes).toBe('Location: San Francisco\nSan Francisco');
    expect(() => parseCsv(captureFixture('huntr-like.csv'), { mapping: { company: 'Employer' } })).toThrow(
      expect.objectContaining({
        code: 'invalid-input',
        message: 'mapping.company: there is no column "Employer".',
      }),
    );
  });

  it('counts lines correctly after a quoted field spanning lines', () => {
    const b = parseCsv('Company,Notes\nA,"one\ntwo"\n,missing\n');
    expect(b.skipped).toEqual([{ line: 4, field: 'Company', reason: 'no company on this row' }]);
  });

  it('refuses a table without a header row or a company column', () => {
    expect(() => parseCsv('just one column\n')).toThrow(/line 1: expected a header row/);
    const unmapped = parseCsv('Foo,Bar\n1,2\n');
    expect(unmapped.opportunities).toEqual([]);
    expect(unmapped.headers).toEqual(['Foo', 'Bar']);
    expect(unmapped.mapping.company).toBeNull();
    expect(unmapped.warnings.join(' ')).toMatch(/No column holds the company \(columns: Foo, Bar\)/);
    expect(
      parseCsv('Foo,Bar\nAcme,2\n', { mapping: { company: 'Foo' } }).opportunities.map((o) => o.company),
    ).toEqual(['Acme']);
  });
});

describe('csv helpers', () => {
  it('maps tracker stage names', () => {
    expect(
      ['Wishlist', 'Applied', 'Phone Screen', 'Offer', 'Rejected', 'Archived', 'Accepted'].map(stageFrom),
    ).toEqual([null, 'applied', 'interviewing', 'offer', 'rejected', 'withdrawn', 'accepted']);
  });

  it('reads dates in the usual spellings, and nothing else', () => {
    expect(
      ['2026-12-08', '12/8/2026', 'Dec 8, 2026', '2026-12-08T10:00:00Z', 'soon', '2026-02-30'].map(dateFrom),
    ).toEqual(['2026-12-08', '2026-12-08', '2026-12-08', '2026-12-08', null, null]);
  });

  it('never rolls an impossible date over to another day', () => {
    expect(
      ['Dec 40, 2026', '40 Dec 2026', '2026-12-40T10:00', 'Feb 30, 2027', '12/40/2026'].map(dateFrom),
    ).toEqual([null, null, null, null, null]);
  });

  it('keeps headers on one line: a tab or a quoted line break in a column name becomes a space', () => {
    const b = parseCsv(Buffer.from('"Com\npany",Ro\tle\nAcme,Dev\n'));
    expect(b.headers).toEqual(['Com pany', 'Ro le']);
    expect(b.mapping.company).toBe('Com pany');
  });

  it('uses each header once', () => {
    expect(guessCsvMapping(['Name', 'Title', 'Company'])).toMatchObject({
      company: 'Company',
      role: 'Title',
      contactName: 'Name',
      contactTitle: null,
    });
  });
});
