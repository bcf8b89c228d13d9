/**
 * Debriefs are typed fast ("great chat re: hiring plan; mgmt w/ 3 eng teams"); a note is read
 * slowly by the person it is about. Common shorthand is spelled out before a line goes into a
 * draft. The table is small on purpose: only abbreviations with one reading in a debrief.
 */

// [pattern, replacement]; word-bounded, case-insensitive, applied in order.
const TABLE: ReadonlyArray<readonly [RegExp, string]> = [
  // "my answer re batching": what an answer was on.
  [
    /\b(answers?|questions?|points?|take|thoughts|views?|comments?|feedback)\s+re:?\s+(?=[a-z0-9])/gi,
    '$1 on ',
  ],
  [/(^|\s)[Rr]e:\s*(?=[a-z0-9])/g, '$1about '], // not "re:Invent"
  // "chat re hiring", "asked re the roadmap": "re" without its colon, before what it is about.
  [/(^|\s)re\s+(?=(?:the|my|our|your|her|his|their|how|what|why|whether|[a-z]+ing)\b)/gi, '$1about '],
  [/\bw\.?r\.?t\.?(?=\s)/gi, 'about'],
  [/(^|\s)w\/o(?=\s)/gi, '$1without'],
  [/(^|\s)w\/(?=\s|\w)\s*/gi, '$1with '],
  [/\bb\/c\b|\bbc\b(?=\s+(?:i|we|they|she|he|it|the|of|you)\b)|\bcuz\b/gi, 'because'],
  [/\s+&\s+/g, ' and '],
  [/\bmgmt\b/gi, 'management'],
  [/\bmgr\b/gi, 'manager'],
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
  [/\b(?:tmrw|tmr|2moro|tomoz)\b/gi, 'tomorrow'],
  // "her q about prioritisation", "good qs on X": question(s), before what it was about.
  // ("on the conflict q I should have said…": the question, before the writer's own clause)
  [
    /\bq\b(?=\s+(?:about|on|re:?|abt|around|regarding)\b|\s*[,:;.?!]|\s+[-–—]\s|\s*$|\s+(?:I|we)\s)/gi,
    'question',
  ],
  [/\bblameless\s+pms\b/gi, 'blameless postmortems'],
  [/\bblameless\s+pm\b/gi, 'blameless postmortem'],
  [/\bqs\b/gi, 'questions'],
  // "v friendly", "v. helpful": very, before a word (not "v2", "Python v 3.12").
  [/(^|\s)v\.?\s+(?=[a-z]{3,})/gi, '$1very '],
  // "asked lots about X": a lot ("lots of X" stays).
  [/\b(asked|talked|learned|learnt|shared|laughed|told me|taught me)\s+lots\b(?!\s+of\b)/gi, '$1 a lot'],

  [/\bmtg\b/gi, 'meeting'],
  [/\bmsgs\b/gi, 'messages'],
  [/\bmsg\b/gi, 'message'],
  [/\bppl\b/gi, 'people'],
  [/\byrs\b/gi, 'years'],
  [/\b(\d+)\s*mins?\b/gi, '$1 minutes'],
  [/\b(\d+)\s*hrs?\b/gi, '$1 hours'],
  // "!!", "?!": a note keeps its calm
  [/([!?])[!?]+/g, '$1'],
  [/\b(next|last|this|per|a|one|1)\s+yr\b/gi, '$1 year'],
  [/\bmos\b(?=\s+(?:ago|later|from))/gi, 'months'],
  [/\babt\b/gi, 'about'],
  [/\bthru\b/gi, 'through'],
  [/\besp\b\.?(?=\s)/gi, 'especially'],
  [/\binfo\b/gi, 'information'],
  [/\bdept\b\.?/gi, 'department'],
  [/\borg\b(?=\s+(?:chart|design|structure)\b)/gi, 'organisation'],
  [/\bperf\b(?=\s+(?:reviews?|issues?|problems?|work)\b)/gi, 'performance'],
  [/\bdiff\b(?=\s+between)/gi, 'difference'],
];

// "by fri", "on tues": a day after a word that says when ("sat in on the standup" is no day).
const SHORT_DAY =
  /\b(by|on|until|till|before|after|next|this|from|due)\s+(mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\b\.?/gi;
// "by friday", "flaky deploys on fridays": a day's full name has no other meaning, so it takes
// its capital wherever it is typed in lower case.
const LOWER_DAY = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b/g;
// "in jan", "by sept": a month after a word that says when ("march" alone is a verb).
const SHORT_MONTH =
  /\b(in|by|until|till|before|after|since|from|early|late|mid|end of)\s+(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?/gi;
const MONTHS: Readonly<Record<string, string>> = {
  jan: 'January',
  feb: 'February',
  mar: 'March',
  apr: 'April',
  jun: 'June',
  jul: 'July',
  aug: 'August',
  sep: 'September',
  oct: 'October',
  nov: 'November',
  dec: 'December',
};
const DAYS: Readonly<Record<string, string>> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** A pronoun, a name or "the team" after "intro": the verb ("intro her to X"). */
const INTRO_VERB = /\b[Ii]ntro(?:duce)?\s+(?=(?:her|him|them|you|me|us|[A-Z][\w'-]*|the\s+\w+)\s+to\b)/g;

// "i" typed on a phone for "I" ("how i handle", "i'd add"), not "i.e." or a list's "i)".
const LOWER_I = /(^|[^\p{L}\p{N}'’.])i(?=['’](?:d|m|ll|ve)(?![\p{L}])|[\s,;:!?]|$)/gu;

// Contractions typed without the apostrophe: "im", "ive" are no words; "id" is one (a user id),
// so only after a question word or "that" ("asked how id handle backpressure").
const BARE_CONTRACTION =
  /\b(?:(im)|(ive)|(?<=\b(?:how|what|why|when|where|if|that|which)\s+)(id))\b(?=\s+\p{Ll})/giu;
const CONTRACTED: Record<string, string> = { im: "I'm", ive: "I've", id: "I'd" };
// "dont", "theyre", "thats": the apostrophe a phone keyboard left out, where the word without it
// is no word ("cant" and "wont" are, and stay).
const NO_APOSTROPHE =
  /\b(?:(do|does|did|is|are|was|were|have|has|had|could|would|should|must|need)nt|(they|you)re|(that|there|what|he|she)s)\b/giu;
const withApostrophe = (_: string, nt?: string, re?: string, s?: string): string =>
  nt ? `${nt}n't` : re ? `${re}'re` : `${s}'s`;
// "a pm", "our pm": the product manager ("at 3 pm" stays a time).
const PM = /\b(a|the|our|their|your|my|his|her)\s+pm\b/gi;

// Emoji and typed smileys are notes to self ("asked about underperformers 😅", "great chat :)"):
// a thank-you says it in words or not at all.
const EMOJI =
  /(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u{FE0F}|\u{200D})+|(?<=^|\s)(?:[:;]-?[()DPp/]|<3|lol|lmao|haha+|hehe)(?=[\s.,;!?]|$)/giu;

// Names of tools and acronyms typed in lower case on a phone ("kafka", "ios 17", "aws"), as their
// makers write them: a note to an engineer that spells them wrong looks careless. Only words with
// no everyday meaning ("react", "swift", "go", "slack", "spark" stay as typed).
const TERMS = new Map(
  (
    'Kafka Kubernetes Terraform Docker Redis Postgres PostgreSQL MySQL MongoDB GraphQL Elasticsearch ' +
    'Grafana Datadog Prometheus Airflow Django Figma Jira GitHub GitLab Linux Android SwiftUI JavaScript Heroku ' +
    'TypeScript Salesforce iOS macOS AWS GCP SQL API APIs CI/CD OKR OKRs KPI KPIs ML LLM LLMs UX UI QA SRE ' +
    'DevOps SaaS B2B B2C SLA SLAs SLO SLOs AI OTel eBPF CI CRUD PHP Python Java Kotlin Scala Haskell Elixir Erlang Clojure OCaml Golang A/B CTO CEO CFO COO CPO CIO CISO VP SVP EVP'
  )
    .split(' ')
    .map((term) => [term.toLowerCase(), term] as const),
);
const TERM_WORDS = new RegExp(
  `(?<![\\p{L}\\p{N}/])(?:${[...TERMS.keys()].map((t) => t.replace('/', '\\/')).join('|')})(?![\\p{L}\\p{N}/])`,
  'gu',
);

// Programming languages whose names are also words ("go", "rust", "swift"): written as their
// makers write them only where they are plainly the language, one named against another ("rust
// vs go") or a topic on its own in a list (render.ts); "go and see" is a verb.
export const LANGUAGES: ReadonlyMap<string, string> = new Map(
  'Rust Go Golang Python Java Ruby Scala Elixir Kotlin Haskell Erlang Clojure Swift PHP Perl Zig OCaml'
    .split(' ')
    .map((name) => [name.toLowerCase(), name] as const),
);
const LANGUAGE = `(?:${[...LANGUAGES.keys()].join('|')})`;
const LANGUAGE_VS = new RegExp(`\\b(${LANGUAGE})(\\s+(?:vs\\.?|versus|or)\\s+)(${LANGUAGE})\\b`, 'gi');
const languageName = (word: string) => LANGUAGES.get(word.toLowerCase()) ?? word;

// "my old mgr at wise", "the dashboard I built at stripe": a place someone works or worked is a
// company, written with its capital ("at work", "at scale" are no company).
const EMPLOYER =
  /(\b(?:manager|mgr|colleague|coworker|co-worker|boss|mentor|friend|lead|director|cto|ceo|vp|engineer|team|built|worked|work|working|job|role|time|days|years|experience|internship|stint|tenure)\s+at\s+)([a-z][a-z0-9]+)\b(?!['’]s\b)/g;
const NOT_EMPLOYERS = new Set(
  'work home night first least all once times the a an my our your their his her that this scale lunch school university uni college random best most length last some any every the startup startups'.split(
    ' ',
  ),
);

/** Spell out the shorthand in a debrief line; words it does not know stay as typed. */
export function expandShorthand(text: string): string {
  let out = text
    .replace(EMOJI, ' ')
    .replace(LOWER_I, '$1I')
    .replace(BARE_CONTRACTION, (word: string) => CONTRACTED[word.toLowerCase()] ?? word)
    .replace(NO_APOSTROPHE, withApostrophe)
    .replace(PM, '$1 PM')
    .replace(INTRO_VERB, 'introduce ');
  // "intro to X" / "an intro" / "intros": the noun.
  out = out.replace(/\bintros\b/gi, 'introductions').replace(/\bintro\b(?!duc)/gi, 'introduction');
  for (const [pattern, replacement] of TABLE) out = out.replace(pattern, replacement);
  out = out.replace(TERM_WORDS, (word) => TERMS.get(word) ?? word);
  out = out.replace(
    LANGUAGE_VS,
    (_, a: string, vs: string, b: string) => `${languageName(a)}${vs}${languageName(b)}`,
  );
  out = out.replace(EMPLOYER, (whole, lead: string, name: string) =>
    NOT_EMPLOYERS.has(name) ? whole : `${lead}${name.charAt(0).toUpperCase()}${name.slice(1)}`,
  );
  out = out.replace(
    SHORT_DAY,
    (_, lead: string, day: string) => `${lead} ${DAYS[day.slice(0, 3).toLowerCase()] ?? day}`,
  );
  out = out.replace(LOWER_DAY, (day) => day.charAt(0).toUpperCase() + day.slice(1));
  out = out.replace(
    SHORT_MONTH,
    (_, lead: string, month: string) => `${lead} ${MONTHS[month.slice(0, 3).toLowerCase()] ?? month}`,
  );
  return out
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ +([.,;!?])(?=\s|$)/g, '$1')
    .trim();
}
