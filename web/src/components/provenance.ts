/**
 * Where a detail about a person came from, as a sentence: "typed by you on 27 Nov", "from the
 * invite lakeview.ics (line 12) on 27 Nov". Sources are stored as short codes, optionally with
 * the file name and the place in it: `typed`, `edited by hand`, `ics:lakeview.ics (invite line 12)`.
 */
import { formatDay } from '../format';

const KIND: Record<string, string> = {
  ics: 'the invite',
  'calendar-invite': 'a calendar invite',
  vcard: 'the contact card',
  csv: 'the spreadsheet',
  schedule: 'the pasted schedule',
  card: 'the business card',
  'email-signature': 'an email signature',
  json: 'the backup',
};

const FIELD: Record<string, string> = {
  displayName: 'Name',
  email: 'Email',
  phone: 'Phone',
  title: 'Title',
  company: 'Company',
  link: 'Link',
};

export const fieldLabel = (field: string): string => FIELD[field] ?? field;

export function sourceSentence(source: string, at: string, zone: string): string {
  const on = `on ${formatDay(at, zone)}`;
  if (source === 'typed' || source === 'edited by hand') return `typed by you ${on}`;
  if (source === 'typed in the terminal') return `typed by you in the terminal ${on}`;
  const m = /^([a-z-]+)(?::([^(]+?))?\s*(?:\(([^)]*)\))?$/.exec(source);
  if (!m) return `from ${source} ${on}`;
  const [, kind = '', file, where] = m;
  const what = KIND[kind] ?? kind;
  const place = where ? ` (${where.replace(/^(invite|vCard|CSV|schedule) /, '')})` : '';
  return `from ${what}${file ? ` ${file.trim()}` : ''}${place} ${on}`;
}
