/**
 * Memory of the shared English model on a long-running server: wink-nlp keeps every word its model
 * does not know, so 100,000 distinct random words (50 per note) go through `checkNote` with the
 * instance bounded (replaced after NEW_WORD_LIMIT new words, as shipped), then unbounded. Reports
 * heap used after a full GC and RSS before and after each. Target (reported, not enforced): the
 * bounded run's heap grows by less than 5 MB.
 *
 *   node --import tsx bench/english-memory.bench.ts [--words 100000]
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { checkNote } from '../src/core/checker/check';
import { corpusInput } from '../src/core/checker/corpus/cases';
import { NEW_WORD_LIMIT, setNewWordLimit, vocabularyStats } from '../src/core/english';

setFlagsFromString('--expose-gc');
const gc: unknown = runInNewContext('gc');
const collect = () => {
  if (typeof gc === 'function') gc();
};

const at = process.argv.indexOf('--words');
const WORDS = at > 0 ? Number(process.argv[at + 1]) : 100_000;
const PER = 50;

const word = () => {
  let w = '';
  const n = 6 + Math.floor(Math.random() * 6);
  for (let i = 0; i < n; i++) w += String.fromCharCode(97 + Math.floor(Math.random() * 26));
  return w;
};
const check = (words: string[]) =>
  checkNote(
    corpusInput({
      name: 'memory',
      body: `Hi Siobhán,\n\nThank you for the talk about ${words.join(' ')}.\n\nBest regards,\nSam Okafor`,
      expect: [],
      input: { subject: `Thanks ${words[0] ?? ''}` },
    }),
  );

const mb = (bytes: number) => (bytes / 1048576).toFixed(1);

function run(label: string): number {
  collect();
  const before = process.memoryUsage();
  const started = performance.now();
  for (let i = 0; i < WORDS / PER; i++) check(Array.from({ length: PER }, word));
  const ms = (performance.now() - started) / (WORDS / PER);
  collect();
  const after = process.memoryUsage();
  const grew = (after.heapUsed - before.heapUsed) / 1048576;
  console.log(
    `${label}: heap used ${mb(before.heapUsed)} -> ${mb(after.heapUsed)} MB, RSS ${mb(before.rss)} -> ${mb(after.rss)} MB, ${ms.toFixed(1)} ms per note, instances made so far ${vocabularyStats().instances}`,
  );
  return grew;
}

for (let i = 0; i < 20; i++) check(['warm', 'up']);
console.log(`${WORDS} distinct random words, ${PER} per note`);
const bounded = run(`bounded (${NEW_WORD_LIMIT} new words per instance)`);
setNewWordLimit(Number.POSITIVE_INFINITY);
run('unbounded');
setNewWordLimit(NEW_WORD_LIMIT);
console.log(`target: bounded heap growth < 5 MB: ${bounded.toFixed(1)} MB ${bounded < 5 ? 'met' : 'missed'}`);
