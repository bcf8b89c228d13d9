/**
 * Debriefs are typed fast ("great chat re: hiring plan; mgmt w/ 3 eng teams"); a note is read
 * slowly by the person it is about. Common shorthand is spelled out before a line goes into a
 * draft. The table is small on purpose: only abbreviations with one reading in a debrief.
 */

// [pattern, replacement]; word-bounded, case-insensitive, applied in order.
const TABLE: ReadonlyArray<readonly [RegExp, string]> = [
  [/(^|\s)[Rr]e:\s*(?=[a-z0-9])/g, '$1about '], // not "re:Invent"
  [/\bw\.?r\.?t\.?(?=\s)/gi, 'about'],
  [/(^|\s)w\/o(?=\s)/gi, '$1without'],
  [/(^|\s)w\/(?=\s|\w)\s*/gi, '$1with '],
  [/\bb\/c\b|\bbc\b(?=\s+(?:i|we|they|she|he|it|the|of|you)\b)|\bcuz\b/gi, 'because'],
  [/\s+&\s+/g, ' and '],
  [/\bmgmt\b\.?/gi, 'management'],
  [/\bmgr\b\.?/gi, 'manager'],
  [/\bapprox\b\.?(?=\s)|~(?=\d)/gi, 'about '],
  [/\bengs\b/gi, 'engineers'],
  [/\beng\s+mgrs\b/gi, 'engineering managers'],
  [/\bmgrs\b/gi, 'managers'],
  // "staff eng", "a senior eng", "2 eng": the person; "eng team", "eng mgmt": the discipline.
  [
    /\b(staff|senior|principal|lead|junior|backend|frontend|an?|one|\d+)\s+eng\b(?!\s+(?:team|org|manager|management|lead|culture|blog|hiring|department|director)s?\b)/gi,
    '$1 engineer',
  ],
  [/\beng\b\.?(?!\w)/gi, 'engineering'],
  [/\bconvo\b/gi, 'conversation'],
  [/\bmtg\b/gi, 'meeting'],
  [/\bppl\b/gi, 'people'],
  [/\byrs\b/gi, 'years'],
  [/\bmos\b(?=\s+(?:ago|later|from))/gi, 'months'],
  [/\babt\b/gi, 'about'],
  [/\bthru\b/gi, 'through'],
  [/\besp\b\.?(?=\s)/gi, 'especially'],
  [/\binfo\b/gi, 'information'],
  [/\bdept\b\.?/gi, 'department'],
  [/\borg\b(?=\s+(?:chart|design|structure)\b)/gi, 'organisation'],
  [/\bperf\b(?=\s+(?:review|issues?|problems?|work)\b)/gi, 'performance'],
  [/\bdiff\b(?=\s+between)/gi, 'difference'],
];

/** A pronoun, a name or "the team" after "intro": the verb ("intro her to X"). */
const INTRO_VERB = /\b[Ii]ntro(?:duce)?\s+(?=(?:her|him|them|you|me|us|[A-Z][\w'-]*|the\s+\w+)\s+to\b)/g;

// "i" typed on a phone for "I" ("how i handle", "i'd add"), not "i.e." or a list's "i)".
const LOWER_I = /(^|[^\p{L}\p{N}'’.])i(?=['’](?:d|m|ll|ve)(?![\p{L}])|[\s,;:!?]|$)/gu;

/** Spell out the shorthand in a debrief line; words it does not know stay as typed. */
export function expandShorthand(text: string): string {
  let out = text.replace(LOWER_I, '$1I').replace(INTRO_VERB, 'introduce ');
  // "intro to X" / "an intro" / "intros": the noun.
  out = out.replace(/\bintros\b/gi, 'introductions').replace(/\bintro\b(?!duc)/gi, 'introduction');
  for (const [pattern, replacement] of TABLE) out = out.replace(pattern, replacement);
  return out.replace(/[ \t]{2,}/g, ' ').trim();
}
