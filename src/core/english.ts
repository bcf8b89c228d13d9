/**
 * Afterview's one English NLP library: wink-nlp with its English lite model, shared by the
 * drafts' second-person rewrite (drafts/tagger.ts) and the note checker (checker/nlp.ts), so both
 * read a sentence the same way and the app ships one model. Chosen on measured accuracy and speed:
 * docs/drafts-nlp.md.
 *
 * The model is a plain in-memory object, so this stays pure. It is built on first use because
 * loading it costs ~0.5 s, which only code that drafts or checks a note should pay (the CLI
 * imports those lazily).
 */

import englishModel from 'wink-eng-lite-web-model';
import winkNLP, { type ItsFunction, type Model, type WinkMethods } from 'wink-nlp';

// The model's custom-entity loader re-serialises its own module-level data on every call
// (`machines = JSON.stringify(machines)`), so each new instance would get a string twice as
// escaped as the last, and the ~16th instance throws "Invalid string length". Its first result is
// kept and handed to every instance; the other loaders return fresh or unchanged data.
let metaCER: unknown = null;
const model: Model = {
  ...englishModel,
  metaCER: () => {
    if (metaCER === null && typeof englishModel.metaCER === 'function') metaCER = englishModel.metaCER();
    return metaCER;
  },
};

/** One token: its text, Universal POS tag, lemma, normal form, and the whitespace before it. */
export interface Token {
  text: string;
  /** Universal Dependencies POS (PRON, VERB, AUX, NOUN, PROPN, ADJ, ADV, DET, ADP, PUNCT, ...). */
  pos: string;
  /** Lower-case dictionary form ("runs" -> "run", "'s" -> "be" or "have"). */
  lemma: string;
  /** Lower case; a contraction's part spelled out ("n't" -> "not", "'d" -> "would", "ca" -> "can"). */
  normal: string;
  /** Part of a contraction wink-nlp split ("ca" and "n't" of "can't", "I" and "'d" of "I'd"). */
  contraction: boolean;
  /** Whitespace before the token in the original text. */
  before: string;
}

let nlp: WinkMethods | null = null;
// wink-nlp numbers the model's own words first and gives each word it meets that the model does
// not know the next number after them: read before any other text, a made-up word gets the first
// of those numbers, and every word the model knows has a smaller one.
let firstUnknownId = 0;

/**
 * How many words the model did not know an instance may learn before it is replaced. wink-nlp
 * keeps every new word it reads for the life of the instance (~160 bytes of heap each: 100,000
 * distinct words cost 16 MB of heap and 80 MB of RSS), which a long-running server would pay
 * forever. A fresh instance starts from the model's own words again; building one costs ~0.2 s,
 * so with a few new words per note this happens once in thousands of checks.
 */
export const NEW_WORD_LIMIT = 20_000;
let newWordLimit = NEW_WORD_LIMIT;

/** Change the limit (tests replace the instance many times without reading 20,000 words each). */
export function setNewWordLimit(limit: number): void {
  newWordLimit = Math.max(1, Math.floor(limit));
}

/** How many new words the current instance has learnt, and how many instances were made. */
export function vocabularyStats(): { newWords: number; instances: number } {
  return { newWords: nlp ? learnt : 0, instances };
}
let learnt = 0;
let instances = 0;

/** Note the largest word number a text used; past the limit, the instance is let go. */
function noteLearnt(ids: readonly unknown[]): void {
  let top = 0;
  for (const id of ids) if (typeof id === 'number' && id > top) top = id;
  if (top >= firstUnknownId) learnt = Math.max(learnt, top - firstUnknownId + 1);
  if (learnt > newWordLimit) {
    nlp = null;
    learnt = 0;
    alone.clear();
  }
}

/** The shared wink-nlp instance (sentence boundaries and POS tags), created on first use. */
function english(): WinkMethods {
  if (!nlp) {
    instances++;
    // 'sentiment' scores words from the model's lexicon: the drafts tell a verdict on the chat
    // ("fun chat") from a description of it ("awkward chat") by it.
    nlp = winkNLP(model, ['sbd', 'pos', 'sentiment']);
    const probe = nlp.readDoc('qzxvqzxvq').tokens().out(nlp.its.uniqueId)[0];
    firstUnknownId = typeof probe === 'number' ? probe : 0;
  }
  return nlp;
}

/**
 * The text's sentences of tagged tokens; joining `before + text` of every token gives the text
 * back (wink-nlp keeps contractions' parts as the written text: "ca" + "n't").
 */
export function tokenSentences(text: string): Token[][] {
  const { its, readDoc } = english();
  const doc = readDoc(text);
  const tokens = doc.tokens();
  const values = tokens.out(its.value);
  const pos = tokens.out(its.pos);
  const normals = tokens.out(its.normal);
  const contracted = tokens.out(its.contractionFlag);
  // wink-nlp's typings declare `its.lemma` with the model-addon signature that `out` does not
  // accept, though `out` is how its documentation reads lemmas; the value is a string per token.
  const lemmas = tokens.out(its.lemma as unknown as ItsFunction<string>);
  const spaces = tokens.out(its.precedingSpaces);
  noteLearnt(tokens.out(its.uniqueId));
  const all = values.map(
    (value, i): Token => ({
      text: value,
      pos: pos[i] ?? 'X',
      // A lemma wink-nlp cannot give ("cannot") is the word itself.
      lemma: (lemmas[i] ?? normals[i] ?? value).toLowerCase(),
      // Only a contraction's part: wink-nlp's other normal forms rewrite words ("CD" -> "could").
      normal: (contracted[i] ? (normals[i] ?? value) : value).toLowerCase(),
      contraction: contracted[i] === true,
      before: spaces[i] ?? '',
    }),
  );
  const out: Token[][] = [];
  for (const [first, last] of doc.sentences().out(its.span)) {
    if (typeof first === 'number' && typeof last === 'number') out.push(all.slice(first, last + 1));
  }
  // Whitespace after the last sentence is no token: nothing is lost by it.
  return out;
}

/** The text as one run of tagged tokens. */
export const tokensOf = (text: string): Token[] => tokenSentences(text).flat();

const alone = new Map<string, { pos: string; known: boolean }>();

/**
 * A word on its own, in lower case: the tag wink-nlp gives it ("wide" ADJ, "umbrella" NOUN), and
 * whether its model knows the word at all ("initech", "spotify" it does not; it guesses their tag).
 */
export function wordAlone(word: string): { pos: string; known: boolean } {
  const key = word.toLowerCase();
  let found = alone.get(key);
  if (!found) {
    const { its, readDoc } = english();
    const tokens = readDoc(key).tokens();
    const ids = tokens.out(its.uniqueId);
    const id = ids[0];
    noteLearnt(ids);
    found = {
      pos: tokens.out(its.pos)[0] ?? 'X',
      known: tokens.length() === 1 && typeof id === 'number' && id < firstUnknownId,
    };
    // Bounded like the model's own vocabulary: this map also grows with every distinct word.
    if (alone.size >= newWordLimit) alone.clear();
    alone.set(key, found);
  }
  return found;
}

/**
 * How positive the text is, from -1 to 1, by the model's sentiment lexicon ("fun" 0.8, "useful"
 * 0.5, "long" 0, "awkward" -0.27).
 */
export function sentimentOf(text: string): number {
  const { its, readDoc } = english();
  const doc = readDoc(text);
  noteLearnt(doc.tokens().out(its.uniqueId));
  const score = doc.out(its.sentiment);
  return typeof score === 'number' ? score : 0;
}
