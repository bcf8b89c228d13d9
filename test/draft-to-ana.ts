/**
 * A thank-you to Ana Souza at Kora, drafted with the shipped template from the given debrief notes:
 * the fixture of the draft-wording tests that read one line of a note in its full draft.
 */
import { readFileSync } from 'node:fs';
import { type DraftData, renderDraft } from '../src/core/drafts/render';

export const ANA = { names: ['Ana Souza', 'Ana'] };

/** The shipped thank-you template, as the drafts service reads it. */
export const thankYouTemplate = readFileSync(
  new URL('../templates/thank-you.liquid', import.meta.url),
  'utf8',
);

export function draftToAna(notes: Partial<DraftData['notes']>, variant = 0, addToAnswer = ''): string {
  return renderDraft(
    thankYouTemplate,
    anaDraftData({ notes: { ...NO_NOTES, ...notes }, addToAnswer, variant }),
  ).body;
}

const NO_NOTES: DraftData['notes'] = { memorable: '', topics: '', problem: '', promise: '' };

/** The draft data of a note to Ana at Kora, with some fields changed (another template's tests). */
export function anaDraftData(changes: Partial<DraftData> = {}): DraftData {
  return {
    recipient: { firstName: 'Ana', fullName: 'Ana Souza' },
    company: 'Kora',
    role: 'Staff Engineer',
    round: null,
    interviewDate: 'Tuesday, November 24',
    notes: NO_NOTES,
    addToAnswer: '',
    variant: 0,
    sender: { name: 'Ada Obi', signature: null },
    ...changes,
  };
}
