/**
 * The measurement behind docs/drafts-nlp.md, for the one NLP library Afterview ships (wink-nlp,
 * through src/core/english.ts):
 * - the drafts: the second-person rules scored on the realistic debrief lines in
 *   src/core/drafts/fixtures/second-person-cases.ts (a case passes when the rewrite is exactly the
 *   expected text, or, for a line that must stay as written, when it does), with time per line;
 * - the checker: the cost of the first check in this fresh process (the model loads then) and
 *   the CPU time of a warm check of a fresh 250-word note, as a user typing causes.
 *
 *   npx tsx scripts/measure-nlp.ts
 *
 * (The comparison with compromise that chose wink-nlp is kept as history in the doc.)
 */
import { checkNote } from '../src/core/checker/check';
import { type CorpusCase, corpusInput } from '../src/core/checker/corpus/cases';
import { CLEAN } from '../src/core/checker/corpus/clean';
import { HELD_OUT_CASES, SECOND_PERSON_CASES } from '../src/core/drafts/fixtures/second-person-cases';
import { toSecondPerson } from '../src/core/drafts/second-person';
import { winkTagger } from '../src/core/drafts/tagger';

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/** A clean corpus note grown past 250 words by repeating its middle paragraph. */
function longNote(): CorpusCase {
  const clean = CLEAN[0] as CorpusCase;
  const paragraph = clean.body.split('\n\n')[1] ?? '';
  let body = clean.body;
  while (body.split(/\s+/).length < 250) body = body.replace('Best regards', `${paragraph}\n\nBest regards`);
  return { ...clean, body };
}

function measureChecker(): void {
  const note = longNote();
  const words = note.body.split(/\s+/).length;
  let cpu = process.cpuUsage();
  let t0 = performance.now();
  checkNote(corpusInput(note));
  console.log(
    `checker, first check in a fresh process (${words} words, model load included): ${cpuMs(cpu).toFixed(0)} ms CPU, ${(performance.now() - t0).toFixed(0)} ms wall`,
  );
  // Each run checks a different text, as typing does, so nothing is served from a cache.
  const inputs = Array.from({ length: 40 }, (_, i) =>
    corpusInput({ ...note, body: note.body.replace('Tuesday', `Tuesday ${i}`) }),
  );
  cpu = process.cpuUsage();
  t0 = performance.now();
  for (const input of inputs) checkNote(input);
  console.log(
    `checker, warm check of a fresh ${words}-word note: ${(cpuMs(cpu) / inputs.length).toFixed(1)} ms CPU, ${((performance.now() - t0) / inputs.length).toFixed(1)} ms wall`,
  );
}

const reader = { names: ['Priya', 'Priya Raman'] };

function measureDrafts(label: string, cases: ReadonlyArray<readonly [string, string | null]>): void {
  const misses: string[] = [];
  let score = 0;
  let ms = 0;
  for (const [input, want] of cases) {
    const expected = want ?? input;
    const t0 = performance.now();
    const got = toSecondPerson(input, reader, winkTagger).text;
    ms += performance.now() - t0;
    if (got === expected) score++;
    else misses.push(`| ${input} | ${got} | ${expected} |`);
  }
  const n = cases.length;
  console.log(`\n${label}: ${score}/${n} (${(ms / n).toFixed(2)} ms/line)`);
  if (misses.length) console.log(`| line | got | expected |\n| --- | --- | --- |\n${misses.join('\n')}`);
}

// The checker first, so its first check pays the model's load as the CLI's `check` does.
measureChecker();
measureDrafts('drafts, development cases', SECOND_PERSON_CASES);
measureDrafts('drafts, held-out cases', HELD_OUT_CASES);
