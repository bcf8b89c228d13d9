/**
 * `mailto:` URLs (RFC 6068) for people who will not hand Afterview their mail password: the
 * note opens in their own mail app with recipients, subject and body filled in.
 */

export interface MailtoInput {
  to: readonly string[];
  cc?: readonly string[];
  subject?: string;
  body?: string;
}

// RFC 6068 `unreserved` and `some-delims` minus `+`: several mail apps still read `+` as a space
// in header values, so it is percent-encoded there; `&`, `=`, `?`, `#` and `%` always are.
const SAFE_IN_VALUE = /[A-Za-z0-9\-._~!$'()*,;:@]/;
const SAFE_IN_ADDRESS = /[A-Za-z0-9\-._~!$'()*+;:@]/;

function percentEncode(text: string, safe: RegExp): string {
  let out = '';
  for (const ch of text) {
    if (safe.test(ch)) {
      out += ch;
      continue;
    }
    for (const byte of new TextEncoder().encode(ch))
      out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Line breaks in a mailto body must be CRLF, percent-encoded (RFC 6068 section 5). */
const toCrlf = (text: string): string => text.replace(/\r\n|\r|\n/g, '\r\n');

/**
 * Build `mailto:a@x,b@y?subject=…&body=…` with every value UTF-8 percent-encoded, spaces as
 * `%20` (never `+`) and line breaks as `%0D%0A`.
 */
export function buildMailto(input: MailtoInput): string {
  const to = input.to.map((a) => percentEncode(a.trim(), SAFE_IN_ADDRESS)).join(',');
  const fields: string[] = [];
  if (input.cc && input.cc.length > 0)
    fields.push(`cc=${input.cc.map((a) => percentEncode(a.trim(), SAFE_IN_ADDRESS)).join(',')}`);
  if (input.subject) fields.push(`subject=${percentEncode(input.subject, SAFE_IN_VALUE)}`);
  if (input.body) fields.push(`body=${percentEncode(toCrlf(input.body), SAFE_IN_VALUE)}`);
  return `mailto:${to}${fields.length > 0 ? `?${fields.join('&')}` : ''}`;
}
