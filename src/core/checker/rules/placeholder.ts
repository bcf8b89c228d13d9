/** `placeholder`: a template field nobody filled in. */
import { finding, quote } from '../finding';
import type { CheckInput, Finding } from '../types';

const PATTERNS: RegExp[] = [
  /\{\{[^}\n]*\}\}|\{%[^%\n]*%\}/g, // Liquid / Mustache
  /\{[ \t]*[A-Za-z_][\w .-]{0,30}\}/g, // {name}
  /\[[ \t]*[A-Za-z][^\]\n]{0,40}\](?!\()/g, // [Name], [your company] (not a Markdown link)
  /<[ \t]*[A-Za-z][A-Za-z _-]{0,30}>/g, // <company> (not an e-mail address or URL)
  /%[A-Z][A-Z_]{1,30}%/g, // %NAME%
  /\bX{3,}\b|\bx{3,}\b/g,
  /\b(?:TODO|TBD|FIXME|TKTK)\b/g,
  /_{3,}/g, // a blank line to fill in: "Dear ____"
  /\blorem ipsum\b/gi,
];

function scan(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const re of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const s = m.index;
      const e = s + m[0].length;
      if (!spans.some(([a, b]) => s < b && e > a)) spans.push([s, e]);
    }
  }
  return spans;
}

/** Report every unfilled field in the body (with its span) and in the subject (span 0..0). */
export function checkPlaceholders(input: CheckInput): Finding[] {
  const body = scan(input.body).map(([s, e]) =>
    finding(
      'placeholder',
      `${quote(input.body.slice(s, e))} looks like a template field that was never filled in.`,
      s,
      e,
    ),
  );
  const subject = input.subject
    ? scan(input.subject).map(([s, e]) =>
        finding(
          'placeholder',
          `The subject still has a template field to fill in: ${quote(input.subject?.slice(s, e) ?? '')}.`,
          0,
          0,
        ),
      )
    : [];
  return [...subject, ...body];
}
