/**
 * The checker's view of English, through compromise: sentences of normalized words with their
 * spans, contractions expanded ("I'd" -> "i would", "haven't" -> "have not") and each word's
 * lemma ("begging" -> "beg", "updates" -> "update"), so rules match an idea in its many wordings
 * rather than one fixed string.
 *
 * compromise's tokenizer (no tagging) is used per note: it splits sentences, normalizes case,
 * accents and curly quotes and expands contractions in ~4 ms for 250 words, where a full tagged
 * parse costs ~30 ms on this machine — too slow for a check after every pause in typing. Lemmas
 * come from a table compromise builds once, by conjugating and pluralizing the vocabulary the
 * rules speak about (`lemmaVocabulary`).
 */
import nlp from 'compromise';

/** A word as the rules see it: normalized form, lemma and its span in the text. */
export interface Word {
  /** Lower case, accents folded, curly apostrophes straightened ("I’m" -> "i"; the "am" is the next word). */
  norm: string;
  /** The dictionary form for the vocabulary the rules use ("begged" -> "beg"), else `norm`. */
  lemma: string;
  start: number;
  end: number;
}

export type Sentence = Word[];

// Words whose every inflection the rules must recognise, as verbs and as nouns.
const VERBS =
  'beg plead need hear bother pester bug trouble nag chase hassle spam wait follow check give let do take mean ' +
  'respond reply answer get know hire promise disappoint regret want email write reach message ping call ' +
  'contact send mention say apologize apologise lose afford expect require decide show build tell ask ' +
  'explain walk describe share help lead run design talk work love';
const NOUNS =
  'update answer response reply decision chance shot job role position offer opportunity news word hope ' +
  'email message time apology';
// Irregular forms compromise's conjugation does not list as such.
const IRREGULAR: Readonly<Record<string, string>> = {
  am: 'be',
  is: 'be',
  are: 'be',
  was: 'be',
  were: 'be',
  been: 'be',
  being: 'be',
  "'m": 'be',
  "'re": 'be',
  has: 'have',
  had: 'have',
  having: 'have',
  does: 'do',
  did: 'do',
  done: 'do',
  doing: 'do',
  gotten: 'get',
  apologies: 'apology',
};

let lemmas: Map<string, string> | null = null;

/** The lemma table, built once from compromise's conjugations and plurals. */
function lemmaTable(): Map<string, string> {
  if (lemmas) return lemmas;
  const table = new Map<string, string>(Object.entries(IRREGULAR));
  for (const verb of VERBS.split(' ')) {
    // Tagged first: alone, "mean" or "pester" would not be read as a verb.
    const doc = nlp(verb);
    doc.tag('Verb');
    for (const forms of doc.verbs().conjugate()) {
      for (const form of Object.values(forms)) {
        // "will beg" is the future tense: only single words are inflections.
        if (typeof form === 'string' && !form.includes(' ')) table.set(form.toLowerCase(), verb);
      }
    }
    table.set(verb, verb);
  }
  for (const noun of NOUNS.split(' ')) {
    const doc = nlp(noun);
    doc.tag('Singular');
    table.set(doc.nouns().toPlural().text().toLowerCase(), noun);
    table.set(noun, noun);
  }
  lemmas = table;
  return table;
}

let lexicon: object | null = null;

/** compromise's word list (`model().one.lexicon`), read through its untyped model. */
function loadLexicon(): object {
  const model = nlp.model();
  const one = 'one' in model ? model.one : null;
  const found = one && typeof one === 'object' && 'lexicon' in one ? one.lexicon : null;
  return found && typeof found === 'object' ? found : {};
}

/** True for a word compromise's English lexicon knows ("global", "united", "square"). */
export function isCommonWord(word: string): boolean {
  lexicon ??= loadLexicon();
  return Object.hasOwn(lexicon, word.toLowerCase());
}

/** The lemma of a normalized word, for the rules' vocabulary; other words are their own lemma. */
export const lemmaOf = (norm: string): string => lemmaTable().get(norm) ?? norm;

// "I'd", "she'd": compromise leaves these whole ("'d" is "would" or "had"); in a note they are
// almost always "would" ("I'd love to", "I'd do anything").
const WOULD = /^(i|you|he|she|we|they|it|that|who|there)'d$/;
// "it's", "that's": compromise keeps only the first word of these.
const IS = /^(it|that|he|she|what|there|here|who|this)'s$/;

const straight = (s: string): string => s.replace(/[’‘]/g, "'");

let lastText: string | null = null;
let lastSentences: Sentence[] = [];

/**
 * The text's sentences of words. Remembers the last text, since several rules read the same note.
 */
export function sentences(text: string): Sentence[] {
  if (text === lastText) return lastSentences;
  const out: Sentence[] = [];
  // The terms' pre + text + post spell the text exactly, so offsets are a running sum (cheaper
  // than asking compromise for them through .json()).
  let pos = 0;
  for (const terms of nlp.tokenize(text).docs) {
    const words: Word[] = [];
    let prev = { start: pos, end: pos };
    for (const t of terms) {
      pos += t.pre.length;
      // An expanded contraction's second word ("not" of "haven't") has no text: it shares the span.
      const span = t.text === '' ? prev : { start: pos, end: pos + t.text.length };
      pos += t.text.length + t.post.length;
      const raw = straight(t.normal || t.text.toLowerCase());
      const push = (norm: string) => {
        if (norm) words.push({ norm, lemma: lemmaOf(norm), start: span.start, end: span.end });
      };
      const would = WOULD.exec(raw);
      const is = IS.exec(raw);
      if (would?.[1]) {
        push(would[1]);
        push('would');
      } else if (is?.[1]) {
        push(is[1]);
        push('is');
      } else {
        push(straight(expanded(t) ?? raw).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
      }
      prev = span;
    }
    if (words.length) out.push(words);
  }
  lastText = text;
  lastSentences = out;
  return out;
}

/** The word compromise reads a contraction's part as ("have" of "haven't"), if it expanded one. */
function expanded(t: object): string | undefined {
  const machine = 'machine' in t && typeof t.machine === 'string' ? t.machine : undefined;
  const implicit = 'implicit' in t && typeof t.implicit === 'string' ? t.implicit : undefined;
  return machine || implicit || undefined;
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
