/**
 * The checker's view of English, through the shared wink-nlp reader (../english.ts, the same one
 * the drafts use): sentences of normalized words with their spans, contractions expanded ("I'd" ->
 * "i would", "haven't" -> "have not") and each word's lemma ("begging" -> "beg", "updates" ->
 * "update"), so rules match an idea in its many wordings rather than one fixed string.
 *
 * wink-nlp tags and lemmatizes a 250-word note in ~1-4 ms of CPU once its model is loaded, fast
 * enough to check after every pause in typing; its lemmas come from the tagged context, so no
 * vocabulary list is needed.
 */
import { tokenSentences, wordAlone } from '../english';
import { fold } from './text';

/** A word as the rules see it: normalized form, lemma and its span in the text. */
export interface Word {
  /** Lower case, accents folded, curly apostrophes straightened ("I’m" -> "i"; the "am" is the next word). */
  norm: string;
  /** The dictionary form ("begged" -> "beg", "was" -> "be"), else `norm`. */
  lemma: string;
  /** Universal POS tag from the tagged context ("PRON", "NOUN", "VERB"...); a contraction's parts share it. */
  pos: string;
  start: number;
  end: number;
}

export type Sentence = Word[];

/**
 * True for an everyday English word ("global", "wide", "united", "square") or a known place or
 * name ("jordan"): a word wink-nlp's model knows and tags, on its own, as anything but a common
 * noun. A noun ("acme", "umbrella") or a word it has never seen ("initech", "spotify") can stand
 * for a company.
 */
export function isCommonWord(word: string): boolean {
  const { pos, known } = wordAlone(word);
  return known && pos !== 'NOUN';
}

// Words the rules speak about, as verbs and as nouns: where wink-nlp leaves an inflection of one
// as it is (a word it does not know, "pestered"; a gerund read as a noun, "the begging"), the
// regular ending is taken off.
const VOCABULARY = new Set(
  (
    'beg plead need hear bother pester bug trouble nag chase hassle spam wait follow check give let do take mean ' +
    'respond reply answer get know hire promise disappoint regret want email write reach message ping call ' +
    'contact send mention say apologize apologise lose afford expect require decide show build tell ask ' +
    'explain walk describe share help lead run design talk work love update response decision chance shot ' +
    'job role position offer opportunity news word hope time apology'
  ).split(' '),
);

/** "pestered" -> "pester", "begging" -> "beg", "apologies" -> "apology", for the vocabulary only. */
function regularBase(word: string): string | null {
  const m = /^(.+?)(ies|ied|es|ed|ing|s|d)$/.exec(word);
  if (!m?.[1]) return null;
  const stem = m[1];
  const candidates = [stem, `${stem}e`, stem.slice(0, -1), `${stem}y`];
  return candidates.find((c) => VOCABULARY.has(c)) ?? null;
}

const lemmaFor = (norm: string, lemma: string): string =>
  lemma !== norm || VOCABULARY.has(norm) ? lemma : (regularBase(norm) ?? lemma);

/** The lemma of a word read on its own ("begging" -> "beg"); in a note, context decides. */
export const lemmaOf = (norm: string): string => sentences(norm)[0]?.[0]?.lemma ?? norm;

// Contractions wink-nlp leaves whole ("I'm", "Priya's"), and what their second part says.
const CONTRACTED = /^([a-z]+)'(m|re|ve|ll|d|s)$/;
const SECOND: Readonly<Record<string, [string, string]>> = {
  m: ['am', 'be'],
  re: ['are', 'be'],
  ve: ['have', 'have'],
  ll: ['will', 'will'],
  // "'d" is "would" or "had"; in a note it is almost always "would" ("I'd love to").
  d: ['would', 'would'],
};
// "it's", "that's": "is"; any other "'s" ("Priya's") is a possessive, and the word is the name.
const IS_BEFORE = new Set('it that he she what there here who this where how'.split(' '));

const EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const clean = (s: string): string => fold(s).replace(/[’‘]/g, "'").replace(EDGES, '');

let lastText: string | null = null;
let lastSentences: Sentence[] = [];

/**
 * The text's sentences of words; a line break ends a sentence too (a greeting, a sign-off).
 * Remembers the last text, since several rules read the same note.
 */
export function sentences(text: string): Sentence[] {
  if (text === lastText) return lastSentences;
  const out: Sentence[] = [];
  let words: Word[] = [];
  const close = () => {
    if (words.length) out.push(words);
    words = [];
  };
  // Straight apostrophes read the same to wink-nlp whichever the user typed; same length, same spans.
  let pos = 0;
  for (const tokens of tokenSentences(text.replace(/[’‘]/g, "'"))) {
    const spans = tokens.map((t) => {
      pos += t.before.length;
      const span = { start: pos, end: pos + t.text.length };
      pos = span.end;
      return span;
    });
    tokens.forEach((t, i) => {
      if (t.before.includes('\n') || t.text.includes('\n')) close();
      // Each word of a contraction spans all of it, as written ("haven't" for "have" and "not").
      let [first, last] = [i, i];
      while (tokens[first]?.contraction && tokens[first - 1]?.contraction && !tokens[first]?.before) first--;
      while (tokens[last]?.contraction && tokens[last + 1]?.contraction && !tokens[last + 1]?.before) last++;
      const start = spans[first]?.start ?? 0;
      const end = spans[last]?.end ?? start;
      const push = (norm: string, lemma: string) => {
        if (norm) words.push({ norm, lemma: lemma || norm, pos: t.pos, start, end });
      };
      const norm = clean(t.normal);
      const whole = CONTRACTED.exec(norm);
      if (norm === 'cannot') {
        push('can', 'can');
        push('not', 'not');
      } else if (whole?.[1] && whole[2]) {
        const [word, part] = [whole[1], whole[2]];
        const expanded = part === 's' ? (IS_BEFORE.has(word) ? ['is', 'be'] : null) : SECOND[part];
        push(word, word);
        if (expanded) push(expanded[0] ?? '', expanded[1] ?? '');
      } else if (t.normal !== "'s") {
        // A possessive's "'s" ("Priya's") says nothing the rules read.
        push(norm, lemmaFor(norm, clean(t.lemma)));
      }
    });
    close();
  }
  lastText = text;
  lastSentences = out;
  return out;
}

/**
 * A phrase pattern over lemmas: words separated by spaces; `a|b` is either; a trailing `?`
 * makes a slot optional; `*N` skips up to N words; a leading `^` anchors it to the sentence start
 * and `$` stands for its end. A slot matches a word's lemma or its form.
 */
export interface Pattern {
  /** Written with a leading `^`: matches at the start of a sentence only. */
  anchored: boolean;
  slots: Array<{ words: ReadonlySet<string>; optional: boolean } | { skip: number } | { end: true }>;
}

/** Compile `i would|will *1 do anything|whatever`. */
export function pattern(source: string): Pattern {
  const parts = source.trim().split(/\s+/);
  const anchored = parts[0] === '^';
  return {
    anchored,
    slots: (anchored ? parts.slice(1) : parts).map((slot) => {
      if (slot === '$') return { end: true as const };
      const skip = /^\*(\d+)$/.exec(slot);
      if (skip) return { skip: Number(skip[1]) };
      const optional = slot.endsWith('?');
      return { words: new Set(slot.replace(/\?$/, '').split('|')), optional };
    }),
  };
}

function matchFrom(p: Pattern, words: Sentence, slot: number, at: number): number | null {
  if (slot === p.slots.length) return at;
  const s = p.slots[slot];
  if (!s) return at;
  if ('end' in s) return at === words.length ? matchFrom(p, words, slot + 1, at) : null;
  if ('skip' in s) {
    for (let n = 0; n <= s.skip && at + n <= words.length; n++) {
      const end = matchFrom(p, words, slot + 1, at + n);
      if (end !== null) return end;
    }
    return null;
  }
  const w = words[at];
  if (w && (s.words.has(w.lemma) || s.words.has(w.norm))) {
    const end = matchFrom(p, words, slot + 1, at + 1);
    if (end !== null) return end;
  }
  return s.optional ? matchFrom(p, words, slot + 1, at) : null;
}

/** Every place in the sentence the pattern matches: indices of its first and last word. */
export function matches(p: Pattern, words: Sentence): Array<{ first: number; last: number }> {
  const out: Array<{ first: number; last: number }> = [];
  const head = p.slots[0];
  // Most words cannot start the pattern: test the first slot before any recursion.
  const first = head && 'words' in head && !head.optional ? head.words : null;
  for (let i = 0; i < (p.anchored ? Math.min(1, words.length) : words.length); i++) {
    const w = words[i];
    if (first && w && !first.has(w.lemma) && !first.has(w.norm)) continue;
    const end = matchFrom(p, words, 0, i);
    // A pattern that can match nothing (all optional) says nothing.
    if (end !== null && end > i) {
      out.push({ first: i, last: end - 1 });
      i = end - 1;
    }
  }
  return out;
}
