/**
 * A business card's OCR text → name, title, company, email, phone and website. OCR text is
 * noisy: lines are classified one by one (contact details first, since they are the most
 * recognisable), and what is left is name, title and company, in the order cards print them.
 */
import type { CountryCode } from 'libphonenumber-js';
import { type CaptureBundle, emptyBundle, newContact } from './bundle';
import { cleanBundle } from './clean';
import { companyLabel, domainOf } from './company';
import { looseKey } from './names';
import { findPhones } from './phones';
import { emailIn } from './signature';

export interface CardFields {
  name: string | null;
  title: string | null;
  company: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
}

const TITLE_WORDS =
  /\b(?:engineer|engineering|manager|director|recruiter|recruiting|talent|vp|vice president|head|lead|officer|designer|analyst|partner|coordinator|president|founder|co-founder|scientist|consultant|specialist|architect|developer|associate|principal|chief|ceo|cto|cfo|coo|intern|advisor|administrator|product|sales|marketing|counsel|professor|nurse|physician)\b/i;
const COMPANY_WORDS =
  /\b(?:inc|llc|ltd|gmbh|ag|sa|plc|corp|corporation|company|co|labs?|group|health|technologies|technology|systems|software|bank|partners|university|studio|solutions|consulting|ventures|capital|media|foods?|pharma|networks?)\b\.?/i;
const PERSON_NAME = /^\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){1,3}$/u;
const WEBSITE = /\b(?:https?:\/\/)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:\/[^\s]*)?/i;

/**
 * Undo OCR's usual damage to an address line: spaces around @, dots, hyphens and underscores
 * ("diego. fernandez @ northwind-labs. example"), "(at)", and @ read as © or ®.
 */
function mendEmailLine(line: string): string {
  return line
    .replace(/\s*\(at\)\s*/gi, '@')
    .replace(/[©®]/g, '@')
    .replace(/\s*([.@_-])\s*/g, '$1');
}

/** Classify OCR lines into a card's fields. */
export function readCardFields(text: string, defaultCountry?: CountryCode): CardFields {
  const fields: CardFields = {
    name: null,
    title: null,
    company: null,
    email: null,
    phone: null,
    website: null,
  };
  const lines = text
    .slice(0, 20_000)
    .split(/\r?\n/)
    .map((l) =>
      l
        .replace(/[|_~]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((l) => l.length >= 2);
  const rest: string[] = [];
  for (const line of lines) {
    const email = line.includes('@') || /\(at\)/i.test(line) ? emailIn(mendEmailLine(line)) : null;
    if (email) {
      fields.email ??= email;
      continue;
    }
    const phone = findPhones(line, defaultCountry)[0];
    if (phone) {
      fields.phone ??= phone.number;
      continue;
    }
    const site = /www\.|https?:\/\/|\.(?:com|org|net|io|co|dev|example)\b/i.test(line)
      ? WEBSITE.exec(line)?.[0]
      : null;
    if (site) {
      // OCR capitalises the first letter of a line: "Www.northwind.example".
      fields.website ??= site.replace(/^[^/]+/, (host) => host.toLowerCase());
      continue;
    }
    rest.push(line);
  }
  const label = fields.email ? looseKey(companyLabel(domainOf(fields.email))) : '';
  for (const line of rest) {
    const letters = line.replace(/[^\p{L}]/gu, '').length;
    if (letters < 2) continue;
    const key = looseKey(line);
    if (!fields.company && (COMPANY_WORDS.test(line) || (label && key === label))) {
      fields.company = line;
    } else if (!fields.title && TITLE_WORDS.test(line)) {
      fields.title = line;
    } else if (!fields.name && PERSON_NAME.test(line) && !/\d/.test(line)) {
      fields.name = line;
    }
  }
  return fields;
}

/** A card's fields as a one-contact bundle, for the same confirm-and-save path as other imports. */
export function cardBundle(fields: CardFields): CaptureBundle {
  const bundle = emptyBundle('card');
  if (!fields.name && !fields.email && !fields.phone) {
    bundle.skipped.push({ reason: 'no name, email or phone could be read from the card' });
    return cleanBundle(bundle);
  }
  if (!fields.name) bundle.warnings.push('No name could be read from the card; add it before saving.');
  bundle.contacts.push(
    newContact('card1', 'card', 'business card', {
      displayName: fields.name,
      title: fields.title,
      company: fields.company,
      emails: fields.email ? [fields.email] : [],
      phones: fields.phone ? [fields.phone] : [],
      links: fields.website ? [fields.website] : [],
    }),
  );
  return cleanBundle(bundle);
}
