/**
 * An email signature under a name: "Chinedu Okafor / Senior Recruiter | Contoso Health /
 * +1 (617) 555-0142". Invites and schedule emails carry the recruiter's details only there.
 */
import { isEmail } from '../address';
import { findPhones } from './phones';

export interface Signature {
  title: string | null;
  company: string | null;
  email: string | null;
  phone: string | null;
}

const EMAIL_IN_TEXT = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/u;

/** The first email address written in `text`, lower-cased. */
export function emailIn(text: string): string | null {
  const m = EMAIL_IN_TEXT.exec(text)?.[0];
  return m && isEmail(m) ? m.toLowerCase() : null;
}

/** Split "Title | Company", "Title, Company", "Title at Company". */
export function splitTitleCompany(line: string): { title: string | null; company: string | null } {
  const parts = line.split(/\s*[|•·]\s*|,\s+|\s+at\s+|\s+@\s+/);
  const title = parts[0]?.trim() || null;
  const company = parts.slice(1).join(', ').trim() || null;
  return { title, company };
}

/** Read the lines after a signature's name line, stopping at a blank or rule line. */
export function readSignature(lines: string[], nameIndex: number): Signature {
  const sig: Signature = { title: null, company: null, email: null, phone: null };
  for (let i = nameIndex + 1; i < Math.min(lines.length, nameIndex + 5); i++) {
    const line = (lines[i] ?? '').trim();
    if (!line || /^[_\-=*]{4,}/.test(line)) break;
    const email = emailIn(line);
    const phone = findPhones(line)[0]?.number ?? null;
    if (email || phone) {
      sig.email ??= email;
      sig.phone ??= phone;
      continue;
    }
    if (!sig.title && /\p{L}/u.test(line) && !/^https?:/i.test(line)) {
      const { title, company } = splitTitleCompany(line);
      sig.title = title;
      sig.company = company;
    }
  }
  return sig;
}
