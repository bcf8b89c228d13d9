/**
 * wink-nlp keeps every word it reads that its model does not know, for the life of the instance:
 * the shared instance is replaced once it has learnt a bounded number, so a long-running server
 * does not grow with every distinct word of every note. (Measured in docs/drafts-nlp.md.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import { NEW_WORD_LIMIT, setNewWordLimit, tokensOf, vocabularyStats, wordAlone } from './english';

const made = (i: number) =>
  `zq${i.toString(36)}x${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + ((i * 7) % 26))}`;

describe('the shared English model stays bounded', () => {
  afterAll(() => setNewWordLimit(NEW_WORD_LIMIT));

  it('replaces the instance after the limit of new words, many times over, and still tags right', () => {
    setNewWordLimit(40);
    tokensOf('warm up');
    const first = vocabularyStats().instances;
    let n = 0;
    // 30 replacements: the model's own loader broke on the ~16th instance before it was wrapped.
    for (let round = 0; round < 30; round++) {
      const words = Array.from({ length: 50 }, () => made(n++));
      tokensOf(`We talked about ${words.join(' ')}.`);
      expect(vocabularyStats().newWords).toBeLessThanOrEqual(40);
    }
    expect(vocabularyStats().instances - first).toBeGreaterThanOrEqual(29);
    const tags = tokensOf('she showed me the debugger she built').map((t) => `${t.text}/${t.pos}`);
    expect(tags).toEqual([
      'she/PRON',
      'showed/VERB',
      'me/PRON',
      'the/DET',
      'debugger/NOUN',
      'she/PRON',
      'built/VERB',
    ]);
    expect(wordAlone('umbrella')).toEqual({ pos: 'NOUN', known: true });
    expect(wordAlone(made(n + 1)).known).toBe(false);
  });

  it('a word it knows counts as known in every instance', () => {
    setNewWordLimit(5);
    for (let i = 0; i < 10; i++) {
      tokensOf(Array.from({ length: 10 }, (_, k) => made(1000 + i * 10 + k)).join(' '));
      expect(wordAlone('wide').known).toBe(true);
    }
  });
});
