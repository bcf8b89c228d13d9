/** Parsing the `"Name <email>"` form people type on the command line and in forms. */
import { z } from 'zod';
import { invalid } from './errors';

const emailSchema = z.email();

export interface ParsedAddress {
  name: string;
  /** Lower-cased, or null when only a name was given (an interviewer whose address is unknown). */
  email: string | null;
}

export const isEmail = (text: string): boolean => emailSchema.safeParse(text).success;

/**
 * `"Priya Raman <priya@northwind.example>"`, `"priya@northwind.example"` or just `"Priya Raman"`.
 * @throws AppError('invalid-input') naming `field` when the address part is malformed.
 */
export function parseAddress(text: string, field: string): ParsedAddress {
  const t = text.trim();
  const angled = /^(.*?)\s*<([^<>]*)>$/.exec(t);
  if (angled) {
    const name = (angled[1] ?? '').trim().replace(/^"(.*)"$/, '$1');
    const email = (angled[2] ?? '').trim();
    if (!isEmail(email)) throw invalid(`${field}: "${email}" is not a valid email address.`, field);
    return { name: name || email, email: email.toLowerCase() };
  }
  if (t.includes('@')) {
    if (!isEmail(t)) throw invalid(`${field}: "${t}" is not a valid email address.`, field);
    return { name: t, email: t.toLowerCase() };
  }
  if (!t) throw invalid(`${field}: a name or "Name <email>" is required.`, field);
  if (/[<>]/.test(t)) throw invalid(`${field}: "${t}" is not of the form "Name <email>".`, field);
  return { name: t, email: null };
}
