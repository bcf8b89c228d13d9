/**
 * Guessing the company behind an email domain, and finding how the company writes its own name
 * in the text around it ("northwind-labs.example" → "Northwind Labs").
 */
import { looseKey } from './names';

// Personal mailbox providers: an address there says nothing about the employer.
const PERSONAL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'fastmail.com',
  'hey.com',
  'zoho.com',
  'yandex.com',
  'mail.com',
  'qq.com',
  '163.com',
]);

/** True for gmail.com and friends: not a company's domain. */
export const isPersonalDomain = (domain: string): boolean => PERSONAL_DOMAINS.has(domain.toLowerCase());

/** The domain of an address, lower-cased. */
export const domainOf = (email: string): string => (email.split('@')[1] ?? '').toLowerCase();

/**
 * The label that names the organisation: `mail.contoso-health.example` → `contoso-health`,
 * `acme.co.uk` → `acme`.
 */
export function companyLabel(domain: string): string {
  const parts = domain.toLowerCase().split('.').filter(Boolean);
  if (parts.length < 2) return parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  const second = parts[parts.length - 2] ?? '';
  if (parts.length >= 3 && last.length === 2 && /^(co|com|ac|org|net|gov|edu|ltd|plc)$/.test(second)) {
    return parts[parts.length - 3] ?? second;
  }
  return second;
}

const SEARCH_LIMIT = 20_000;

/**
 * Find the company's name as written in `texts` (1–4 consecutive words that spell the domain
 * label), else a title-cased label (`contoso-health` → "Contoso Health").
 */
export function companyNameFor(domain: string, texts: string[]): string {
  const label = companyLabel(domain);
  const target = looseKey(label);
  if (target) {
    for (const text of texts) {
      const tokens = text.slice(0, SEARCH_LIMIT).match(/[\p{L}\p{N}&'’]+/gu) ?? [];
      for (let i = 0; i < tokens.length; i++) {
        let joined = '';
        for (let n = 0; n < 4 && i + n < tokens.length; n++) {
          joined += looseKey(tokens[i + n] ?? '');
          if (joined === target) return tokens.slice(i, i + n + 1).join(' ');
          if (!target.startsWith(joined)) break;
        }
      }
    }
  }
  return label
    .split(/[-_]+/)
    .filter(Boolean)
    .map((w) => (w[0] ?? '').toUpperCase() + w.slice(1))
    .join(' ');
}
