/** Phone numbers read with libphonenumber-js, so "(415) 555-0199" and "tel:+1-415-555-0199" agree. */
import { type CountryCode, findPhoneNumbersInText, parsePhoneNumberFromString } from 'libphonenumber-js';

/** Country assumed for numbers written without a `+` prefix. */
export const DEFAULT_PHONE_COUNTRY: CountryCode = 'US';

/** E.164 (`+14155550199`) when the number can be read, else the text as written, trimmed. */
export function normalizePhone(raw: string, country: CountryCode = DEFAULT_PHONE_COUNTRY): string {
  const text = raw.trim().replace(/^tel:/i, '').replace(/;.*$/, '');
  if (text.length > 64) return text.slice(0, 64);
  const parsed = parsePhoneNumberFromString(text, country);
  return parsed?.isPossible() ? parsed.number : raw.trim();
}

export interface FoundPhone {
  number: string;
  start: number;
  end: number;
}

/** Every phone number in a piece of text, as E.164, with where it was found. */
export function findPhones(text: string, country: CountryCode = DEFAULT_PHONE_COUNTRY): FoundPhone[] {
  try {
    return findPhoneNumbersInText(text.slice(0, 20_000), country).map((f) => ({
      number: f.number.number,
      start: f.startsAt,
      end: f.endsAt,
    }));
  } catch {
    return [];
  }
}
