/**
 * The note checker runs after every pause in typing, so its cost must follow the note, not the
 * account. Two ratios, each measured against a baseline in the same run (interleaved, medians of
 * CPU time, every run on a fresh text so no cache answers):
 *
 *  1. a 250-word note checked with 3,000 known people and 40 other companies in the store, against
 *     the same note with one known person and one company (target ≤ 2×: what the store adds stays
 *     below the note's own cost);
 *  2. a 250-word note against a 25-word one (target ≤ 12× for 10× the words: linear, nothing
 *     quadratic in the note's length).
 *
 * The absolute cost per check is printed for the record (on the project's busy two-core machine,
 * about 2–3 ms with one person and 4–5 ms with 3,000); the unit tests only keep hang guards.
 *
 *   node --import tsx bench/checker.bench.ts [--runs 60]
 */
import { checkNote } from '../src/core/checker/check';
import { type CorpusCase, corpusInput } from '../src/core/checker/corpus/cases';
import { CLEAN } from '../src/core/checker/corpus/clean';
import type { CheckInput } from '../src/core/checker/types';
import { createSpeller } from '../src/features/spelling/speller';

const at = process.argv.indexOf('--runs');
const RUNS = at > 0 ? Number(process.argv[at + 1]) : 60;

const base = CLEAN[0] as CorpusCase;
const paragraph = base.body.split('\n\n')[1] ?? '';

/** The clean corpus note grown (or cut) to about `words` words, keeping its greeting and sign-off. */
function noteOf(words: number): string {
  let body = base.body;
  while (body.split(/\s+/).length < words)
    body = body.replace('Best regards', `${paragraph}\n\nBest regards`);
  if (words < 60) {
    const [greeting, first = '', ...rest] = body.split('\n\n');
    const short = first.split(/\s+/).slice(0, words).join(' ');
    body = [greeting, `${short}.`, rest.at(-1) ?? ''].join('\n\n');
  }
  return body;
}

const cpuMs = (f: () => void): number => {
  const before = process.cpuUsage();
  f();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
};

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

/** Medians of `a` and `b`, each run on a fresh text (the run number is written into the note). */
function interleaved(a: (i: number) => CheckInput, b: (i: number) => CheckInput): [number, number] {
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Inputs are made before the clock starts: copying 3,000 people is the caller's cost, not the check's.
    const [inputA, inputB] = [a(i), b(i)];
    as.push(cpuMs(() => checkNote(inputA)));
    bs.push(cpuMs(() => checkNote(inputB)));
  }
  return [median(as), median(bs)];
}

const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

const speller = await createSpeller([]);
const fresh = (body: string, i: number) => body.replace('Tuesday', `Tuesday ${i}`);
const long = noteOf(250);
const short = noteOf(25);
const manyPeople = Array.from({ length: 3000 }, (_, i) => ({ displayName: `Person${i} Surname${i}` }));
const manyCompanies = Array.from({ length: 40 }, (_, i) => `Company ${i} Ltd`);

const small = (body: string) => (i: number) => ({
  ...corpusInput({ ...base, body: fresh(body, i) }, speller),
  knownPeople: [{ displayName: "Siobhán O'Connell" }],
  otherCompanies: ['Contoso'],
});
const big = (i: number) => {
  const input = corpusInput({ ...base, body: fresh(long, i) }, speller);
  return { ...input, knownPeople: [...input.knownPeople, ...manyPeople], otherCompanies: manyCompanies };
};

// Warm: the English model, the dictionary and V8's optimised code, as a long-running server is.
for (let i = 0; i < 20; i++) checkNote(big(-i - 1));

const [bigMs, smallMs] = interleaved(big, small(long));
const storeRatio = bigMs / smallMs;
const [longMs, shortMs] = interleaved(small(long), small(short));
const lengthRatio = longMs / shortMs;

console.log(`checkNote, median CPU of ${RUNS} interleaved runs on fresh texts`);
console.log(
  `  ${long.split(/\s+/).length}-word note, 3,000 people + 40 companies: ${bigMs.toFixed(2)} ms; one person: ${smallMs.toFixed(2)} ms`,
);
console.log(`  ratio ${storeRatio.toFixed(2)}×   target ≤ 2×   ${verdict(storeRatio <= 2)}`);
console.log(
  `  ${long.split(/\s+/).length}-word note: ${longMs.toFixed(2)} ms; ${short.split(/\s+/).length}-word note: ${shortMs.toFixed(2)} ms`,
);
console.log(`  ratio ${lengthRatio.toFixed(2)}×   target ≤ 12×   ${verdict(lengthRatio <= 12)}`);
