/**
 * The corpus (corpus/*.ts) through the checker without a dictionary: recall per rule on the
 * flagged notes and false warnings on the clean ones. The spelling rule is measured with the real
 * dictionary in features/spelling/corpus.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { checkNote } from './check';
import { type CorpusCase, corpusInput, recallByRule } from './corpus/cases';
import { CLEAN } from './corpus/clean';
import { FLAGGED } from './corpus/flagged';

const rulesFired = (c: CorpusCase) => checkNote(corpusInput(c)).map((f) => f.rule);

describe('checker corpus (no dictionary)', () => {
  it('has several notes for every class and at least 30 clean notes', () => {
    const per = recallByRule(FLAGGED, () => []);
    for (const [rule, t] of per)
      expect(t.total, rule).toBeGreaterThanOrEqual(rule === 'duplicate-note' ? 1 : 3);
    expect(CLEAN.length).toBeGreaterThanOrEqual(30);
  });

  it('finds every class with recall of at least 0.9 per rule', () => {
    const per = recallByRule(FLAGGED, rulesFired);
    const report = [...per].map(
      ([rule, t]) =>
        `${rule}: ${t.hit}/${t.total} = ${(t.hit / t.total).toFixed(2)}${t.missed.length ? ` (missed: ${t.missed.join('; ')})` : ''}`,
    );
    console.info(`checker recall per rule:\n  ${report.join('\n  ')}`);
    for (const [rule, t] of per) {
      expect(t.hit / t.total, `${rule} missed: ${t.missed.join('; ')}`).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('says nothing at all about the clean notes', () => {
    const noisy = CLEAN.map((c) => ({ name: c.name, findings: checkNote(corpusInput(c)) })).filter(
      (r) => r.findings.length > 0,
    );
    console.info(`checker false warnings on clean notes: ${noisy.length}/${CLEAN.length}`);
    expect(
      noisy.map((r) => `${r.name}: ${r.findings.map((f) => `${f.rule} ${f.message}`).join(' | ')}`),
    ).toEqual([]);
  });
});
