/**
 * The user's English: it decides how dates are written in notes and in the app ("Wednesday
 * 2 December" or "Wednesday, December 2") and which spelling dictionary the checker uses.
 */

/** The locales Afterview writes in. */
export const LOCALES = ['en-US', 'en-GB'] as const;
export type Locale = (typeof LOCALES)[number];

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

// Zones whose people write British-style English (en-GB spelling, day-month dates). Only the
// obvious ones: anywhere else the default is en-US, and the user can change it in Settings.
const BRITISH_ZONES = new Set([
  'Europe/London',
  'Europe/Dublin',
  'Europe/Belfast',
  'Europe/Guernsey',
  'Europe/Isle_of_Man',
  'Europe/Jersey',
  'Europe/Gibraltar',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'Atlantic/Stanley',
  'GB',
  'GB-Eire',
  'Eire',
  'NZ',
]);

/**
 * The locale a time zone suggests when the user has not chosen one: British English in the UK,
 * Ireland, Australia and New Zealand, otherwise US English (including all of America/*).
 */
export function defaultLocaleFor(timeZone: string): Locale {
  if (BRITISH_ZONES.has(timeZone) || timeZone.startsWith('Australia/')) return 'en-GB';
  return 'en-US';
}
