import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HELD_OUT_CASES, SECOND_PERSON_CASES } from './fixtures/second-person-cases';
import { toSecondPerson } from './second-person';
import { winkTagger } from './tagger';

const PRIYA = { names: ['Priya Raman', 'Priya'] };
const rewrite = (text: string) => toSecondPerson(text, PRIYA, winkTagger);

describe('toSecondPerson', () => {
  it.each([...SECOND_PERSON_CASES, ...HELD_OUT_CASES])('%j', (line, expected) => {
    const out = rewrite(line);
    if (expected === null) {
      // Unsure: the words stay as the user wrote them.
      expect(out.text).toBe(line);
    } else {
      expect(out.text).toBe(expected);
      expect(out.unsure).toBe(false);
    }
  });

  it('says when it left a line alone because the referent is unclear', () => {
    expect(rewrite('Her manager Tom said he would call')).toMatchObject({ unsure: true });
    expect(rewrite('she told him about the migration')).toMatchObject({ unsure: true });
    expect(rewrite('gave her slides to the team')).toMatchObject({ unsure: true });
    expect(rewrite('the on-call rotation she redesigned')).toMatchObject({ unsure: false });
  });

  it('tells a whole sentence from a phrase, so templates can frame each', () => {
    expect(rewrite('she showed me the debugger she built').kind).toBe('sentence');
    expect(rewrite('his team runs chaos drills on Fridays').kind).toBe('sentence');
    expect(rewrite("Asked how I'd shard the ledger").kind).toBe('sentence');
    expect(rewrite('the on-call rotation she redesigned').kind).toBe('phrase');
    expect(rewrite('her story about sharding the payments ledger').kind).toBe('phrase');
    expect(rewrite('flaky deploys on Fridays').kind).toBe('phrase');
  });

  it('reads a noun with a relative clause as a phrase, unless the sentence goes on', () => {
    for (const line of [
      'a mobile app release train that keeps slipping',
      'reporting queries that time out at month end',
      'the consumers that fall behind',
      'engineers who leave after a year',
      'a monolith that no team feels it owns',
    ])
      expect(rewrite(line), line).toEqual({ text: line, unsure: false, kind: 'phrase' });
    // a plural the tagger takes for a verb is not a fragment to give "you"
    expect(rewrite('deploys that fail at night')).toEqual({
      text: 'deploys that fail at night',
      unsure: false,
      kind: 'phrase',
    });
    expect(rewrite('the team that owns billing is understaffed').kind).toBe('sentence');
    expect(rewrite('Runs the platform team').text).toBe('You run the platform team');
  });

  const lines = fc.constantFrom(...[...SECOND_PERSON_CASES, ...HELD_OUT_CASES].map(([line]) => line));

  it('is idempotent: a rewritten line rewrites to itself', () => {
    fc.assert(
      fc.property(lines, (line) => {
        const once = rewrite(line).text;
        expect(rewrite(once).text).toBe(once);
      }),
    );
  });

  it('only ever adds second-person words and verb forms: never placeholder-like text', () => {
    const allowed = new Set([
      'you',
      'your',
      'yours',
      'yourself',
      "you're",
      "you've",
      'are',
      'were',
      'have',
      'do',
      "aren't",
      "weren't",
      "haven't",
      "don't",
      'and',
      ',',
    ]);
    const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}']+|,/gu) ?? []);
    fc.assert(
      fc.property(lines, fc.constantFrom('', 'Also ', 'Really '), (line, prefix) => {
        const input = prefix + line;
        const out = rewrite(input).text;
        const before = words(input);
        for (const w of words(out)) {
          if (!before.has(w) && !allowed.has(w)) {
            // A verb made to agree with "you" is the lemma of a word that was there ("runs" -> "run").
            expect(winkTagger(input).some((t) => t.lemma === w)).toBe(true);
          }
        }
        expect(out).not.toMatch(/[[\]{}<>]|\bTBD\b|\bXXX\b|\bTODO\b/);
      }),
    );
  });

  it('never throws and never loses the text on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const out = rewrite(text);
        expect(typeof out.text).toBe('string');
        if (text.trim()) expect(out.text.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves lines about the user or with no reference to the reader unchanged', () => {
    for (const line of [
      'I rambled on the conflict question',
      'the whiteboard session on rate limiting',
      'we both like Rust',
    ]) {
      expect(rewrite(line).text).toBe(line);
    }
  });
});
