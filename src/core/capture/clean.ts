/**
 * Everything read from a file is untrusted: an invite's attendee name can carry terminal escape
 * sequences that clear the user's screen or retitle their window, bidi overrides that make
 * "moc.elgoog" read as "google.com", or a 9 MB SUMMARY. `cleanBundle` is the one place every
 * importer's output passes through before it is shown or saved: control characters and escape
 * sequences are removed, line breaks are kept only where a field may have several lines, and an
 * oversized field is cut with a warning that does not repeat it.
 */
import type {
  CaptureBundle,
  CapturedContact,
  CapturedInterview,
  CapturedOpportunity,
  ContactDetail,
} from './bundle';

/** Longest names, titles, companies and rounds kept: no real one comes near. */
export const MAX_SHORT_FIELD = 200;
/** Longest single-line values that may hold a URL (locations, meeting links, links, UIDs). */
export const MAX_LINE_FIELD = 2_000;
/** Longest multi-line field (notes, what OCR read). */
export const MAX_NOTES_FIELD = 20_000;
/** Longest warning or skip reason shown. */
const MAX_MESSAGE = 500;

// ESC-introduced sequences: CSI (ESC [ … final byte), OSC / DCS / SOS / PM / APC strings (ended by
// BEL, ESC \ or the 8-bit ST), then any other two-character ESC sequence (ESC c resets a terminal).
// OSC 8 hyperlinks are OSC strings: the link goes and its visible text stays.
const ESCAPE_SEQUENCES = new RegExp(
  [
    '(?:\\u001b\\[|\\u009b)[\\u0030-\\u003f]*[\\u0020-\\u002f]*[\\u0040-\\u007e]?',
    '(?:\\u001b[\\]PX^_]|[\\u0090\\u0098\\u009d\\u009e\\u009f])[^\\u0007\\u001b\\u009c]*(?:\\u0007|\\u001b\\\\|\\u009c)?',
    '\\u001b[\\u0020-\\u007e]?',
  ].join('|'),
  'g',
);
// C0 controls but tab and line feed, DEL, C1 controls, the bidi embeddings, overrides and isolates.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: vertical tab and form feed break lines too.
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085\u000b\u000c]/g;

/**
 * `value` without escape sequences, control characters or bidi overrides. A single-line value's
 * line breaks and tabs become spaces; a multi-line value keeps `\n` (CR LF and CR become `\n`) and
 * tabs.
 */
export function stripControls(value: string, multiline = false): string {
  const lines = value.replace(LINE_BREAKS, multiline ? '\n' : ' ');
  const stripped = lines.replace(ESCAPE_SEQUENCES, '').replace(CONTROLS, '');
  return multiline ? stripped : stripped.replace(/\t/g, ' ');
}

/** A short, safe preview of a value for a warning: never the whole of it. */
const preview = (value: string): string => {
  const flat = stripControls(value).trim();
  return flat.length > 40 ? `${flat.slice(0, 40)}…` : flat;
};

class Cleaner {
  constructor(private readonly warnings: string[]) {}

  /** A cleaned value, cut to `max` characters with a warning naming the field (not echoing it). */
  text(value: string, field: string, max: number, multiline = false): string {
    const clean = stripControls(value, multiline);
    const trimmed = multiline ? clean : clean.trim();
    if (trimmed.length <= max) return trimmed;
    this.warnings.push(
      `${field} ("${preview(trimmed)}") was ${trimmed.length.toLocaleString('en-US')} characters long; only the first ${max.toLocaleString('en-US')} were kept.`,
    );
    return trimmed.slice(0, max).trimEnd();
  }

  optional(value: string | null, field: string, max: number): string | null {
    if (value === null) return null;
    return this.text(value, field, max) || null;
  }

  list(values: string[], field: string, max: number): string[] {
    return [...new Set(values.map((v) => this.text(v, field, max)).filter(Boolean))];
  }

  contact(c: CapturedContact): CapturedContact {
    // "vCard line 1" names the card; a detail on its own line is named by that line.
    const who = (field: string, detail?: ContactDetail) => {
      const line = detail ? c.fieldLines?.[detail] : undefined;
      const origin = line ? c.origin.replace(/\bline \d+$/, `line ${line}`) : c.origin;
      return `${origin}: the ${field}`;
    };
    return {
      ...c,
      displayName: this.optional(c.displayName, who('name', 'name'), MAX_SHORT_FIELD),
      nameAsWritten: this.optional(c.nameAsWritten, who('name as written', 'name'), MAX_SHORT_FIELD),
      title: this.optional(c.title, who('title', 'title'), MAX_SHORT_FIELD),
      company: this.optional(c.company, who('company', 'company'), MAX_SHORT_FIELD),
      emails: this.list(c.emails, who('email address'), 320),
      phones: this.list(c.phones, who('phone number'), 64),
      links: this.list(c.links, who('link'), MAX_LINE_FIELD),
      notes: this.text(c.notes, who('notes', 'notes'), MAX_NOTES_FIELD, true),
      origin: stripControls(c.origin).slice(0, MAX_SHORT_FIELD),
    };
  }

  interview(i: CapturedInterview): CapturedInterview {
    const where = (field: string) => `line ${i.line}: the ${field}`;
    return {
      ...i,
      uid: this.optional(i.uid, where('UID'), MAX_LINE_FIELD),
      round: this.text(i.round, where('round (SUMMARY)'), MAX_SHORT_FIELD) || 'Interview',
      timeZone: i.timeZone === null ? null : stripControls(i.timeZone).slice(0, 100),
      location: this.optional(i.location, where('location'), MAX_LINE_FIELD),
      meetingUrl: this.optional(i.meetingUrl, where('meeting link'), MAX_LINE_FIELD),
    };
  }

  opportunity(o: CapturedOpportunity): CapturedOpportunity {
    const where = (field: string) => `${o.line ? `line ${o.line}: ` : ''}the ${field}`;
    return {
      ...o,
      company: this.text(o.company, where('company'), MAX_SHORT_FIELD),
      role: this.optional(o.role, where('role'), MAX_SHORT_FIELD),
      domains: this.list(o.domains, where('domain'), 253),
      links: this.list(o.links, where('link'), MAX_LINE_FIELD),
      notes: this.text(o.notes, where('notes'), MAX_NOTES_FIELD, true),
    };
  }
}

/** A message (warning, skip reason) that quotes the file: safe to print, bounded in length. */
export const cleanMessage = (message: string): string => {
  const clean = stripControls(message).trim();
  return clean.length > MAX_MESSAGE ? `${clean.slice(0, MAX_MESSAGE)}…` : clean;
};

/**
 * The bundle with every text field cleaned (see `stripControls`) and cut to its limit, each cut
 * reported in `warnings`. Idempotent, so bundles that come back from the web app pass through it
 * again before they are saved.
 */
export function cleanBundle<T extends CaptureBundle>(bundle: T): T {
  const added: string[] = [];
  const cleaner = new Cleaner(added);
  const contacts = bundle.contacts.map((c) => cleaner.contact(c));
  const interviews = bundle.interviews.map((i) => cleaner.interview(i));
  const opportunities = bundle.opportunities.map((o) => cleaner.opportunity(o));
  return {
    ...bundle,
    contacts,
    interviews,
    opportunities,
    skipped: bundle.skipped.map((s) => ({
      ...s,
      ...(s.field !== undefined && { field: cleanMessage(s.field).slice(0, 100) }),
      reason: cleanMessage(s.reason),
    })),
    warnings: [...bundle.warnings.map(cleanMessage), ...added],
  };
}
