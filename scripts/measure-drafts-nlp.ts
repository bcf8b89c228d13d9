/**
 * The measurement behind docs/drafts-nlp.md: the same second-person rules driven by two taggers,
 * wink-nlp (what Afterview ships) and compromise, scored on the realistic debrief lines in
 * src/core/drafts/fixtures/second-person-cases.ts. A case passes when the rewrite is exactly the
 * expected text, or, for a line that must stay as written, when it does.
 *
 *   npx tsx scripts/measure-drafts-nlp.ts
 *
 * It needs compromise, which Afterview itself does not use; delete this script if that
 * dev-only comparison dependency is removed.
 */
import nlp from 'compromise';
import { HELD_OUT_CASES, SECOND_PERSON_CASES } from '../src/core/drafts/fixtures/second-person-cases';
import { toSecondPerson } from '../src/core/drafts/second-person';
import type { Tagger, Token } from '../src/core/drafts/tagger';
import { winkTagger } from '../src/core/drafts/tagger';

interface CompromiseTerm {
  pre: string;
  text: string;
  post: string;
  root?: string | null;
  implicit?: string | null;
  normal: string;
  tags: string[];
}

const CONTRACTION_LEMMA: Record<string, string> = {
  is: 'be',
  are: 'be',
  has: 'have',
  have: 'have',
  would: 'would',
  will: 'will',
  not: 'not',
  am: 'be',
  had: 'have',
  does: 'do',
  did: 'do',
};

function uposOf(tags: string[]): string {
  const has = (t: string) => tags.includes(t);
  if (has('Pronoun')) return 'PRON';
  if (has('Copula') || has('Auxiliary') || has('Modal')) return 'AUX';
  if (has('Verb')) return 'VERB';
  if (has('ProperNoun') || has('Person')) return 'PROPN';
  if (has('Value')) return 'NUM';
  if (has('Noun')) return 'NOUN';
  if (has('Adjective')) return 'ADJ';
  if (has('Adverb')) return 'ADV';
  if (has('Determiner')) return 'DET';
  if (has('Preposition')) return 'ADP';
  if (has('Conjunction')) return 'CCONJ';
  if (has('Negative')) return 'PART';
  return 'X';
}

/** compromise's terms as the same token stream the rules read (contractions and 's split). */
const compromiseTagger: Tagger = (text) => {
  const doc = nlp(text);
  doc.compute('root');
  // `root` is computed above; the typings of json() do not list it, so pass the options as a value.
  const options = { terms: { root: true, implicit: true } };
  const terms = doc.json(options).flatMap((s: { terms: CompromiseTerm[] }) => s.terms);
  const out: Token[] = [];
  let pending = '';
  terms.forEach((t: CompromiseTerm, i: number) => {
    const next = terms[i + 1];
    const pos = uposOf(t.tags);
    let word = t.text;
    let suffix: Token | null = null;
    if (next && next.text === '' && next.implicit && /['’]/.test(word)) {
      const cut = word.search(/['’]/);
      suffix = {
        text: word.slice(cut),
        pos: uposOf(next.tags),
        lemma: CONTRACTION_LEMMA[next.implicit] ?? next.implicit,
        before: '',
      };
      word = word.slice(0, cut);
    } else if (t.tags.includes('Possessive') && /['’]s$/.test(word) && pos !== 'PRON') {
      suffix = { text: word.slice(-2), pos: 'PART', lemma: "'s", before: '' };
      word = word.slice(0, -2);
    }
    if (word !== '')
      out.push({ text: word, pos, lemma: (t.root ?? t.normal).toLowerCase(), before: pending + t.pre });
    pending = '';
    if (suffix) out.push(suffix);
    const punct = t.post.trim();
    const trailing = t.post.slice(t.post.length - (t.post.length - t.post.trimEnd().length));
    if (punct) for (const ch of punct) out.push({ text: ch, pos: 'PUNCT', lemma: ch, before: '' });
    pending += punct ? trailing : t.post;
  });
  return out;
};

const reader = { names: ['Priya', 'Priya Raman'] };

function measure(label: string, cases: ReadonlyArray<readonly [string, string | null]>): void {
  const rows: string[] = [];
  const score = { wink: 0, compromise: 0 };
  const ms = { wink: 0, compromise: 0 };
  for (const [input, want] of cases) {
    const expected = want ?? input;
    const results = { wink: '', compromise: '' };
    for (const [k, tagger] of [
      ['wink', winkTagger],
      ['compromise', compromiseTagger],
    ] as const) {
      const t0 = performance.now();
      results[k] = toSecondPerson(input, reader, tagger).text;
      ms[k] += performance.now() - t0;
      if (results[k] === expected) score[k]++;
    }
    if (results.wink !== expected || results.compromise !== expected) {
      rows.push(
        `| ${input} | ${results.wink === expected ? 'ok' : results.wink} | ${results.compromise === expected ? 'ok' : results.compromise} |`,
      );
    }
  }
  const n = cases.length;
  console.log(
    `\n${label}: wink-nlp ${score.wink}/${n} (${(ms.wink / n).toFixed(2)} ms/line); compromise ${score.compromise}/${n} (${(ms.compromise / n).toFixed(2)} ms/line)`,
  );
  console.log('| line | wink-nlp | compromise |\n| --- | --- | --- |');
  console.log(rows.join('\n'));
}

// Warm both libraries up first, so neither pays its load time inside the per-line figure.
winkTagger('warm up');
compromiseTagger('warm up');
measure('development cases', SECOND_PERSON_CASES);
measure('held-out cases', HELD_OUT_CASES);
