/**
 * Debriefs typed on a phone in the lobby: lower case, shorthand, emoji, run-on lines, a name for
 * a label. Each case is a line found reading drafts of such debriefs as their recipient would,
 * with the exact wording the note must now have.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addToAnswerFor, type DraftData, renderDraft } from './render';
import { toSecondPerson } from './second-person';
import { expandShorthand } from './shorthand';
import { winkTagger } from './tagger';

const ANA = { names: ['Ana Souza', 'Ana'] };
const template = readFileSync(new URL('../../../templates/thank-you.liquid', import.meta.url), 'utf8');

function draft(notes: Partial<DraftData['notes']>, variant = 0, addToAnswer = ''): string {
  return renderDraft(template, {
    recipient: { firstName: 'Ana', fullName: 'Ana Souza' },
    company: 'Kora',
    role: 'Staff Engineer',
    round: null,
    interviewDate: 'Tuesday, November 24',
    notes: { memorable: '', topics: '', problem: '', promise: '', ...notes },
    addToAnswer,
    variant,
    sender: { name: 'Ada Obi', signature: null },
  }).body;
}

describe('the point to add to an answer, in the note of the reader it is for', () => {
  it.each([
    ['Ana: should have mentioned idempotency keys', 'I should have mentioned idempotency keys.'],
    ['ana - forgot to say we used the outbox pattern', 'I forgot to say we used the outbox pattern.'],
    [
      "On Ana's question about retries, I'd use idempotency keys",
      "On your question about retries, I'd use idempotency keys.",
    ],
    [
      'when she asked about retries i should have said idempotency keys',
      'When you asked about retries, I should have said idempotency keys.',
    ],
    [
      "i'd add that i ran the 2023 reorg w/o losing anyone",
      "I'd add that I ran the 2023 reorg without losing anyone.",
    ],
  ])('%j -> %j', (typed, expected) => {
    expect(addToAnswerFor(typed, ANA, winkTagger)).toBe(expected);
  });

  it('reads in the note after its lead-in', () => {
    expect(draft({}, 0, 'Ana: should have mentioned idempotency keys')).toContain(
      'Looking back, I would like to add one thing to my answers. I should have mentioned idempotency keys.',
    );
  });
});

describe('lower case and names', () => {
  it('"i" typed for "I" is "I", and "i.e." stays', () => {
    expect(expandShorthand("asked how i handle underperformers, i'd say i.e. coaching first")).toBe(
      "asked how I handle underperformers, I'd say i.e. coaching first",
    );
  });

  it('the reader\'s name with \'s inside a line is "your", not "Your"', () => {
    expect(toSecondPerson("I loved Ana's story about the migration", ANA, winkTagger).text).toBe(
      'I loved your story about the migration',
    );
    expect(toSecondPerson("Ana's story about the migration", ANA, winkTagger).text).toBe(
      'Your story about the migration',
    );
  });
});
