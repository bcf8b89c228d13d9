/**
 * Text helpers shared by the checker's rules: word tokens with their offsets, accent folding,
 * the "skeleton" of a name, the greeting line and a small stop-word list.
 */

/** A word and where it sits in the text (UTF-16 offsets, end exclusive). */
export interface Token {
  text: string;
  start: number;
  end: number;
}

// A word: letters (with combining marks), joined by internal apostrophes or hyphens.
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-‐][\p{L}\p{M}\p{N}]+)*/gu;

/** Every word in `text`, hyphenated and apostrophe words kept whole ("Fernández-Ortiz", "O'Connell"). */
export function tokenize(text: string): Token[] {
  return [...text.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/** Number of words as a reader counts them (hyphenated words count once). */
export const wordCount = (text: string): number => tokenize(text).length;

/** Lower case with accents removed: "Siobhán" -> "siobhan". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** True for a letter (any script). */
export const isLetter = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{M}]/u.test(ch);

/**
 * The letters of `text` folded, with everything else (spaces, hyphens, apostrophes) dropped:
 * "Fernández-Ortiz" and "Fernandez Ortiz" share the skeleton "fernandezortiz". `offsets[i]` is
 * the position in `text` of skeleton character i, so matches can be mapped back to spans.
 */
export function skeleton(text: string): { key: string; offsets: number[] } {
  let key = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    // ASCII fast path: the body is mostly plain letters.
    if (code < 128) {
      if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) {
        key += String.fromCharCode(code | 32);
        offsets.push(i);
      }
      i++;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i) ?? 0);
    if (/\p{L}/u.test(ch)) {
      for (const f of fold(ch)) {
        key += f;
        offsets.push(i);
      }
    }
    i += ch.length;
  }
  return { key, offsets };
}

/** The skeleton key alone. */
export const skeletonKey = (text: string): string => fold(text).replace(/[^\p{L}]/gu, '');

/** `s` as a literal inside a RegExp. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Spans of e-mail addresses and URLs, which no word rule should look inside. */
export function addressSpans(text: string): Array<[number, number]> {
  const re = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b|\b(?:https?:\/\/|www\.)\S+/gi;
  return [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length]);
}

/** True when `pos` falls inside one of `spans` (start inclusive, end exclusive). */
export const inSpans = (pos: number, spans: ReadonlyArray<[number, number]>): boolean =>
  spans.some(([s, e]) => pos >= s && pos < e);

const GREETING = /^[ \t]*(?:hi|hello|hey|dear|greetings|good (?:morning|afternoon|evening))\b[ \t,]*/i;
const HONORIFIC = /^(?:mr|mrs|ms|mx|miss|dr|prof|professor|sir|madam)\.?[ \t]+/i;

const PARTICLES =
  /^(?:(?:van|von|der|den|de|del|della|dei|di|da|du|des|la|le|ten|ter|bin|binti|al|el|dos|das|do|y)[ \t]+)+(?=\p{Lu})/u;

/** A name in the greeting; `titled` when it follows an honorific ("Dr. Smith-Okafor"). */
export interface GreetingName extends Token {
  titled: boolean;
}

/** Every name written after an honorific in `text` ("Mr van der Berg", "Dr. García-López"). */
export function titledNames(text: string): Token[] {
  const re =
    /(?<![\p{L}\p{N}])(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Professor)\.?[ \t]+((?:(?:van|von|der|den|de|del|della|dei|di|da|du|des|la|le|ten|ter|bin|binti|al|el|dos|das|do|y)[ \t]+)*\p{Lu}[\p{L}\p{M}'’]*(?:[-‐]\p{Lu}[\p{L}\p{M}'’]*)*)/gu;
  return [...text.matchAll(re)].map((m) => {
    const name = m[1] ?? '';
    const start = m.index + m[0].length - name.length;
    return { text: name, start, end: start + name.length };
  });
}

/** The greeting line's addressee: the name as written and where it is. */
export interface Greeting {
  /** Start and end of the first non-blank line. */
  lineStart: number;
  lineEnd: number;
  /** Names addressed ("Siobhán", "Ms. O'Connell" -> "O'Connell"), split on "and" / "&". */
  names: GreetingName[];
}

/**
 * Read the greeting on the note's first non-blank line ("Hi Siobhán,", "Dear Ms. O'Connell,").
 * Only capitalised words directly after the greeting count as a name, so "Hi there," and
 * "Hello again and thanks" address nobody in particular.
 */
export function findGreeting(body: string): Greeting | null {
  const lead = /^\s*/.exec(body)?.[0].length ?? 0;
  const nl = body.indexOf('\n', lead);
  const lineEnd = nl === -1 ? body.length : nl;
  const line = body.slice(lead, lineEnd);
  const g = GREETING.exec(line);
  if (!g) return null;
  let pos = g[0].length;
  const names: GreetingName[] = [];
  for (;;) {
    const rest = line.slice(pos);
    const hon = HONORIFIC.exec(rest);
    const after = hon ? rest.slice(hon[0].length) : '';
    // After a title, a surname may start with its particles: "Mr van der Berg".
    const particles = hon ? (PARTICLES.exec(after)?.[0].length ?? 0) : 0;
    const skip = hon && (particles > 0 || /^[\p{Lu}]/u.test(after)) ? hon[0].length : 0;
    const m =
      /^(?:\p{Lu}[\p{L}\p{M}'’]*\.?(?:[-‐][\p{L}\p{M}'’]+)*)(?:[ \t]+\p{Lu}[\p{L}\p{M}'’]*\.?(?:[-‐][\p{L}\p{M}'’]+)*)*/u.exec(
        rest.slice(skip + particles),
      );
    if (!m) break;
    const start = lead + pos + skip;
    const text = `${rest.slice(skip, skip + particles)}${m[0]}`.replace(/\.$/, '');
    names.push({ text, start, end: start + text.length, titled: skip > 0 });
    pos += skip + particles + m[0].length;
    const joiner = /^[ \t]*(?:,[ \t]*)?(?:and|&)[ \t]+/i.exec(line.slice(pos));
    if (!joiner) break;
    pos += joiner[0].length;
  }
  return { lineStart: lead, lineEnd, names };
}

/** Words too common to say anything personal about a conversation. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being ' +
    'below between both but by can could did do does doing down during each even ever every few for from ' +
    'further get got had has have having he her here hers herself him himself his how i if in into is it ' +
    'its itself just like me more most much my myself no nor not now of off on once only or other our ' +
    'ours ourselves out over own really same she should so some such than that the their theirs them ' +
    'themselves then there these they this those through to too under until up us very was we were what ' +
    'when where which while who whom why will with would you your yours yourself yourselves ' +
    // Words every thank-you note shares, so they prove nothing personal.
    'thank thanks thankful grateful appreciate appreciated time talk talked talking chat chatted speak ' +
    'spoke speaking meet meeting met conversation conversations interview interviews interviewed role ' +
    'position job team company opportunity great good nice enjoyed enjoy enjoying learn learned learning ' +
    'hear heard discuss discussed discussing mention mentioned said say says told tell today yesterday ' +
    'week looking forward excited exciting hope hoping best regards sincerely kind warm again soon next ' +
    'steps step work working want wanted wish think thought know knew see seen make made way things thing ' +
    'lot lots one two well also still much many'
  ).split(' '),
);

/** A crude stem so "migrations" meets "migrating": strips common English endings. */
export function stem(word: string): string {
  const w = fold(word).replace(/['’]s$/, '');
  for (const suffix of ['ations', 'ation', 'ings', 'ing', 'ies', 'ied', 'es', 'ed', 'ly', 's']) {
    if (w.length - suffix.length >= 4 && w.endsWith(suffix)) return w.slice(0, -suffix.length);
  }
  return w;
}

/** Levenshtein distance, giving up (returning `cap + 1`) once it exceeds `cap`. */
export function editDistance(a: string, b: string, cap = 2): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    if (Math.min(...row) > cap) return cap + 1;
    prev = row;
  }
  return Math.min(prev[b.length] ?? cap + 1, cap + 1);
}
