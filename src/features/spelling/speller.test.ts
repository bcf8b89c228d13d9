import { describe, expect, it } from 'vitest';
import { type CheckInput, checkNote } from '../../core/checker/check';
import { createSpeller, loadBase } from './speller';

const PEOPLE = ["Siobhán O'Connell", 'Diego Fernández-Ortiz', 'Wen-Li Zhang', 'Sam Okafor'];
const COMPANIES = ['Northwind Labs', 'Contoso'];

const CLEAN = `Hi Siobhán,

Thank you for taking the time to talk with me on Tuesday about the platform engineering role at Northwind Labs. I especially enjoyed your story about moving the billing service to event sourcing, and how the team handled the replay bugs along the way.

You mentioned that flaky integration tests slow down releases. I have been thinking about it since: I would start by quarantining the worst offenders and tracking them on a shared dashboard, which worked well for my last team.

I'm excited about the chance to help Northwind grow its platform, and I look forward to hearing about next steps.

Best regards,
Sam Okafor`;

const baseInput = (body: string, speller: CheckInput['speller']): CheckInput => ({
  body,
  subject: 'Thank you for Tuesday',
  kind: 'thank-you',
  recipient: { displayName: "Siobhán O'Connell", company: 'Northwind Labs' },
  company: 'Northwind Labs',
  otherCompanies: ['Contoso'],
  knownPeople: PEOPLE.map((displayName) => ({ displayName })),
  otherNotes: [],
  personalDetails: ['Story about moving billing to event sourcing', 'Flaky integration tests slow releases'],
  due: '2026-12-02T18:00:00Z',
  sendAt: '2026-12-02T10:00:00Z',
  speller,
});

describe('createSpeller (nspell + dictionary-en)', () => {
  it('flags "recieve" and suggests "receive"', async () => {
    const speller = await createSpeller([]);
    expect(speller.correct('recieve')).toBe(false);
    expect(speller.suggest('recieve')).toContain('receive');
    expect(speller.correct('receive')).toBe(true);
  });

  it('accepts "Siobhán" only once the name is added, and suggests it for "Siobhan"', async () => {
    expect((await createSpeller([])).correct('Siobhán')).toBe(false);
    const speller = await createSpeller(PEOPLE);
    expect(speller.correct('Siobhán')).toBe(true);
    expect(speller.correct("Siobhán's")).toBe(true);
    expect(speller.correct('Siobhan')).toBe(false);
    expect(speller.suggest('Siobhan')).toContain('Siobhán');
  });

  it('adds names by their parts, apostrophes and hyphens kept', async () => {
    const speller = await createSpeller(PEOPLE);
    for (const w of ['Fernández-Ortiz', 'Fernández', 'Ortiz', 'Wen-Li', 'Zhang', "O'Connell", 'O’Connell']) {
      expect(speller.correct(w), w).toBe(true);
    }
    expect(speller.correct('Wenli')).toBe(false);
    expect(speller.correct('OConnell')).toBe(false);
  });

  it('accepts software terms however they are cased, but keeps the case sense of names', async () => {
    const speller = await createSpeller(PEOPLE);
    for (const w of ['PgBouncer', 'pgbouncer', 'PGBOUNCER', 'Pgbouncer', 'kubernetes', 'github', 'GitHub']) {
      expect(speller.correct(w), w).toBe(true);
    }
    // "o'connell" is a name written wrong, not a tool typed in lower case.
    expect(speller.correct("o'connell")).toBe(false);
    expect(speller.correct('pgbouncr')).toBe(false);
  });

  it("keeps spellers independent: one call's names do not leak into another", async () => {
    await createSpeller(['Zyxwvut']);
    expect((await createSpeller([])).correct('Zyxwvut')).toBe(false);
  });

  it('loads the dictionary once per process', async () => {
    await createSpeller([]);
    await createSpeller(PEOPLE);
    // Every speller of a locale stands on one loaded dictionary, not a copy per call.
    expect(loadBase('en-US')).toBe(loadBase('en-US'));
    expect(await loadBase('en-GB')).not.toBe(await loadBase('en-US'));
  });
});

describe('checkNote with the real speller', () => {
  it('finds nothing at all in a clean, personal note', async () => {
    const speller = await createSpeller([...PEOPLE, ...COMPANIES]);
    expect(checkNote(baseInput(CLEAN, speller))).toEqual([]);
  });

  it("reports a misspelling with the dictionary's suggestion", async () => {
    const speller = await createSpeller([...PEOPLE, ...COMPANIES]);
    const body = CLEAN.replace(
      'I have been thinking',
      'I was glad to recieve your question and have been thinking',
    );
    const found = checkNote(baseInput(body, speller));
    expect(found.map((f) => [f.rule, body.slice(f.start, f.end)])).toEqual([['spelling', 'recieve']]);
    expect(found[0]?.message).toContain('“receive”');
  });

  it('checks a 250-word note fast enough to run as the user types', async () => {
    const speller = await createSpeller([...PEOPLE, ...COMPANIES]);
    const paragraph = CLEAN.split('\n\n')[2] ?? '';
    let body = CLEAN;
    while (body.split(/\s+/).length < 250)
      body = body.replace('Best regards', `${paragraph}\n\nBest regards`);
    body = body.replace('worst offenders', 'worst ofenders'); // one misspelling, so suggest() is timed too
    const input = baseInput(body, speller);
    const cold = performance.now();
    checkNote({ ...input, speller: await createSpeller([...PEOPLE, ...COMPANIES]) });
    const coldMs = performance.now() - cold;
    const runs = 20;
    // CPU time, not wall time: other test files run beside this one on a small machine.
    const cpu = process.cpuUsage();
    for (let i = 0; i < runs; i++) checkNote(input);
    const used = process.cpuUsage(cpu);
    const perCheck = (used.user + used.system) / 1000 / runs;
    // Cold: the misspelling's suggestions are computed; warm: they come from the speller's cache.
    console.log(
      `checkNote, ${body.split(/\s+/).length}-word note: first ${coldMs.toFixed(1)} ms, then ${perCheck.toFixed(2)} ms`,
    );
    // A hang guard, ten times what a busy CI machine takes; the speed target is in
    // bench/checker.bench.ts, as ratios against baselines measured in the same run.
    expect(perCheck).toBeLessThan(200);
    expect(coldMs).toBeLessThan(5_000);
  });
});
