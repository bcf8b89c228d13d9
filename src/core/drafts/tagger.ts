/**
 * Part-of-speech tagging for the second-person rewrite: the shared English reader (../english.ts,
 * wink-nlp, chosen on measured accuracy: docs/drafts-nlp.md) behind a `Tagger` the rules take as
 * a parameter, so tests and measurements can hand them another.
 */

import { type Token, tokensOf } from '../english';

export type { Token };

/** Splits a text into tagged tokens; joining `before + text` of each gives the text back. */
export type Tagger = (text: string) => Token[];

/** The wink-nlp tagger (POS + lemma). */
export const winkTagger: Tagger = tokensOf;

/**
 * A tagger that tags each distinct text once, for the life of the returned function (one draft):
 * the rules ask about the same clause several times. Callers must not change the tokens.
 */
export function rememberingTags(tag: Tagger): Tagger {
  const seen = new Map<string, Token[]>();
  return (text) => {
    let tokens = seen.get(text);
    if (!tokens) {
      tokens = tag(text);
      seen.set(text, tokens);
    }
    return tokens;
  };
}
