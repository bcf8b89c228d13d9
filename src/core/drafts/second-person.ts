/**
 * Debrief lines are written about a person ("she showed me the debugger she built", "Asked how
 * I'd shard the ledger; liked my answer on queues"); a note is written to them. This turns the
 * third-person references to the reader into second person, with the verbs agreeing ("she was"
 * -> "you were", "he doesn't" -> "you don't"), and gives subject-less fragments their subject
 * ("Asked how..." -> "You asked how..."). Tagging and lemmas come from the NLP library (see
 * tagger.ts); the rules here only decide what to replace.
 *
 * When it cannot be sure who a pronoun means (both "she" and "he", another person named before a
 * pronoun, "showed her slides" that could be either), it changes nothing and says so: the words
 * stay as the user wrote them, and the checker points at them.
 */
import type { Tagger, Token } from './tagger';

/** Who the note is addressed to. */
export interface Reader {
  /** The names the debrief may use for them: first name, full name as recorded. */
  names: string[];
}

/** A rewritten debrief line. */
export interface Rewritten {
  text: string;
  /** True when a pronoun's referent was unclear, so the text was left as written. */
  unsure: boolean;
  /** A clause with its own subject and verb ("you showed me...") or a noun phrase ("your story about..."). */
  kind: 'sentence' | 'phrase';
}

const FEMININE = new Set(['she', 'her', 'hers', 'herself']);
const MASCULINE = new Set(['he', 'him', 'his', 'himself']);
const SUBJECTS = new Set(['i', 'you', 'we', 'they', 'she', 'he', 'it']);

// Nouns for other people: a third-person pronoun after one of them may mean that person.
const OTHER_PEOPLE = new Set([
  'manager',
  'boss',
  'colleague',
  'coworker',
  'co-worker',
  'teammate',
  'cofounder',
  'co-founder',
  'founder',
  'ceo',
  'cto',
  'cfo',
  'vp',
  'director',
  'recruiter',
  'interviewer',
  'predecessor',
  'successor',
  'husband',
  'wife',
  'partner',
  'son',
  'daughter',
  'kid',
  'friend',
  'mentor',
  'intern',
  'report',
  'mother',
  'father',
  'sister',
  'brother',
  'hire',
  'candidate',
  'engineer',
  'designer',
  'lead',
  'customer',
  'client',
  'user',
]);

// Verbs that take two objects: "showed her slides" may be her slides or slides shown to her.
const DITRANSITIVE = new Set([
  'give',
  'show',
  'send',
  'tell',
  'offer',
  'bring',
  'teach',
  'hand',
  'lend',
  'pass',
  'buy',
]);

// Past participles that open a fragment as an adjective ("Based in Berlin"): no tense to infer.
const PARTICIPLE_ADJECTIVES = new Set([
  'based',
  'interested',
  'excited',
  'impressed',
  'focused',
  'involved',
  'located',
  'surprised',
  'known',
  'responsible',
  'worried',
  'concerned',
  'keen',
  'pleased',
  'happy',
  'curious',
]);

const isVerb = (t: Token | undefined): t is Token => t !== undefined && (t.pos === 'VERB' || t.pos === 'AUX');
const lower = (t: Token | undefined) => t?.text.toLowerCase() ?? '';
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const sameCase = (model: string, word: string) => (/^[A-Z]/.test(model) ? capitalised(word) : word);

/** A present-tense third-person-singular verb ("runs", "fixes", "carries", "is", "has", "does"). */
function isThirdSingular(t: Token): boolean {
  const w = t.text.toLowerCase();
  if (w === 'is' || w === 'has' || w === 'does' || w === "'s") return true;
  const l = t.lemma;
  if (!w.endsWith('s') || w === l) return false;
  return w === `${l}s` || w === `${l}es` || (l.endsWith('y') && w === `${l.slice(0, -1)}ies`);
}

/** A simple past ("asked", "built"): differs from its lemma, not -ing, not -s. */
function isPast(t: Token): boolean {
  const w = t.text.toLowerCase();
  return t.pos === 'VERB' && w !== t.lemma && !w.endsWith('ing') && !isThirdSingular(t);
}

/** The verb form that agrees with "you", or null when the form stays ("showed", "would"). */
function agreeWithYou(t: Token, next: Token | undefined): string | null {
  const w = t.text.toLowerCase();
  if (w === 'is') return 'are';
  if (w === 'was') return 'were';
  if (w === 'has') return 'have';
  if (w === 'does') return 'do';
  if (w === "'s") {
    // "she's built" is has; "she's moving" / "she's great" is is.
    const n = next && next.pos === 'ADV' ? undefined : next;
    // "she's been there 9 years": "been" and "got" are have's, whatever the tagger calls them.
    if (n && /^(?:been|got)$/i.test(n.text)) return "'ve";
    return n && n.pos === 'VERB' && isPast(n) ? "'ve" : "'re";
  }
  if (t.pos === 'VERB' && isThirdSingular(t)) return t.lemma;
  return null;
}

/** Edits to the token list: replacements by index and insertions before an index. */
class Edits {
  readonly replace = new Map<number, string>();
  readonly insertBefore = new Map<number, string>();
}

/** Make the verb(s) whose subject is now "you" agree, from token `from` to the end of the clause. */
function agreeFrom(tokens: Token[], from: number, edits: Edits): void {
  let i = from;
  while (tokens[i]?.pos === 'ADV' || lower(tokens[i]) === 'also') i++;
  const t = tokens[i];
  if (!isVerb(t)) return;
  const form = agreeWithYou(t, tokens[i + 1]);
  if (form !== null) edits.replace.set(i, form);
  // After "said", "told me", what follows has its own subject ("said the team ships weekly and
  // wants more tests": the team wants them).
  if (!REPORTING_LEMMAS.has(t.lemma)) agreeCoordinated(tokens, i + 1, edits);
}

const REPORTING_LEMMAS = new Set(
  'say tell mention explain think believe feel admit note share describe add hint suggest warn'.split(' '),
);

/**
 * Verbs after the first that share its subject, from `from` to the clause's end: "runs the team
 * and writes the docs", "has been there 9 years, knows everyone" (the comma becomes "and" when no
 * other joins them).
 */
function agreeCoordinated(tokens: Token[], from: number, edits: Edits): void {
  let end = tokens.findIndex((t, k) => k >= from && t.pos === 'PUNCT' && /[.;!?]/.test(t.text));
  if (end < 0) end = tokens.length;
  let writerClause = false;
  for (let j = from; j < end; j++) {
    const tj = tokens[j] as Token;
    // "asked how I'd design the pipeline, seemed to like my answer": after a clause of the
    // writer's own, a bare "and seemed" would be the writer's; the reader's verb gets its "you".
    if (tj.pos === 'PRON' && /^(?:i|we)$/.test(lower(tj))) writerClause = true;
    if (writerClause) {
      const v = tokens[j + 1];
      if (tj.text === ',' && isVerb(v) && isPast(v) && tokens[j + 2] !== undefined) {
        edits.replace.set(j, ', and');
        edits.insertBefore.set(j + 1, 'you');
        return;
      }
      if (tj.pos === 'PUNCT' && tj.text !== ',') return;
      continue;
    }
    // "there" (as in "been there") is no new subject.
    // A new subject ends it; "my research", "there" (as in "been there") do not.
    if ((tj.pos === 'PRON' && SUBJECTS.has(lower(tj))) || tj.pos === 'SCONJ' || lower(tj) === 'that') return;
    const v = tokens[j + 1];
    // (a past verb agrees already: "asked about my research, seemed very interested")
    if (tj.text === ',' && isVerb(v) && (isThirdSingular(v) || isPast(v)) && tokens[j + 2] !== undefined) {
      const f = agreeWithYou(v, tokens[j + 2]);
      if (f !== null) edits.replace.set(j + 1, f);
      const joined = tokens.slice(j + 2, end).some((t) => t.text === ',' || t.pos === 'CCONJ');
      if (!joined && !edits.replace.has(j)) edits.replace.set(j, ' and');
      continue;
    }
    if (tj.pos === 'CCONJ') {
      let k = j + 1;
      while (tokens[k]?.pos === 'ADV') k++;
      const v = tokens[k];
      if (isVerb(v) && (isThirdSingular(v) || lower(v) === 'was')) {
        const f = agreeWithYou(v, tokens[k + 1]);
        if (f !== null) edits.replace.set(k, f);
      }
    }
  }
}

const TITLE = /^(?:mr|mrs|ms|mx|dr|prof)\.?$/i;

/**
 * Every way a debrief may name the reader: the names given, and for a full name its surname with
 * or without a title ("Dr. Eze", "Dr Eze", "Ms Eze", "Eze" for Nnamdi Eze).
 */
function nameForms(reader: Reader): string[] {
  const forms = new Set<string>();
  for (const name of reader.names) {
    const words = name.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) continue;
    forms.add(words.join(' '));
    const bare = words.filter((w) => !TITLE.test(w));
    if (bare.length > 0) forms.add(bare.join(' '));
    if (bare.length >= 2) {
      const surname = bare.slice(1).join(' ');
      forms.add(surname);
      for (const t of ['Dr.', 'Dr', 'Mr.', 'Mr', 'Ms.', 'Ms', 'Mrs.', 'Mrs', 'Mx', 'Prof.', 'Prof'])
        forms.add(`${t} ${surname}`);
    }
  }
  return [...forms];
}

/**
 * A name as a phone types it: no accents, no capital ("jose" for José, "ibanez" for Ibáñez). The
 * one comparison for the reader's names, so every place that looks for them agrees.
 */
export const foldName = (word: string): string =>
  word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

/** Is `typed` one of the reader's names, whatever its accents and case ("jose:", "IBANEZ")? */
export const isReaderName = (typed: string, reader: Reader): boolean =>
  nameForms(reader).some((form) => foldName(form) === foldName(typed.trim()));

/** Indices where a reader's name is used: [start, length]. */
function nameSpans(tokens: Token[], reader: Reader): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const names = nameForms(reader)
    .map((n) => n.trim().split(/\s+/).filter(Boolean))
    .filter((n) => n.length > 0)
    .sort((a, b) => b.length - a.length);
  // A name typed in lower case on a phone ("elena led the panel", "ana's team") counts where a
  // name can stand: as the subject of a verb or an owner; "will asked" or "mark the ticket" are
  // words, not Will or Mark.
  // (and typed without its accents: "jose" for José)
  const lowerName = (t: Token | undefined, w: string, next: Token | undefined) =>
    t !== undefined &&
    t.text === foldName(t.text) &&
    foldName(t.text) === foldName(w) &&
    t.text !== w &&
    (t.pos === 'PROPN' ||
      (t.pos === 'NOUN' &&
        next !== undefined &&
        (next.pos === 'VERB' || next.pos === 'AUX' || (next.pos === 'PART' && /^['’]s$/.test(next.text)))));
  for (let i = 0; i < tokens.length; i++) {
    for (const words of names) {
      const at = (k: number) => tokens[i + k];
      if (
        // as recorded, or with its capital but not its accents ("Jose Ibanez")
        words.every(
          (w, k) =>
            at(k)?.text === w ||
            (/^\p{Lu}/u.test(at(k)?.text ?? '') && foldName(at(k)?.text ?? '') === foldName(w)),
        ) ||
        words.every(
          (w, k) =>
            lowerName(at(k), w, at(k + 1)) ||
            (k < words.length - 1 && foldName(at(k)?.text ?? '') === foldName(w)),
        )
      ) {
        spans.push([i, words.length]);
        i += words.length - 1;
        break;
      }
    }
  }
  return spans;
}

/** Why a line cannot be rewritten with certainty, or null when it can. */
function unsureReason(tokens: Token[], readerAt: Set<number>, objectIsReader = false): string | null {
  const words = tokens.map((t) => t.text.toLowerCase());
  const fem = words.some((w, i) => FEMININE.has(w) && tokens[i]?.pos === 'PRON');
  const masc = words.some((w, i) => MASCULINE.has(w) && tokens[i]?.pos === 'PRON');
  if (fem && masc) return 'both she and he';
  // Another person, then a pronoun: "her manager Tom said he..." - he may be Tom.
  let otherSeen = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const w = words[i] ?? '';
    if (
      (t.pos === 'NOUN' && OTHER_PEOPLE.has(t.lemma)) ||
      (t.pos === 'PROPN' && !readerAt.has(i) && isVerb(tokens[i + 1]))
    )
      otherSeen = true;
    else if (
      otherSeen &&
      t.pos === 'PRON' &&
      (FEMININE.has(w) || MASCULINE.has(w)) &&
      !(objectIsReader && (w === 'him' || (w === 'her' && !herIsPossessive(tokens, i))))
    )
      return 'another person named first';
    // "showed her slides": her slides, or slides shown to her?
    if (w === 'her' && t.pos === 'PRON') {
      const prev = tokens[i - 1];
      const next = tokens[i + 1];
      if (
        prev &&
        isVerb(prev) &&
        DITRANSITIVE.has(prev.lemma) &&
        next &&
        (next.pos === 'NOUN' || next.pos === 'ADJ')
      )
        return 'her: possessive or object';
    }
  }
  return null;
}

/**
 * Is `her` at i possessive ("her team", "her new team", "her leads") rather than an object
 * ("thanked her", "told her that", "let her go")? Taggers often read the noun after "her" as a
 * verb ("her leads"), but a verb after an object "her" is never in its -s form.
 */
function herIsPossessive(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (!next) return false;
  if (next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'NUM') return true;
  if (next.pos === 'VERB' && /s$/i.test(next.text) && !/ss$/i.test(next.text)) return true;
  if (next.pos === 'ADJ' || next.pos === 'ADV') {
    const after = tokens[i + 2];
    return after !== undefined && (after.pos === 'NOUN' || after.pos === 'PROPN' || after.pos === 'ADJ');
  }
  return false;
}

// Past forms of "be"/"have" open a fragment for "I" as well as for "she": "was impressed by...".
const WRITER_AUX = new Set(['was', 'had']);
const FIRST_PERSON_OBJECT = new Set(['me', 'my', 'mine', 'myself']);
const THIRD_PERSON_OBJECT = new Set(['him', 'his', 'her', 'hers', 'them', 'their', 'theirs', 'themselves']);
const THEY_TO_YOU: Readonly<Record<string, string>> = {
  them: 'you',
  their: 'your',
  theirs: 'yours',
  themselves: 'yourself',
};
// A subordinate clause has its own subject: "asked how I'd approach her team's problem".
const CLAUSE_OPENERS = new Set([
  'that',
  'how',
  'what',
  'why',
  'whether',
  'if',
  'when',
  'where',
  'who',
  'which',
]);

/**
 * Who did what a subject-less fragment says, told by the first object or possessive pronoun after
 * its verb (before any clause of its own): "liked my answer" was the reader (`reader`); "loved
 * her story", "thanked them" was the writer (`writer`), because "her"/"them" is the reader;
 * neither pronoun says nothing (null).
 */
function impliedSubject(tokens: Token[], from: number, end: number): 'writer' | 'reader' | null {
  const verb = tokens[from - 1];
  // "was impressed by her questions": the participle after the auxiliary is the verb that counts.
  const lemma = verb && WRITER_AUX.has(lower(verb)) ? (tokens[from]?.lemma ?? '') : (verb?.lemma ?? '');
  const appreciating = APPRECIATE.has(lemma);
  for (let k = from; k < end; k++) {
    const t = tokens[k] as Token;
    const w = lower(t);
    if (t.pos === 'SCONJ' || CLAUSE_OPENERS.has(w)) {
      // The clause's own subject decides: "loved how open she was" (the reader was, the writer
      // loved), "asked how I'd shard it" (the writer would, the reader asked).
      for (let j = k + 1; j < Math.min(end, k + 5); j++) {
        const subject = lower(tokens[j]);
        if (tokens[j]?.pos === 'PUNCT') break;
        // ("talked about how they pay for on-call": a clause of theirs after a verb of telling is
        // still what the reader told; only the writer appreciates or notices how they did it)
        if (subject === 'she' || subject === 'he' || subject === 'they')
          return appreciating || NOTICING.has(lemma) ? 'writer' : null;
        if (subject === 'i' || subject === 'we') return 'reader';
      }
      return null;
    }
    if (t.pos === 'PUNCT' && t.text !== ',' && t.text !== '-') return null;
    if (t.pos !== 'PRON' && t.pos !== 'DET') continue;
    if (FIRST_PERSON_OBJECT.has(w)) return 'reader';
    // The reader as the object ("thanked her", "asked him") is never who did it; what the reader
    // owns ("her story") says so only after a verb of appreciating it: people share, show and
    // talk about their own things ("shared his screen", "talked about her path").
    const owned = POSSESSIVE_THIRD.has(w) && !(w === 'her' && !herIsPossessive(tokens, k));
    if (THIRD_PERSON_OBJECT.has(w)) return owned && !appreciating ? 'reader' : 'writer';
    if (SUBJECTS.has(w) && w !== 'it' && w !== 'you') return null;
  }
  return null;
}

const POSSESSIVE_THIRD = new Set(['his', 'her', 'hers', 'their', 'theirs']);
// Verbs of the writer taking something in: "saw how they deploy", "learned how she hires".
const NOTICING = new Set(['see', 'learn', 'notice', 'realise', 'realize', 'hear', 'watch', 'understand']);
// Verbs of the writer appreciating what the reader did or has ("loved her story", "admired his
// clarity", "was impressed by her questions", "found her question sharp").
const APPRECIATE = new Set([
  'love',
  'like',
  'enjoy',
  'appreciate',
  'admire',
  'value',
  'respect',
  'find',
  'impress',
  'impressed',
  'welcome',
  'relish',
]);

/** Clause boundaries: indices of the first token of each clause (after ; . ! ?). */
function clauseStarts(tokens: Token[]): number[] {
  const starts = [0];
  tokens.forEach((t, i) => {
    if (t.pos === 'PUNCT' && /^[.;!?]$/.test(t.text) && i + 1 < tokens.length) starts.push(i + 1);
  });
  return starts;
}

/** A fragment with no subject that opens on a finite verb ("Asked how...", "Runs the team"). */
function fragmentVerbAt(tokens: Token[], start: number, end: number): number | null {
  let i = start;
  while (i < end && tokens[i]?.pos === 'ADV') i++;
  const t = tokens[i];
  // "was impressed by...", "is keen on...", "has built...": a subject-less auxiliary.
  if (t?.pos === 'AUX' && FRAGMENT_AUX.has(t.text.toLowerCase())) {
    const next = tokens[i + 1];
    return next && next.pos !== 'PRON' && next.pos !== 'PROPN' && next.pos !== 'PUNCT' ? i : null;
  }
  // "grilled/ADJ me on...": a past form the tagger read as an adjective, known by its object.
  if (t?.pos === 'ADJ' && /ed$/i.test(t.text) && /^(?:me|us|him|her|them)$/i.test(tokens[i + 1]?.text ?? ''))
    return i;
  // "need to migrate 200 services", "want to ship weekly": a want or a need, said of them.
  if (i === start && t && WANTING.has(t.text.toLowerCase()) && tokens[i + 1]?.text.toLowerCase() === 'to')
    return i;
  if (t?.pos !== 'VERB' || PARTICIPLE_ADJECTIVES.has(t.text.toLowerCase())) return null;
  return isPast(t) || isThirdSingular(t) ? i : null;
}

const FRAGMENT_AUX = new Set(['was', 'is', 'has', 'had']);
const WANTING = new Set(['need', 'want', 'plan', 'hope', 'expect']);

/**
 * In a fragment, ", was impressed by..." after a first verb phrase shares its subject: the comma
 * becomes "and" ("You asked ..., was impressed ..." -> "You asked ... and were impressed ...").
 * Returns the indices of the commas that join such verb phrases, from `from` to the clause's end.
 */
function joinedVerbCommas(tokens: Token[], from: number, end: number): number[] {
  const commas: number[] = [];
  for (let j = from; j < end; j++) {
    if (tokens[j]?.text !== ',') continue;
    const v = fragmentVerbAt(tokens, j + 1, end);
    if (v !== null && v <= j + 2) commas.push(j);
  }
  return commas;
}

function render(tokens: Token[], edits: Edits): string {
  let out = '';
  tokens.forEach((t, i) => {
    const inserted = edits.insertBefore.get(i);
    const replaced = edits.replace.get(i);
    if (inserted !== undefined) out += `${t.before}${inserted} `;
    const before = inserted !== undefined ? '' : t.before;
    if (replaced === undefined) out += before + t.text;
    else if (replaced !== '') out += before + replaced;
  });
  return out;
}

// What a person says or shows rather than a subject of talk: "your story about X" is enjoyed,
// not "heard about"; "the ledger rewrite" is heard about.
const SAID_THINGS = new Set(
  'story anecdote advice tip question answer take view perspective opinion thought idea insight example explanation framing sketch drawing diagram recommendation suggestion demo talk presentation walkthrough way'.split(
    ' ',
  ),
);

// What a person tells, asks, draws or has: "their story", "their advice", "their dog".
const PERSONAL_THINGS = new Set([
  ...SAID_THINGS,
  ...'book blog podcast journey path career background experience approach philosophy dog cat kid hobby marathon training trip project'.split(
    ' ',
  ),
]);

/** True when a noun phrase names something its speaker said or showed ("your story about…"). */
export function namesSomethingSaid(phrase: string, tag: Tagger): boolean {
  const tokens = tag(phrase);
  const first = tokens[0];
  const from = first && (first.pos === 'DET' || POSSESSIVES.has(lower(first))) ? 1 : 0;
  return SAID_THINGS.has(headNounAfter(tokens, from));
}

/**
 * The lemma of the head noun of the noun phrase after a possessive at `from`: "whiteboard sketch
 * of..." -> sketch, "dog joining the call" -> dog. After a possessive every word up to a
 * preposition is the phrase's, so a noun the tagger took for a verb ("book/VERB recommendation",
 * "whiteboard sketch/VERB") counts; an -ing word after a noun opens what it did.
 */
function headNounAfter(tokens: Token[], from: number): string {
  let head = '';
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.text === '-' && t.before === '') continue;
    if (!['NOUN', 'ADJ', 'PROPN', 'VERB'].includes(t.pos)) break;
    // ("their CI takes 45 min": a verb after the noun, with its object, is the clause's own)
    const ends = !tokens[k + 1] || ['ADP', 'PUNCT'].includes(tokens[k + 1]?.pos ?? '');
    if (t.pos === 'VERB' && head !== '' && (/ing$/i.test(t.text) || !ends)) break;
    if (t.pos !== 'ADJ') head = t.lemma;
  }
  return head;
}

const RELATIVE_PRONOUNS = new Set(['that', 'who', 'which']);
// Auxiliaries that agree with a singular subject: "(the team) that is...", not "(deploys) that".
const SINGULAR_AUX = new Set(['is', 'was', 'has', 'does', "'s"]);

/**
 * Does a relative clause about a plural noun open at `i`: "(deploys) that fail at night",
 * "(queries) that time out", "(engineers) who are leaving"? Then the plural before it is a noun,
 * however the tagger read it, and not a verb with "that" opening its object ("runs that team").
 * The clause's verb is tagged again after "they", where its reading is clear; it must agree
 * with a plural and go on ("that team", "that team of 40" are a determiner and a noun).
 */
function pluralRelativeAt(tokens: Token[], i: number, tag: Tagger): boolean {
  const pronoun = lower(tokens[i]);
  if (!RELATIVE_PRONOUNS.has(pronoun)) return false;
  const rest = tokens
    .slice(i + 1)
    .map((t) => t.before + t.text)
    .join('')
    .trim();
  const [, verb, next] = tag(`they ${rest}`);
  if (!verb) return false;
  if (verb.pos === 'AUX') return !SINGULAR_AUX.has(lower(verb));
  if (verb.pos !== 'VERB' || verb.text.toLowerCase() !== verb.lemma) return false;
  return pronoun === 'who' || (next !== undefined && lower(next) !== 'of');
}

/** Is the verb at `v` inside a relative clause on a noun before it ("a train that keeps...")? */
function inRelativeClause(tokens: Token[], v: number): boolean {
  return tokens.some(
    (t, k) =>
      k > 0 &&
      k < v &&
      RELATIVE_PRONOUNS.has(lower(t)) &&
      (NOUNISH.has(tokens[k - 1]?.pos ?? '') || pluralNoun(tokens[k - 1] as Token)),
  );
}

/**
 * After a relative clause's verb at `v`, is there a verb of the sentence's own ("the team that
 * owns billing is understaffed")? A verb after a pronoun is the clause's: "a monolith that no
 * team feels it owns".
 */
function mainVerbAfter(tokens: Token[], v: number): boolean {
  return tokens.some(
    (t, k) =>
      k > v &&
      tokens[k - 1]?.pos !== 'PRON' &&
      ((t.pos === 'AUX' && !/ing$/i.test(t.text)) || (t.pos === 'VERB' && (isPast(t) || isThirdSingular(t)))),
  );
}

const NOUNISH = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PART']);
const POSSESSIVES = new Set(['my', 'your', 'his', 'her', 'its', 'our', 'their']);
const pluralNoun = (t: Token) => /[^s]s$/i.test(t.text) && t.text.toLowerCase() !== t.lemma;

/**
 * Where a clause opening on a noun phrase has its finite verb: "the Kafka consumers fall behind
 * at month end" -> "fall", "deploys take 40 minutes" -> "take", "the migration off the monolith"
 * -> null. The tagger often reads such a verb as a noun ("consumers fall/NOUN"), so a candidate
 * word is tagged again after a pronoun ("they fall behind..."), where its reading is clear, and
 * must agree with the noun before it: "the migration plan" stays a noun phrase because "plan"
 * after a singular noun would have to be "plans".
 */
export function subjectVerbAt(tokens: Token[], tag: Tagger, start = 0): number | null {
  // A gerund phrase can be a subject ("onboarding new hires takes 3 months"), singular whatever
  // its object, but only before a verb that shows it ("migrating 40 services off Heroku" is a
  // phrase): a verb in -s, or is/was/has.
  const opening = tokens[start];
  const gerund = opening !== undefined && opening.pos === 'VERB' && /^[a-z]+ing$/i.test(opening.text);
  for (let j = start + 1; j < Math.min(tokens.length, start + 8); j++) {
    const head = tokens[j - 1] as Token;
    const prev = tokens.slice(start, j);
    const nounPhrase = prev.every(
      (t, k) =>
        // a determiner or possessive only opens the noun phrase ("Runs the team" is no subject)
        (NOUNISH.has(t.pos) && (t.pos !== 'DET' || k === 0)) ||
        (t.pos === 'PRON' && POSSESSIVES.has(lower(t)) && k === 0) ||
        // a prepositional phrase inside the subject ("my old colleague at Stripe will...")
        (k > 0 && t.pos === 'ADP' && NOUNISH.has(prev[k - 1]?.pos ?? '')) ||
        (k > 0 && t.pos === 'DET' && prev[k - 1]?.pos === 'ADP') ||
        (t.pos === 'PUNCT' && t.text === '-' && t.before === '') ||
        // the first word of a hyphenated compound ("on-call pages")
        (tokens[start + k + 1]?.text === '-' && tokens[start + k + 1]?.before === '') ||
        (t.before === '' && prev[k - 1]?.text === '-') ||
        // "deploys", "billing service": nouns a tagger took for verbs, inside the noun phrase (a
        // gerund opening one is its own verb: "migrating 40 services off Heroku")
        (t.pos === 'VERB' && (pluralNoun(t) || (/ing$/i.test(t.text) && (k > 0 || gerund)))) ||
        // the gerund's object ("onboarding the new hires"), which the tagger may read oddly
        (gerund && k > 0 && ['ADV', 'DET', 'ADJ'].includes(t.pos)),
    );
    if (!nounPhrase) return null;
    const headIsGerund = gerund && j === start + 1;
    if (
      !headIsGerund &&
      (!['NOUN', 'PROPN', 'NUM', 'VERB'].includes(head.pos) || (head.pos === 'VERB' && !pluralNoun(head)))
    )
      continue;
    const w = tokens[j] as Token;
    if (['ADP', 'DET', 'PUNCT', 'CCONJ', 'SCONJ', 'PART', 'PRON', 'NUM'].includes(w.pos)) continue;
    // "40 services": a number above one takes a plural verb.
    const plural = pluralNoun(head) || (head.pos === 'NUM' && !/^(?:1|one)$/i.test(head.text));
    const rest = tokens
      .slice(j)
      .map((t) => t.before + t.text)
      .join('')
      .trim();
    const third = /[^s]s$/i.test(w.text);
    // A word the tagger read as a noun often is one. An -s word counts as a verb only before an
    // object ("integration tests slowing releases", "data contracts between teams" stay noun
    // phrases); any such word needs something after it ("the search results page").
    const after = tokens[j + 1];
    if (w.pos === 'NOUN' && !after) continue;
    if (third && w.pos === 'NOUN' && !(after && ['DET', 'NUM', 'PRON'].includes(after.pos))) continue;
    // "reporting queries that time out": the plural is the noun a relative clause is about.
    if (pluralNoun(w) && pluralRelativeAt(tokens, j + 1, tag)) continue;
    const again = tag(`${third ? 'it' : 'they'} ${rest}`)[1];
    const v = again && again.text === w.text ? again : w;
    if (gerund) {
      // A gerund subject is singular: only a verb that agrees with it ends the phrase.
      if (/^(?:is|was|has)$/i.test(v.text) || (v.pos === 'VERB' && third && v.text.toLowerCase() !== v.lemma))
        return j;
      continue;
    }
    if (v.pos === 'AUX') return j;
    if (v.pos !== 'VERB' || /ing$/i.test(v.text)) continue;
    const base = v.text.toLowerCase() === v.lemma;
    // Agreement: "consumers fall", "service keeps", "bill doubled" (a past agrees with both).
    if (third && !plural) return j;
    if (base && plural) return j;
    if (!base && !third) return j;
  }
  return null;
}

/**
 * Sentence or noun phrase: does a finite verb follow a subject ("you showed...", "your team
 * runs...", "the Kafka consumers fall behind")? A bare plural opening ("flaky deploys on
 * Fridays") is read as a phrase: taggers often take its noun for a verb, and as a phrase it
 * still reads right in a note.
 */
function kindOf(tokens: Token[], tag: Tagger): 'sentence' | 'phrase' {
  if (tokens.length > 1 && subjectVerbAt(tokens, tag) !== null) return 'sentence';
  // (a word right after a determiner or possessive is a noun, however tagged: "your take on X")
  const afterDeterminer = (i: number) =>
    /^(?:a|an|the|this|these|those|every|each|no|another)$/.test(lower(tokens[i - 1])) ||
    POSSESSIVES.has(lower(tokens[i - 1]));
  // (nor is a bare verb form after a singular noun: "the ledger rewrite", not "ledger rewrites")
  const compound = (t: Token, i: number) =>
    lower(t) === t.lemma && tokens[i - 1]?.pos === 'NOUN' && !pluralNoun(tokens[i - 1] as Token);
  const v = tokens.findIndex(
    (t, i) =>
      (t.pos === 'VERB' && !afterDeterminer(i) && !compound(t, i)) ||
      t.pos === 'AUX' ||
      (t.pos === 'ADJ' &&
        /ed$/i.test(t.text) &&
        /^(?:me|us|him|her|them|you)$/i.test(tokens[i + 1]?.text ?? '')),
  );
  if (v < 0) return 'phrase';
  const verb = tokens[v] as Token;
  if (verb.text.toLowerCase().endsWith('ing') && verb.pos === 'VERB') return 'phrase';
  // "a release train that keeps slipping" names a thing; "the team that owns billing is
  // understaffed" says something of it.
  if (inRelativeClause(tokens, v)) return mainVerbAfter(tokens, v) ? 'sentence' : 'phrase';
  // "deploys that fail at night": the plural the tagger took for a verb is the noun.
  if (pluralNoun(verb) && pluralRelativeAt(tokens, v + 1, tag))
    return mainVerbAfter(tokens, v + 2) ? 'sentence' : 'phrase';
  if (v === 0) return 'sentence';
  // Adverbs between the subject and its verb do not change the shape: "I really appreciated".
  const head = tokens.slice(0, v).filter((t, k) => k === 0 || t.pos !== 'ADV');
  const first = head[0] as Token;
  const w0 = first.text.toLowerCase();
  if (head.length === 1 && SUBJECTS.has(w0)) return 'sentence';
  // "we both used to work at Monzo", "they all ship weekly"
  if (head.length === 2 && SUBJECTS.has(w0) && /^(?:both|all)$/i.test(head[1]?.text ?? '')) return 'sentence';
  const determined =
    first.pos === 'DET' || first.pos === 'PROPN' || (first.pos === 'PRON' && !SUBJECTS.has(w0));
  const nounPhrase = head.every(
    (t, k) =>
      ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PART'].includes(t.pos) ||
      // a word inside a hyphenated compound ("the on-call rota")
      head[k + 1]?.text === '-' ||
      (head[k - 1]?.text === '-' && t.before === '') ||
      (t.pos === 'PRON' && !SUBJECTS.has(t.text.toLowerCase())) ||
      (t.pos === 'PUNCT' && t.text === '-'),
  );
  return determined && nounPhrase ? 'sentence' : 'phrase';
}

/**
 * Rewrite a debrief line about the reader into second person. Pure and idempotent: a line
 * already in second person comes back as it was.
 */
export function toSecondPerson(
  text: string,
  reader: Reader,
  tag: Tagger,
  options: {
    /** "their" not the reader's own becomes "the" (debrief lines: the team's or the company's). */
    theirMeansThe?: boolean;
    /**
     * An object "her"/"him" is the reader even after another person ("my colleague will call
     * her"), and "them"/"their" is singular they for the reader ("intro them to X"): true for
     * promises, which are made to the reader.
     */
    objectIsReader?: boolean;
    /** False when the rest of the line shows "they" is a group ("their incident process…"). */
    theyMayBeReader?: boolean;
  } = {},
): Rewritten {
  const trimmed = text.trim();
  if (!trimmed) return { text: '', unsure: false, kind: 'phrase' };
  const tokens = tag(trimmed);
  const readerAt = new Set<number>();
  const spans = nameSpans(tokens, reader);
  for (const [s, n] of spans) for (let k = 0; k < n; k++) readerAt.add(s + k);
  if (unsureReason(tokens, readerAt, options.objectIsReader))
    return { text: trimmed, unsure: true, kind: kindOf(tokens, tag) };

  const edits = new Edits();
  // The reader's name: "Priya's team" -> "your team"; "Priya showed" -> "you showed".
  for (const [s, n] of spans) {
    const after = tokens[s + n];
    for (let k = 1; k < n; k++) edits.replace.set(s + k, '');
    if (after && after.pos === 'PART' && /^'s$|^’s$/.test(after.text)) {
      // A name is always capitalised: only the opening word of the line makes "Your".
      edits.replace.set(s, s === 0 ? 'Your' : 'your');
      edits.replace.set(s + n, '');
    } else {
      edits.replace.set(s, s === 0 ? 'You' : 'you');
      if (isVerb(after)) agreeFrom(tokens, s + n, edits);
    }
  }
  tokens.forEach((t, i) => {
    if (t.pos !== 'PRON') return;
    const w = t.text.toLowerCase();
    if (w === 'she' || w === 'he') {
      edits.replace.set(i, sameCase(t.text, 'you'));
      agreeFrom(tokens, i + 1, edits);
    } else if (w === 'him') edits.replace.set(i, sameCase(t.text, 'you'));
    else if (w === 'himself' || w === 'herself') edits.replace.set(i, sameCase(t.text, 'yourself'));
    else if (w === 'hers') edits.replace.set(i, sameCase(t.text, 'yours'));
    else if (w === 'his') {
      const next = tokens[i + 1];
      const standalone = !next || next.pos === 'PUNCT' || next.pos === 'ADP' || next.pos === 'CCONJ';
      edits.replace.set(i, sameCase(t.text, standalone ? 'yours' : 'your'));
    } else if (w === 'her')
      edits.replace.set(i, sameCase(t.text, herIsPossessive(tokens, i) ? 'your' : 'you'));
  });

  // Fragments: each clause that opens on a finite verb gets "you" as its subject.
  const starts = clauseStarts(tokens);
  const fragmentClauses: number[] = [];
  starts.forEach((start, c) => {
    const end = starts[c + 1] ?? tokens.length;
    const v = fragmentVerbAt(tokens, start, end);
    // "deploys take 40 minutes": a plural noun the tagger read as a verb, not a fragment.
    if (v === null || (v === start && subjectVerbAt(tokens.slice(0, end), tag, start) !== null)) return;
    // "deploys that fail at night": a plural noun with a relative clause, not "You deploy".
    if (v === start && pluralNoun(tokens[v] as Token) && pluralRelativeAt(tokens.slice(0, end), v + 1, tag))
      return;
    const verb = tokens[v] as Token;
    const first = start === 0 || /[.!?]/.test(tokens[start - 1]?.text ?? '');
    // "thanked her for her time", "loved his story": the reader is the object or owns it, so the
    // one who did it is the user. Only a past verb is open to either subject: "runs her team"
    // agrees with she.
    let lead = v;
    while (lead > start && tokens[lead - 1]?.pos === 'ADV') lead--;
    if (lead < v) edits.replace.set(lead, lower(tokens[lead]));
    const past = isPast(verb) || verb.pos === 'ADJ' || WRITER_AUX.has(lower(verb));
    if (impliedSubject(tokens, v + 1, end) === 'writer' && past) {
      edits.insertBefore.set(lead, 'I');
      // Singular "they" for the reader: "thanked them for their time" -> "thanked you for your time".
      for (let k = v + 1; k < end; k++) {
        const they = THEY_TO_YOU[lower(tokens[k])];
        if (they && tokens[k]?.pos === 'PRON') edits.replace.set(k, sameCase(tokens[k]?.text ?? '', they));
      }
      const commas = joinedVerbCommas(tokens, v + 1, end);
      const last = commas.at(-1);
      if (last !== undefined) edits.replace.set(last, ' and');
      fragmentClauses.push(c);
      return;
    }
    // Before any adverbs that open the fragment: "really liked..." -> "You really liked...".
    edits.insertBefore.set(lead, first ? 'You' : 'you');
    const agreed = agreeWithYou(verb, tokens[v + 1]);
    edits.replace.set(v, agreed ?? verb.text.toLowerCase());
    const commas = joinedVerbCommas(tokens, v + 1, end);
    // "runs the team, writes the docs and reviews every PR": the last comma becomes "and" only
    // when no "and" follows.
    const anded = tokens.slice(v + 1, end).some((t) => t.pos === 'CCONJ');
    commas.forEach((j, k) => {
      const w = fragmentVerbAt(tokens, j + 1, end) as number;
      const verbW = tokens[w] as Token;
      edits.replace.set(w, agreeWithYou(verbW, tokens[w + 1]) ?? verbW.text.toLowerCase());
      // (after a clause of the writer's own, "how I'd shard it", the reader's verb says "you")
      const writerBetween = tokens
        .slice(v + 1, j)
        .some((t) => t.pos === 'PRON' && /^(?:i|we)$/i.test(t.text));
      if (writerBetween) {
        edits.replace.set(j, ', and');
        edits.insertBefore.set(j + 1, 'you');
      } else if (k === commas.length - 1 && !anded) edits.replace.set(j, ' and');
    });
    if (!REPORTING_LEMMAS.has(verb.lemma)) agreeCoordinated(tokens, v + 1, edits); // coordinated verbs
    fragmentClauses.push(c);
  });
  // "You asked X; you liked Y" reads as one sentence: "You asked X, and you liked Y".
  const semicolons = starts.slice(1).map((s) => s - 1);
  if (
    fragmentClauses.length === starts.length &&
    starts.length > 1 &&
    semicolons.every((i) => tokens[i]?.text === ';')
  ) {
    semicolons.forEach((i, k) => {
      edits.replace.set(i, k === semicolons.length - 1 ? ', and' : ',');
    });
  }
  // A promise is made to the reader: "send them the deck" is singular "they", the reader.
  if (options.objectIsReader)
    tokens.forEach((t, i) => {
      const they = THEY_TO_YOU[lower(t)];
      if (they && t.pos === 'PRON' && !edits.replace.has(i)) edits.replace.set(i, sameCase(t.text, they));
    });
  // Singular "they" for the reader ("they showed me the dashboard they built"): "you", unless a
  // plural noun or another person comes first and may be what "they" means ("the deploys are
  // slow because they run serially", "her reports say they are stretched").
  // A line that calls the reader "she" or "he" means someone else by "they" ("she mentioned
  // they're hiring 2 more leads": the company).
  const gendered = tokens.some(
    (t) => t.pos === 'PRON' && (FEMININE.has(lower(t)) || MASCULINE.has(lower(t))),
  );
  // A "their" that is the team's ("walked me through their incident process. they do blameless
  // postmortems") makes "they" the team's too.
  const groupTheir = tokens.some((t, i) => lower(t) === 'their' && t.pos === 'PRON' && !edits.replace.has(i));
  // ...unless "they" did something to the writer: a team does not "show me" its dashboard.
  const toMe = tokens.some(
    (t, i) => lower(t) === 'they' && isVerb(tokens[i + 1]) && /^(?:me|us)$/i.test(tokens[i + 2]?.text ?? ''),
  );
  const groupThey = groupTheir || options.theyMayBeReader === false;
  if (options.theirMeansThe && !gendered && (toMe || !groupThey)) {
    let antecedent = false;
    tokens.forEach((t, i) => {
      if (
        // (a plural the tagger read as a verb counts too: "deploys")
        (t.pos !== 'PRON' && t.pos !== 'AUX' && pluralNoun(t)) ||
        (t.pos === 'NOUN' && OTHER_PEOPLE.has(t.lemma)) ||
        (t.pos === 'PROPN' && !readerAt.has(i))
      )
        antecedent = true;
      const w = lower(t);
      if (antecedent || t.pos !== 'PRON' || edits.replace.has(i)) return;
      if (w === 'they' || w === 'them') edits.replace.set(i, sameCase(t.text, 'you'));
      else if (w === 'themselves') edits.replace.set(i, sameCase(t.text, 'yourself'));
    });
  }
  // Any other "their" in a line about one person is their team's or company's: "the" is always
  // right ("Their AWS bill doubled" -> "The AWS bill doubled"). But a line that opens on the
  // reader's own story, advice or question names it as the note recalls it: "their story about
  // the migration" -> "your story about the migration", not "the story".
  if (options.theirMeansThe)
    tokens.forEach((t, i) => {
      const next = tokens[i + 1];
      if (
        lower(t) === 'their' &&
        !edits.replace.has(i) &&
        next &&
        /^\w/.test(next.text) &&
        next.before !== ''
      ) {
        const own = i === 0 && !gendered && PERSONAL_THINGS.has(headNounAfter(tokens, i + 1));
        edits.replace.set(i, sameCase(t.text, own ? 'your' : 'the'));
      }
    });
  if (edits.replace.size === 0 && edits.insertBefore.size === 0) {
    return { text: trimmed, unsure: false, kind: kindOf(tokens, tag) };
  }
  const out = render(tokens, edits).replace(/ +,/g, ',').replace(/\s+/g, ' ').trim();
  return { text: out, unsure: false, kind: kindOf(tag(out), tag) };
}
