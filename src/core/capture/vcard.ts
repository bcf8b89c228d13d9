/**
 * vCards (2.1, 3.0, 4.0) → contacts, and contacts → vCards.
 *
 * ical.js parses 3.0 and 4.0 (item1. groups, folded lines, tel: URIs, quoted TYPE lists). It does
 * not speak 2.1: bare parameters (`TEL;WORK;VOICE:`) make it throw, and it knows nothing of
 * QUOTED-PRINTABLE or CHARSET. So each 2.1 line is first rewritten here as the 3.0 line it
 * means: soft line breaks joined (before decoding, since Outlook breaks lines inside a UTF-8
 * multi-byte sequence), =XX bytes decoded with the CHARSET through TextDecoder, bare parameters
 * turned into TYPE=... — and then everything goes through the same ical.js path.
 */
import ICAL from 'ical.js';
import type { CountryCode } from 'libphonenumber-js';
import { AppError, invalid } from '../errors';
import { nameParts } from '../person-name';
import type { Contact } from '../types';
import { type CaptureBundle, type ContactDetail, emptyBundle, newContact, type SkippedEntry } from './bundle';
import { cleanBundle } from './clean';
import { parseComponent, propertyLine, type RawComponent, readComponents } from './content-lines';
import { decodeText, splitLines, type TextLine } from './input';
import { addressOf, isAddressOnly } from './names';
import { normalizePhone } from './phones';

/** Most cards one import reads. */
export const MAX_CARDS = 20_000;

export interface VCardOptions {
  /** Country for phone numbers written without a `+` prefix. */
  defaultCountry?: CountryCode;
}

const isQuotedPrintable = (head: string): boolean => /;(?:ENCODING=)?QUOTED-PRINTABLE(?=[;:]|$)/i.test(head);

/** Index of the first ':' outside double quotes: where the value starts. */
function valueStart(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) return i;
  }
  return -1;
}

/**
 * Unfold a vCard file's lines: RFC folding (a leading space or tab) for every version, plus
 * 2.1's quoted-printable soft line breaks (`=` at the end of a line), which continue a value on a
 * line that does not start with a space.
 */
function unfoldVCard(text: string): TextLine[] {
  const out: TextLine[] = [];
  let softBreak = false;
  for (const l of splitLines(text, 'vCard file')) {
    const last = out[out.length - 1];
    const c = l.text.charCodeAt(0);
    if (last && softBreak) {
      last.text = last.text.slice(0, -1) + l.text;
    } else if (last && (c === 32 || c === 9)) {
      last.text += l.text.slice(1);
    } else {
      out.push({ text: l.text, line: l.line });
    }
    const current = out[out.length - 1];
    if (!current) continue;
    const colon = valueStart(current.text);
    softBreak = colon > 0 && isQuotedPrintable(current.text.slice(0, colon)) && current.text.endsWith('=');
  }
  return out;
}

/** Decode a quoted-printable value: runs of =XX bytes through the charset, other text as is. */
function decodeQuotedPrintable(value: string, charset: string, warnings: string[], line: number): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    warnings.push(`line ${line}: unknown CHARSET "${charset}"; read as UTF-8.`);
    decoder = new TextDecoder('utf-8');
  }
  return value.replace(/(?:=[0-9A-Fa-f]{2})+/g, (run) => {
    const bytes = new Uint8Array(run.length / 3);
    for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(run.slice(i * 3 + 1, i * 3 + 3), 16);
    return decoder.decode(bytes);
  });
}

const quoteParam = (v: string): string => (/[:;,"]/.test(v) ? `"${v.replace(/"/g, "'")}"` : v);

// Properties carrying binary data (photos, sounds, keys): large and of no use here.
const BINARY_PROPERTIES = /^(?:[\w-]+\.)?(?:PHOTO|LOGO|SOUND|KEY)$/i;

/**
 * Rewrite one 2.1 line as 3.0: decode quoted-printable and charset, turn bare parameters into
 * TYPE=..., drop ENCODING and CHARSET. Returns null for lines to leave out (binary data).
 */
function upgradeLine(l: TextLine, warnings: string[]): TextLine | null {
  const colon = valueStart(l.text);
  if (colon < 0) return l;
  const head = l.text.slice(0, colon);
  let value = l.text.slice(colon + 1);
  const [name = '', ...params] = head.split(';');
  if (BINARY_PROPERTIES.test(name)) return null;
  if (/^VERSION$/i.test(name)) return { text: 'VERSION:3.0', line: l.line };
  let encoding = '';
  let charset = 'utf-8';
  const kept: string[] = [];
  for (const p of params) {
    const eq = p.indexOf('=');
    const key = (eq < 0 ? '' : p.slice(0, eq)).trim().toUpperCase();
    const v = (eq < 0 ? p : p.slice(eq + 1)).trim().replace(/^"(.*)"$/, '$1');
    if (!v) continue;
    if (key === 'ENCODING' || (!key && /^(QUOTED-PRINTABLE|BASE64|8BIT|7BIT|B)$/i.test(v)))
      encoding = v.toUpperCase();
    else if (key === 'CHARSET') charset = v;
    else if (!key) kept.push(`TYPE=${quoteParam(v)}`);
    else kept.push(`${key}=${quoteParam(v)}`);
  }
  if (encoding === 'BASE64' || encoding === 'B') return null;
  if (encoding === 'QUOTED-PRINTABLE') {
    value = decodeQuotedPrintable(value, charset, warnings, l.line).replace(/\r\n|\r|\n/g, '\\n');
  }
  return { text: `${[name, ...kept].join(';')}:${value}`, line: l.line };
}

const textOf = (v: unknown): string => {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(textOf).join(' ');
  return v === null || v === undefined ? '' : String(v);
};

/** The first component of a structured value (ORG: "Northwind Labs;Engineering" → "Northwind Labs"). */
const firstPart = (v: unknown): string => (Array.isArray(v) ? textOf(v[0]) : textOf(v)).trim();

class VCardReader {
  readonly bundle: CaptureBundle = emptyBundle('vcard');
  constructor(private readonly options: VCardOptions) {}

  read(input: string | Uint8Array): CaptureBundle {
    const { text, warnings } = decodeText(input, 'vCard file');
    this.bundle.warnings.push(...warnings);
    const { roots, problems } = readComponents(unfoldVCard(text));
    const cards = roots.filter((r) => r.name === 'VCARD');
    if (cards.length === 0) {
      throw invalid(
        `line ${problems[0]?.line ?? 1}: not a vCard file (no BEGIN:VCARD).`,
        `line ${problems[0]?.line ?? 1}`,
      );
    }
    if (cards.length > MAX_CARDS) {
      throw invalid(
        `The vCard file has ${cards.length} cards; at most ${MAX_CARDS} are imported at once.`,
        'file',
      );
    }
    this.bundle.skipped.push(...problems);
    for (const card of cards) {
      try {
        this.readCard(card);
      } catch (e) {
        // A safety net: anything ical.js throws skips this card only.
        if (e instanceof AppError) throw e;
        this.bundle.skipped.push({
          line: card.line,
          field: 'VCARD',
          reason: `could not be read: ${e instanceof Error ? e.message.slice(0, 120) : String(e)}`,
        });
      }
    }
    return this.bundle;
  }

  private readCard(raw: RawComponent): void {
    const skip = (reason: string, field?: string): void => {
      const entry: SkippedEntry = { line: raw.line, reason };
      if (field) entry.field = field;
      this.bundle.skipped.push(entry);
    };
    if (!raw.complete) {
      skip('the file ends inside this card (cut short?)', 'VCARD');
      return;
    }
    const version =
      raw.lines
        .find((l) => /^VERSION:/i.test(l.text))
        ?.text.slice(8)
        .trim() ?? '';
    const legacy = version === '2.1' || version === '2.0' || version === '';
    const lines = raw.lines.flatMap((l) => {
      const colon = valueStart(l.text);
      const name = colon > 0 ? (l.text.slice(0, colon).split(';')[0] ?? '') : '';
      if (BINARY_PROPERTIES.test(name)) return [];
      if (!legacy && !/;(?:ENCODING|CHARSET)=/i.test(l.text.slice(0, Math.max(0, colon)))) return [l];
      const upgraded = upgradeLine(l, this.bundle.warnings);
      return upgraded ? [upgraded] : [];
    });
    if (legacy && !lines.some((l) => /^VERSION:/i.test(l.text)))
      lines.unshift({ text: 'VERSION:3.0', line: raw.line });
    const design = version.startsWith('4') ? 'vcard' : 'vcard3';
    const card = parseComponent(
      { ...raw, lines, children: [] },
      design,
      this.bundle.skipped,
      this.bundle.warnings,
    );
    if (!card) return;

    const kind = textOf(card.getFirstPropertyValue('kind')).toLowerCase();
    const showAs = textOf(card.getFirstPropertyValue('x-abshowas')).toUpperCase();
    if (kind === 'group' || kind === 'org' || kind === 'location' || showAs === 'COMPANY') {
      const what = kind === 'org' ? 'an organisation' : kind ? `a ${kind}` : 'a company';
      skip(`${what} card, not a person`, 'KIND');
      return;
    }
    const fn = textOf(card.getFirstPropertyValue('fn')).trim();
    const n = card.getFirstPropertyValue('n');
    const fromN = Array.isArray(n)
      ? [n[3], n[1], n[2], n[0], n[4]]
          .map((p) => textOf(p).trim())
          .filter(Boolean)
          .join(' ')
      : textOf(n).trim();
    const written = fn || fromN;
    const emails: string[] = [];
    for (const prop of card.getAllProperties('email')) {
      const value = textOf(prop.getFirstValue());
      const email = addressOf(value);
      if (email) {
        if (!emails.includes(email)) emails.push(email);
      } else if (value.trim()) {
        this.bundle.skipped.push({
          line: raw.line,
          field: 'EMAIL',
          reason: `"${value.slice(0, 80)}" is not an email address`,
        });
      }
    }
    const name = written && !isAddressOnly(written) ? written : null;
    if (!name && emails.length === 0) {
      skip('the card has neither a name nor an email address', 'FN');
      return;
    }
    const phones = card
      .getAllProperties('tel')
      .map((p) => textOf(p.getFirstValue()).trim())
      .filter(Boolean)
      .map((t) => normalizePhone(t, this.options.defaultCountry));
    const links = card
      .getAllProperties('url')
      .map((p) => textOf(p.getFirstValue()).trim())
      .filter(Boolean);
    const contact = newContact(`vcard${this.bundle.contacts.length + 1}`, 'vcard', `vCard line ${raw.line}`, {
      displayName: name,
      title: textOf(card.getFirstPropertyValue('title')).trim() || null,
      company: firstPart(card.getFirstPropertyValue('org')) || null,
      emails,
      phones: [...new Set(phones)],
      links: [...new Set(links)],
      notes: textOf(card.getFirstPropertyValue('note')).trim(),
      fieldLines: {
        ...lineOf(raw, 'name', fn ? 'FN' : 'N'),
        ...lineOf(raw, 'title', 'TITLE'),
        ...lineOf(raw, 'company', 'ORG'),
        ...lineOf(raw, 'notes', 'NOTE'),
      },
    });
    if (!name) this.bundle.warnings.push(`line ${raw.line}: the card for ${emails[0]} has no name.`);
    this.bundle.contacts.push(contact);
  }
}

/** `{ [detail]: line }` for the property's line, or nothing when the card does not have it. */
function lineOf(raw: RawComponent, detail: ContactDetail, property: string) {
  const at = propertyLine(raw, property);
  return at ? { [detail]: at.line } : {};
}

/**
 * Read a .vcf file (any mix of 2.1, 3.0 and 4.0 cards) into a bundle of contacts. Throws
 * AppError('invalid-input') when the input is not a vCard file or is over the limits; unreadable
 * cards and fields are skipped and listed.
 */
export function parseVCards(input: string | Uint8Array, options: VCardOptions = {}): CaptureBundle {
  return cleanBundle(new VCardReader(options).read(input));
}

/** The part of a contact a vCard carries. */
export type VCardContact = Pick<
  Contact,
  'displayName' | 'title' | 'company' | 'emails' | 'phones' | 'links' | 'notes'
> & {
  id?: string;
};

/**
 * One contact as a vCard (4.0 by default, 3.0 for older address books), built with ical.js so
 * escaping and folding follow the RFC. Reads back through `parseVCards` to the same details.
 */
export function toVCard(contact: VCardContact, version: '4.0' | '3.0' = '4.0'): string {
  const card = new ICAL.Component('vcard');
  card.addPropertyWithValue('version', version);
  if (contact.id) card.addPropertyWithValue('uid', `urn:uuid:${contact.id}`);
  const name = contact.displayName.replace(/\r\n|\r/g, '\n');
  card.addPropertyWithValue('fn', name);
  // The surname keeps its particles (N:van der Berg;Pieter), as the checker's "Mr van der Berg" reads it.
  const { given, surname } = nameParts(name);
  card.addPropertyWithValue('n', [surname || name, given, '', '', '']);
  if (contact.company) card.addPropertyWithValue('org', [contact.company]);
  if (contact.title) card.addPropertyWithValue('title', contact.title);
  for (const email of contact.emails) card.addPropertyWithValue('email', email);
  for (const phone of contact.phones) {
    if (version === '4.0' && /^\+\d+$/.test(phone)) {
      const tel = card.addPropertyWithValue('tel', `tel:${phone}`);
      tel.setParameter('value', 'uri');
    } else card.addPropertyWithValue('tel', phone);
  }
  for (const link of contact.links) card.addPropertyWithValue('url', link);
  if (contact.notes) card.addPropertyWithValue('note', contact.notes.replace(/\r\n|\r/g, '\n'));
  return `${card.toString().replace(/\r?\n/g, '\r\n')}\r\n`;
}

/** Many contacts as one .vcf file. */
export const toVCards = (contacts: readonly VCardContact[], version: '4.0' | '3.0' = '4.0'): string =>
  contacts.map((c) => toVCard(c, version)).join('');
