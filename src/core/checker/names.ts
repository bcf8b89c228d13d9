/**
 * How people and companies are written in notes: the forms of a person's name that address them
 * correctly, and the short forms of a company name ("Northwind" for "Northwind Labs").
 */
import { escapeRegExp, isLetter, skeleton, skeletonKey } from './text';

/**
 * The ways to write a person's name that a note may use: the whole name, each space-separated
 * part ("Siobhán", "O'Connell") and each hyphen part ("Wen", "Li"). Parts shorter than three letters
 * are dropped: they match too much.
 */
export function nameForms(displayName: string): string[] {
  const cached = formsCache.get(displayName);
  if (cached) return cached;
  if (formsCache.size > 20_000) formsCache.clear();
  const forms = computeNameForms(displayName);
  formsCache.set(displayName, forms);
  return forms;
}

// Names repeat on every keystroke: remember their forms (a pure cache, bounded).
const formsCache = new Map<string, string[]>();
const keyCache = new Map<string, string>();

/** The skeleton of a whole name, cached. */
export function nameKey(displayName: string): string {
  let key = keyCache.get(displayName);
  if (key === undefined) {
    if (keyCache.size > 20_000) keyCache.clear();
    key = skeletonKey(displayName);
    keyCache.set(displayName, key);
  }
  return key;
}

function computeNameForms(displayName: string): string[] {
  const full = displayName.trim().replace(/\s+/g, ' ');
  const parts = full.split(' ').filter(Boolean);
  const hyphenParts = parts.flatMap((p) => (/[-‐]/.test(p) ? p.split(/[-‐]/) : []));
  const forms = [full, ...parts, ...hyphenParts].filter((f) => skeletonKey(f).length >= 3);
  return [...new Set(forms)];
}

/** Equal but for case and the kind of apostrophe or hyphen (’ and ' are the same key). */
const sameSpelling = (a: string, b: string): boolean => {
  const norm = (s: string) => s.normalize('NFC').toLowerCase().replace(/’/g, "'").replace(/‐/g, '-');
  return norm(a) === norm(b);
};

/** A place where `form`'s letters appear in `text` as whole words, spelled exactly or not. */
export interface NameHit {
  form: string;
  start: number;
  end: number;
  /** The text as written there. */
  written: string;
  /** Written exactly as recorded (ignoring case). */
  exact: boolean;
}

/**
 * Find every place `text` spells `form`'s letters, however it writes the accents, hyphens,
 * apostrophes and spaces in between ("Fernandez Ortiz" for "Fernández-Ortiz").
 */
export function findNameHits(text: string, form: string, textSkeleton = skeleton(text)): NameHit[] {
  const key = skeletonKey(form);
  if (!key) return [];
  const hits: NameHit[] = [];
  for (let at = textSkeleton.key.indexOf(key); at !== -1; at = textSkeleton.key.indexOf(key, at + 1)) {
    const start = textSkeleton.offsets[at] ?? 0;
    const lastStart = textSkeleton.offsets[at + key.length - 1] ?? start;
    let end = lastStart + 1;
    // Take the whole last character (astral letters, combining accents after it).
    while (end < text.length && /\p{M}/u.test(text[end] ?? '')) end++;
    if (isLetter(text[start - 1]) || isLetter(text[end])) continue;
    const written = text.slice(start, end);
    // Between the letters only name punctuation may sit, never a line break or a comma.
    if (/[^\p{L}\p{M} '’\-‐]/u.test(written)) continue;
    hits.push({ form, start, end, written, exact: sameSpelling(written, form) });
  }
  return hits;
}

// Legal forms and generic descriptors a company's short name drops: "Northwind Labs" -> "Northwind".
const COMPANY_SUFFIX =
  /^(?:inc|incorporated|llc|ltd|limited|gmbh|ag|sa|sas|bv|nv|plc|corp|corporation|co|company|group|holdings|labs?|technologies|technology|tech|systems|software|solutions|studios?|games|digital|media|networks|analytics|consulting|partners|ventures|capital|health|bank|ai|io|hq|international|global)\.?$/i;

/** The ways a note may name a company: the name as recorded and its short form. */
export function companyForms(company: string): string[] {
  const cached = companyFormsCache.get(company);
  if (cached) return [...cached]; // a copy: callers add forms of their own
  if (companyFormsCache.size > 5_000) companyFormsCache.clear();
  const forms = computeCompanyForms(company);
  companyFormsCache.set(company, forms);
  return [...forms];
}

// Every check reads the forms of every company the user talks to, several times over.
const companyFormsCache = new Map<string, readonly string[]>();

function computeCompanyForms(company: string): string[] {
  const full = company.trim().replace(/\s+/g, ' ').replace(/,$/, '');
  if (!full) return [];
  const words = full.split(/[ ,]+/).filter(Boolean);
  while (words.length > 1 && COMPANY_SUFFIX.test(words[words.length - 1] ?? '')) words.pop();
  const short = words.join(' ');
  return [...new Set([full, short])].filter((f) => f.length >= 2);
}

/** Whole-word, case-sensitive occurrences of `form` (possessive "Contoso's" included). */
export function findCompany(text: string, form: string): Array<[number, number]> {
  // Case-sensitive, so a plain substring test rules out nearly every company before a regex is built.
  if (!text.includes(form)) return [];
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(form)}(?![\\p{L}\\p{N}])`, 'gu');
  return [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length]);
}
