/**
 * Singular "they" for the reader, in a note to one person ("they told me about the migration"),
 * told from "they" meaning a group or a plural ("your team… they", "the deploys are slow because
 * they run serially", "Northwind… they"). A warning that fires on a group's "they" teaches the
 * user to ignore the rule, so anything nearby that "they" may mean keeps it quiet.
 */
import type { Sentence, Word } from '../nlp';

/** The third-person plural forms, singular "they" included. */
export const THEY: ReadonlySet<string> = new Set([
  'they',
  'them',
  'their',
  'theirs',
  'themselves',
  'themself',
]);

// Nouns for a group, singular in form: "they" after one is the group's.
const GROUPS = new Set(
  (
    'team org organisation organization company firm business startup group department division unit ' +
    'panel committee board leadership management staff crew squad family office studio side ' +
    'everyone everybody anyone anybody someone somebody nobody whoever people folks ' +
    'both all many several others few each either neither whole audience community ' +
    'guild chapter tribe function'
  ).split(' '),
);

// Plurals that do not end in -s.
const IRREGULAR_PLURALS = new Set([
  'people',
  'men',
  'women',
  'children',
  'data',
  'media',
  'criteria',
  'alumni',
]);

/** A plural noun ("engineers", "deploys"), including one the tagger read as a verb with no subject. */
function plural(words: Sentence, i: number): boolean {
  const w = words[i] as Word;
  if (IRREGULAR_PLURALS.has(w.norm)) return true;
  if (!/[^s]s$/.test(w.norm) || w.lemma === w.norm) return false;
  if (w.pos === 'NOUN' || w.pos === 'PROPN') return true;
  // "the deploys", "that deploys are slow": a verb the tagger made of a plural noun has no
  // subject before it; "the pipeline runs", "it makes" do.
  // A finite verb right after it makes it the subject: "that deploys are slow".
  const before = words[i - 1];
  const after = words[i + 1];
  if (w.pos !== 'VERB') return false;
  return (
    before === undefined ||
    !['NOUN', 'PROPN', 'PRON'].includes(before.pos) ||
    (after !== undefined && (after.pos === 'AUX' || after.pos === 'VERB'))
  );
}

/**
 * Is there anything in these sentences a "they" may mean other than the reader: a group word, a
 * plural noun, or the company (`companies`: its name's words, folded)?
 */
export function groupNearby(stretch: readonly Sentence[], companies: readonly string[]): boolean {
  return stretch.some((words) =>
    words.some(
      (w, i) => GROUPS.has(w.norm) || GROUPS.has(w.lemma) || plural(words, i) || companies.includes(w.norm),
    ),
  );
}

// "as they say", "what they call…", "they say": nobody in particular.
const GENERIC_BEFORE = new Set(['as', 'what']);

/** A "they" of nobody in particular ("as they say", "what they call a…"). */
export function genericThey(words: Sentence, i: number): boolean {
  // "they said the team is growing" is what the reader told you: only the present is a saying.
  const next = words[i + 1]?.norm ?? '';
  const before = words[i - 1]?.norm ?? '';
  return words[i]?.norm === 'they' && (next === 'say' || (GENERIC_BEFORE.has(before) && next === 'call'));
}
