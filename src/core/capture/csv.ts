/**
 * Spreadsheets exported from other job trackers (Huntr, Teal, a generic sheet) → opportunities
 * and their recruiter contacts. The column mapping is guessed from the headers and returned, so
 * the user can confirm or correct it and parse again with `mapping`.
 */
import * as chrono from 'chrono-node';
import type { CountryCode } from 'libphonenumber-js';
import Papa from 'papaparse';
import { invalid } from '../errors';
import { Temporal } from '../time';
import type { PlainDate, Stage } from '../types';
import { type CaptureBundle, emptyBundle, newContact } from './bundle';
import { cleanBundle, stripControls } from './clean';
import { domainOf, isPersonalDomain } from './company';
import { decodeText } from './input';
import { addressOf } from './names';
import { normalizePhone } from './phones';

export const CSV_FIELDS = [
  'company',
  'role',
  'stage',
  'date',
  'url',
  'location',
  'notes',
  'contactName',
  'contactTitle',
  'contactEmail',
  'contactPhone',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];
/** Which column header feeds each field (null: none). */
export type CsvMapping = Record<CsvField, string | null>;

/** A CSV bundle also says how it read the columns. */
export interface CsvBundle extends CaptureBundle {
  headers: string[];
  mapping: CsvMapping;
}

export interface CsvOptions {
  /** The user's confirmed mapping; fields left out are guessed. */
  mapping?: Partial<CsvMapping>;
  defaultCountry?: CountryCode;
}

/** Most rows one CSV import reads. */
export const MAX_CSV_ROWS = 20_000;

// Header spellings per field, most specific first. Compared without case, spaces or punctuation.
const SYNONYMS: Record<CsvField, string[]> = {
  company: ['company', 'companyname', 'employer', 'organization', 'organisation', 'org'],
  role: ['jobtitle', 'jobposition', 'position', 'role', 'jobrole', 'positiontitle', 'title', 'job'],
  stage: ['stage', 'status', 'applicationstatus', 'list', 'pipeline', 'state'],
  date: [
    'dateapplied',
    'applieddate',
    'appliedon',
    'applied',
    'date',
    'datesaved',
    'dateadded',
    'created',
    'createdat',
  ],
  url: ['joburl', 'postingurl', 'joblink', 'jobposting', 'url', 'link', 'posting'],
  location: ['location', 'joblocation', 'city'],
  notes: ['notes', 'note', 'comments', 'comment', 'description'],
  contactName: [
    'contactname',
    'contact',
    'recruitername',
    'recruiter',
    'hiringmanager',
    'contactperson',
    'fullname',
    'name',
  ],
  contactTitle: ['contacttitle', 'recruitertitle'],
  contactEmail: ['contactemail', 'recruiteremail', 'email', 'emailaddress', 'email address'],
  contactPhone: ['contactphone', 'recruiterphone', 'phone', 'phonenumber', 'mobile', 'telephone', 'tel'],
};

const norm = (h: string): string => h.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Guess which header feeds which field; each header is used at most once. */
export function guessCsvMapping(headers: readonly string[]): CsvMapping {
  const used = new Set<string>();
  const mapping = Object.fromEntries(CSV_FIELDS.map((f) => [f, null])) as CsvMapping;
  for (const field of CSV_FIELDS) {
    for (const synonym of SYNONYMS[field]) {
      const header = headers.find((h) => !used.has(h) && norm(h) === norm(synonym));
      if (header) {
        mapping[field] = header;
        used.add(header);
        break;
      }
    }
  }
  return mapping;
}

/** A tracker's stage or list name → Afterview's stage, or null when it names none. */
export function stageFrom(text: string): Stage | null {
  const t = text.toLowerCase();
  if (/accept|hired|signed/.test(t)) return 'accepted';
  if (/offer/.test(t)) return 'offer';
  if (/reject|declin|not selected|no longer|unsuccessful|turned down/.test(t)) return 'rejected';
  if (/withdr|archiv|abandon/.test(t)) return 'withdrawn';
  if (/ghost|no response|quiet/.test(t)) return 'gone-quiet';
  if (/interview|screen|onsite|on-site|phone|technical|final/.test(t)) return 'interviewing';
  if (/wait|pending|follow/.test(t)) return 'waiting';
  if (/appl/.test(t)) return 'applied';
  return null;
}

const REFERENCE = { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 };

/** 2026-12-08, 12/8/2026, "Dec 8, 2026", 2026-12-08T10:00:00Z → a calendar date. */
export function dateFrom(text: string): PlainDate | null {
  const t = text.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(t)?.[1];
  try {
    if (iso) return Temporal.PlainDate.from(iso, { overflow: 'reject' }).toString();
    const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
    if (us) {
      return Temporal.PlainDate.from(
        { year: Number(us[3]), month: Number(us[1]), day: Number(us[2]) },
        { overflow: 'reject' },
      ).toString();
    }
    if (t.length > 40) return null;
    const r = chrono.parse(t, REFERENCE)[0];
    if (!r?.start.isCertain('day') || !r.start.isCertain('month') || !r.start.isCertain('year')) return null;
    return Temporal.PlainDate.from(
      { year: r.start.get('year') ?? 0, month: r.start.get('month') ?? 0, day: r.start.get('day') ?? 0 },
      { overflow: 'reject' },
    ).toString();
  } catch {
    return null;
  }
}

/** The sentence for a CSV whose company column could not be guessed. */
export function missingCompanyMessage(headers: string[]): string {
  return `No column holds the company (columns: ${headers.join(', ').slice(0, 200)}); choose which one does.`;
}

/**
 * Read a CSV export into opportunities (and their contacts). Rows without a company are skipped,
 * naming the line, and so are rows with a date or email that cannot be read or a broken quote; without a company column the bundle is empty, with the headers to choose from. Throws AppError('invalid-input') when
 * the input is not a table with a header row, or is over the limits.
 */
export function parseCsv(input: string | Uint8Array, options: CsvOptions = {}): CsvBundle {
  return cleanBundle(readCsv(input, options));
}

function readCsv(input: string | Uint8Array, options: CsvOptions): CsvBundle {
  const { text, warnings } = decodeText(input, 'CSV file');
  const rows: Array<{ data: string[]; line: number; quoteError?: string }> = [];
  let line = 1;
  let offset = 0;
  let tooMany = false;
  Papa.parse<string[]>(text, {
    skipEmptyLines: 'greedy',
    step: (result, parser) => {
      const cursor = result.meta.cursor;
      const rowLine = line;
      for (let i = offset; i < cursor; i++) if (text.charCodeAt(i) === 10) line++;
      offset = cursor;
      // A quote that is never closed (or one in the middle of a field) makes papaparse glue the
      // rest of the row, or of the file, into one cell: that row is refused, naming its line.
      const quoteError = result.errors.find((e) => e.type === 'Quotes');
      rows.push({
        data: result.data.map((c) => String(c ?? '')),
        line: rowLine,
        ...(quoteError && { quoteError: quoteError.code }),
      });
      if (rows.length > MAX_CSV_ROWS + 1) {
        tooMany = true;
        parser.abort();
      }
    },
  });
  if (tooMany)
    throw invalid(`The CSV file has more than ${MAX_CSV_ROWS} rows; split it and import the parts.`, 'file');
  const header = rows.shift();
  // A header names a column in a one-line select: a tab or a quoted line break in it is a space.
  const headers = (header?.data ?? []).map((h) => stripControls(h).trim());
  if (headers.filter(Boolean).length < 2) {
    throw invalid(
      `line ${header?.line ?? 1}: expected a header row with column names.`,
      `line ${header?.line ?? 1}`,
    );
  }
  const guessed = guessCsvMapping(headers);
  const mapping: CsvMapping = { ...guessed };
  for (const field of CSV_FIELDS) {
    const chosen = options.mapping?.[field];
    if (chosen === undefined) continue;
    if (chosen !== null && !headers.includes(chosen)) {
      throw invalid(`mapping.${field}: there is no column "${chosen}".`, `mapping.${field}`);
    }
    mapping[field] = chosen;
  }
  const bundle: CsvBundle = { ...emptyBundle('csv'), headers, mapping };
  bundle.warnings.push(...warnings);
  if (!mapping.company) {
    // Not an error yet: the headers and the guessed mapping go back so the user can point at the
    // company column (a select in the web app, --map company=COLUMN in the CLI).
    bundle.warnings.push(missingCompanyMessage(headers));
    return bundle;
  }
  const index = Object.fromEntries(
    CSV_FIELDS.map((f) => [f, mapping[f] === null ? -1 : headers.indexOf(mapping[f] as string)]),
  ) as Record<CsvField, number>;
  for (const row of rows) {
    const get = (f: CsvField): string => (index[f] >= 0 ? (row.data[index[f]] ?? '').trim() : '');
    if (row.data.length !== headers.length) {
      bundle.warnings.push(
        `line ${row.line}: ${row.data.length} columns where the header has ${headers.length}.`,
      );
    }
    if (row.quoteError) {
      bundle.skipped.push({
        line: row.line,
        reason:
          row.quoteError === 'MissingQuotes'
            ? 'a quote opened on this row is never closed; close it and import the file again'
            : 'a quote in the middle of a field; put the whole field in quotes and double the inner one',
      });
      continue;
    }
    const company = get('company');
    if (!company) {
      bundle.skipped.push({ line: row.line, field: mapping.company, reason: 'no company on this row' });
      continue;
    }
    const stageText = get('stage');
    const stage = stageText ? stageFrom(stageText) : null;
    if (stageText && !stage) {
      bundle.warnings.push(`line ${row.line}: stage "${stageText.slice(0, 40)}" was read as "applied".`);
    }
    const dateText = get('date');
    const appliedOn = dateText ? dateFrom(dateText) : null;
    const emailText = get('contactEmail');
    const email = emailText ? addressOf(emailText) : null;
    // A row with a value that cannot be read is skipped whole, never saved without it: the preview
    // lists only what saving does, and the user fixes the line and imports it again.
    const bad = [
      dateText &&
        !appliedOn && { field: mapping.date ?? 'date', reason: `"${dateText.slice(0, 40)}" is not a date` },
      emailText &&
        !email && {
          field: mapping.contactEmail ?? 'email',
          reason: `"${emailText.slice(0, 60)}" is not an email address`,
        },
    ].filter((b): b is { field: string; reason: string } => Boolean(b));
    if (bad.length > 0) {
      for (const b of bad) bundle.skipped.push({ line: row.line, ...b });
      continue;
    }
    const name = get('contactName');
    const phone = get('contactPhone');
    let recruiterKey: string | null = null;
    if (name || email) {
      recruiterKey = `csv:line${row.line}`;
      bundle.contacts.push(
        newContact(recruiterKey, 'csv', `CSV line ${row.line}`, {
          displayName: name || null,
          title: get('contactTitle') || null,
          company,
          emails: email ? [email] : [],
          phones: phone ? [normalizePhone(phone, options.defaultCountry)] : [],
        }),
      );
    }
    const url = get('url');
    const notes = [get('location') && `Location: ${get('location')}`, get('notes')]
      .filter(Boolean)
      .join('\n');
    bundle.opportunities.push({
      key: `row${row.line}`,
      company,
      role: get('role') || null,
      stage: stage ?? (stageText ? 'applied' : null),
      domains: email && !isPersonalDomain(domainOf(email)) ? [domainOf(email)] : [],
      recruiterKey,
      appliedOn,
      links: url ? [url] : [],
      notes,
      line: row.line,
    });
  }
  if (rows.length === 0) bundle.warnings.push('The CSV file has a header but no rows.');
  return bundle;
}
