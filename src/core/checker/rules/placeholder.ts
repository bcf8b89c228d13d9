/**
 * `placeholder`: a template field nobody filled in: bracketed or templated (`[Name]`, `{{name}}`,
 * `<company>`, `%NAME%`, `$COMPANY`, `___`) or a bare instruction in capitals ("INSERT COMPANY
 * HERE", "NAME HERE", "TBD"). Acronyms in ordinary prose ("AWS", "API", "HR") are not fields: a run
 * of capitals counts only when it holds a word that templates use for what goes there.
 */
import { finding, quote } from '../finding';
import type { CheckInput, Finding } from '../types';

// Words that name what a template's blank is for, or tell the writer what to do with it.
const FIELD_WORDS = new Set(
  (
    'INSERT ADD PUT FILL REPLACE ENTER TYPE HERE NAME NAMES FIRSTNAME LASTNAME FULLNAME SURNAME COMPANY ' +
    'ROLE POSITION TITLE JOB DATE DAY TIME RECIPIENT INTERVIEWER MANAGER CONTACT TOPIC DETAIL DETAILS ' +
    'SPECIFIC SOMETHING PROJECT PLACEHOLDER EXAMPLE YOUR THEIR HIS HER CITY LOCATION TEAM FIRST LAST FULL ' +
    'MENTION'
  ).split(' '),
);
// A field word that is a blank on its own (a run of one capital word).
const ALONE = new Set(
  'NAME FIRSTNAME LASTNAME FULLNAME SURNAME COMPANY RECIPIENT INTERVIEWER PLACEHOLDER INSERT'.split(' '),
);
// Words that tell the writer to do something: with one field word, the run is an instruction.
const ACTION = new Set('INSERT ADD PUT FILL REPLACE ENTER HERE YOUR THEIR MENTION'.split(' '));

/** Runs of capitalised words ("INSERT COMPANY HERE", "FIRST_NAME") that are template instructions. */
function bareInstructions(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const run =
    /(?<![\p{L}\p{N}])[A-Z][A-Z_]*[A-Z](?:[ \t]+[A-Z][A-Z_]*[A-Z]|[ \t]+[A-Z](?![\p{L}\p{N}]))*(?![\p{L}\p{N}])/gu;
  for (const m of text.matchAll(run)) {
    const words = m[0].split(/[ \t_]+/).filter(Boolean);
    const fields = words.filter((w) => FIELD_WORDS.has(w));
    const field =
      words.length === 1
        ? ALONE.has(words[0] ?? '')
        : fields.length >= 2 || (fields.length === 1 && words.some((w) => ACTION.has(w)));
    if (field) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

const PATTERNS: RegExp[] = [
  /\{\{[^}\n]*\}\}|\{%[^%\n]*%\}/g, // Liquid / Mustache
  /\{[ \t]*[A-Za-z_][\w .-]{0,30}\}/g, // {name}
  /\[[ \t]*[A-Za-z][^\]\n]{0,40}\](?!\()/g, // [Name], [your company] (not a Markdown link)
  /<[ \t]*[A-Za-z][A-Za-z _-]{0,30}>/g, // <company> (not an e-mail address or URL)
  /%[A-Za-z][A-Za-z_]{1,30}%/g, // %NAME%
  /\$\{[^}\n]{1,30}\}|\$[A-Z][A-Z_]{2,30}\b|\$(?:first_?name|last_?name|name|company|role|title)\b/gi, // ${name}, $COMPANY
  /\b[a-z]+_(?:name|company|role|title|date|position)\b/gi, // first_name left bare
  // A note to self in parentheses: "(insert company name)", "(add something specific)".
  /\((?:insert|add|enter|fill in|replace|name of|company name|your name|recipient|interviewer'?s? name)\b[^)\n]{0,40}\)/gi,
  // Title-case blanks: "Hi First Name,", "Insert Company Here".
  /\b(?:First|Last|Full|Company|Recipient|Interviewer|Manager)[ \t]+Name\b|\b(?:Insert|Add)[ \t]+\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+)?[ \t]+Here\b/gu,
  /\bX{3,}\b|\bx{3,}\b/g,
  /\b(?:TODO|TBD|TBC|FIXME|TKTK)\b/g,
  /_{3,}/g, // a blank line to fill in: "Dear ____"
  /\blorem ipsum\b/gi,
];

function scan(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const [s, e] of bareInstructions(text)) spans.push([s, e]);
  for (const re of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const s = m.index;
      const e = s + m[0].length;
      if (!spans.some(([a, b]) => s < b && e > a)) spans.push([s, e]);
    }
  }
  return spans.sort((a, b) => a[0] - b[0]);
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
