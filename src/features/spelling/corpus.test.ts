/**
 * The checker's corpus with the real dictionaries: no finding at all on the clean notes (in
 * en-US and en-GB, full of software and business terms and the user's own words), every
 * misspelling of the spelling cases found, and the recall of every rule recorded for the lead.
 */
import { describe, expect, it } from 'vitest';
import { checkNote } from '../../core/checker/check';
import {
  CORPUS_COMPANIES,
  CORPUS_PEOPLE,
  type CorpusCase,
  corpusInput,
  recallByRule,
} from '../../core/checker/corpus/cases';
import { CLEAN } from '../../core/checker/corpus/clean';
import { FLAGGED, SPELLING_FLAGGED } from '../../core/checker/corpus/flagged';
import type { CheckLocale, Speller } from '../../core/checker/types';
import { createSpeller } from './speller';

const spellers = new Map<CheckLocale, Speller>();
async function spellerFor(locale: CheckLocale): Promise<Speller> {
  let s = spellers.get(locale);
  if (!s) {
    s = await createSpeller([...CORPUS_PEOPLE, ...CORPUS_COMPANIES], { locale });
    spellers.set(locale, s);
  }
  return s;
}

async function check(c: CorpusCase) {
  return checkNote(corpusInput(c, await spellerFor(c.locale ?? 'en-US')));
}

describe('checker corpus with the real dictionaries', () => {
  it('says nothing at all about the clean notes, spelling included', async () => {
    const noisy: string[] = [];
    for (const c of CLEAN) {
      const found = await check(c);
      if (found.length) noisy.push(`${c.name}: ${found.map((f) => `${f.rule} ${f.message}`).join(' | ')}`);
    }
    console.info(
      `false warnings on clean notes (real dictionaries): ${noisy.length}/${CLEAN.length} notes (${((100 * noisy.length) / CLEAN.length).toFixed(1)}%)`,
    );
    expect(noisy).toEqual([]);
  });

  it('finds every rule with recall of at least 0.9, spelling included', async () => {
    const fired = new Map<CorpusCase, string[]>();
    const cases = [...FLAGGED, ...SPELLING_FLAGGED];
    for (const c of cases)
      fired.set(
        c,
        (await check(c)).map((f) => f.rule),
      );
    const per = recallByRule(cases, (c) => (fired.get(c) ?? []) as never);
    console.info(
      `recall per rule (real dictionaries):\n  ${[...per]
        .map(([rule, t]) => `${rule}: ${t.hit}/${t.total} = ${(t.hit / t.total).toFixed(2)}`)
        .join('\n  ')}`,
    );
    for (const [rule, t] of per) {
      expect(t.hit / t.total, `${rule} missed: ${t.missed.join('; ')}`).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('checks a fresh 250-word note in a few milliseconds once warm', async () => {
    const clean = CLEAN[0] as CorpusCase;
    const paragraph = clean.body.split('\n\n')[1] ?? '';
    let body = clean.body;
    while (body.split(/\s+/).length < 250)
      body = body.replace('Best regards', `${paragraph}\n\nBest regards`);
    const speller = await spellerFor('en-US');
    checkNote(corpusInput({ ...clean, body }, speller)); // warm: the wink-nlp model, suggestions
    // Each run checks a different text, as typing does, so nothing is served from a cache.
    const inputs = Array.from({ length: 40 }, (_, i) =>
      corpusInput({ ...clean, body: body.replace('Tuesday', `Tuesday ${i}`) }, speller),
    );
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (const input of inputs) checkNote(input);
    const wallMs = (performance.now() - started) / inputs.length;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000 / inputs.length;
    console.info(
      `checkNote on a fresh ${body.split(/\s+/).length}-word note: ${cpuMs.toFixed(1)} ms CPU, ${wallMs.toFixed(1)} ms wall`,
    );
    // CPU time, not wall time: the machine running the tests may be busy with other work.
    // A hang guard at 15× what it takes; the speed targets are in bench/checker.bench.ts.
    expect(cpuMs).toBeLessThan(100);
  });
});
