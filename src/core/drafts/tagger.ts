/**
 * Part-of-speech tagging for the second-person rewrite, by wink-nlp with its English lite model
 * (chosen over compromise on measured accuracy: docs/drafts-nlp.md). The model is a plain
 * in-memory object, so this stays pure; it is built on first use because loading it costs
 * ~0.5 s, which only drafting should pay.
 */

import model from 'wink-eng-lite-web-model';
import winkNLP, { type ItsFunction, type WinkMethods } from 'wink-nlp';

/** One token: its text, Universal POS tag, lemma, and the whitespace before it. */
export interface Token {
  text: string;
  /** Universal Dependencies POS (PRON, VERB, AUX, NOUN, PROPN, ADJ, ADV, DET, ADP, PUNCT, ...). */
  pos: string;
  /** Lower-case dictionary form ("runs" -> "run", "'s" -> "be" or "have"). */
  lemma: string;
  /** Whitespace before the token in the original text. */
  before: string;
}

/** Splits a text into tagged tokens; joining `before + text` of each gives the text back. */
export type Tagger = (text: string) => Token[];

let nlp: WinkMethods | null = null;

/** The wink-nlp tagger (POS + lemma). */
export const winkTagger: Tagger = (text) => {
  nlp ??= winkNLP(model, ['sbd', 'pos']);
  const its = nlp.its;
  const tokens = nlp.readDoc(text).tokens();
  const values = tokens.out(its.value);
  const pos = tokens.out(its.pos);
  // wink-nlp's typings declare `its.lemma` with the model-addon signature that `out` does not
  // accept, though `out` is how its documentation reads lemmas; the value is a string per token.
  const lemmas = tokens.out(its.lemma as unknown as ItsFunction<string>);
  const spaces = tokens.out(its.precedingSpaces);
  return values.map((value, i) => ({
    text: value,
    pos: pos[i] ?? 'X',
    lemma: (lemmas[i] ?? value).toLowerCase(),
    before: spaces[i] ?? '',
  }));
};
