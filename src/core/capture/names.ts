/**
 * People's names and addresses as calendars and address books write them: "Last, First" display
 * names, a CN that is only an address, shared mailboxes and room calendars that are not people.
 */
import { isEmail } from '../address';

// Generational and academic suffixes: "King, Jr." is not "Jr. King".
const SUFFIXES = new Set([
  'jr',
  'sr',
  'ii',
  'iii',
  'iv',
  'phd',
  'md',
  'esq',
  'mba',
  'cpa',
  'pe',
  'rn',
  'dds',
]);

/**
 * "Okafor, Chinedu" → "Chinedu Okafor"; any other name is kept exactly as written (accents,
 * hyphens, apostrophes, case). Only a single comma between two word groups is turned around.
 */
export function reorderName(written: string): string {
  const name = written.trim().replace(/\s+/g, ' ');
  const m = /^([^,]+),\s*([^,]+)$/.exec(name);
  if (!m) return name;
  const last = (m[1] ?? '').trim();
  const first = (m[2] ?? '').trim();
  if (!last || !first || SUFFIXES.has(first.toLowerCase().replace(/\./g, ''))) return name;
  if (/[@\d]/.test(name)) return name;
  return `${first} ${last}`;
}

/** True when a display name is really just an email address (no name was given). */
export const isAddressOnly = (name: string): boolean => isEmail(name.trim().replace(/^mailto:/i, ''));

/** `mailto:X@Y` (any case) or a bare address → lower-cased address, or null if it is not one. */
export function addressOf(value: string): string | null {
  const v = value.trim().replace(/^mailto:/i, '');
  return isEmail(v) ? v.toLowerCase() : null;
}

// Words that name a function, not a person: "Talent Acquisition", "Recruiting Team".
const ROLE_WORDS = new Set([
  'talent',
  'acquisition',
  'recruiting',
  'recruitment',
  'recruiters',
  'careers',
  'career',
  'jobs',
  'hr',
  'human',
  'resources',
  'people',
  'ops',
  'operations',
  'hiring',
  'interview',
  'interviews',
  'scheduling',
  'schedule',
  'calendar',
  'team',
  'staffing',
  'noreply',
  'no-reply',
  'donotreply',
  'do-not-reply',
  'info',
  'admin',
  'support',
  'hello',
  'contact',
  'office',
  'mailbox',
  'shared',
  'room',
  'rooms',
  'conference',
  'meeting',
  'group',
  'ta',
  'university',
  'campus',
]);

const words = (s: string): string[] =>
  s
    .toLowerCase()
    .split(/[\s._+&,/()]+/)
    .filter(Boolean);

/**
 * A shared mailbox or distribution list rather than a person: every word of the name (or, with no
 * name, of the address's local part) names a function ("Talent Acquisition", talent@, hr-team@).
 */
export function isSharedMailbox(email: string | null, name: string | null): boolean {
  const nameWords = name && !isAddressOnly(name) ? words(name) : [];
  // A person's name decides: "Dana Whitfield <recruiting@…>" is Dana, writing from a team address.
  if (nameWords.length > 0) return nameWords.every((w) => ROLE_WORDS.has(w));
  const local = email?.split('@')[0];
  if (!local) return false;
  const localWords = words(local.replace(/-/g, ' '));
  return localWords.length > 0 && localWords.every((w) => ROLE_WORDS.has(w));
}

/** A room or equipment calendar address (Google's resource calendars, Exchange room lists). */
export const isResourceAddress = (email: string): boolean =>
  /@resource\.calendar\.google\.com$/i.test(email) || /@(?:[\w-]+\.)*resource\.[\w.-]+$/i.test(email);

/** Normalise text for loose comparison: lower case, accents and punctuation removed. */
export const looseKey = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
