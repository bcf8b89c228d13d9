import { describe, expect, it } from 'vitest';
import { ANA, draftToAna } from '../../../test/draft-to-ana';
import { debriefParts } from './debrief-line';
import { addToAnswerSentence, type DraftData } from './render';
import { subjectVerbAt, toSecondPerson } from './second-person';
import { winkTagger } from './tagger';

const you = (text: string) => toSecondPerson(text, ANA, winkTagger).text;

const draft = draftToAna;
const allVariants = (notes: Partial<DraftData['notes']>, addToAnswer = '') =>
  [0, 1, 2, 3, 4].map((v) => draft(notes, v, addToAnswer));

describe('the implied subject of a fragment', () => {
  it.each([
    // A pronoun for the reader as object or owner: the writer did it.
    ['loved her story about the migration', 'I loved your story about the migration'],
    ['enjoyed his demo of the deploy tool', 'I enjoyed your demo of the deploy tool'],
    ['appreciated her honesty about the on-call load', 'I appreciated your honesty about the on-call load'],
    ['was impressed by his questions on failure modes', 'I was impressed by your questions on failure modes'],
    ['thanked them for their time', 'I thanked you for your time'],
    ['loved their story about the migration', 'I loved your story about the migration'],
    ['admired her patience during the outage retro', 'I admired your patience during the outage retro'],
    ['loved her demo, was impressed by the tooling', 'I loved your demo and was impressed by the tooling'],
    [
      'really appreciated how open she was about the layoffs',
      'I really appreciated how open you were about the layoffs',
    ],
    ['found her question on backpressure really sharp', 'I found your question on backpressure really sharp'],
    // What the reader owns, after a verb of doing rather than appreciating: the reader did it.
    [
      'shared his screen to show the architecture diagram',
      'You shared your screen to show the architecture diagram',
    ],
    [
      'talked about her path from support to staff engineer',
      'You talked about your path from support to staff engineer',
    ],
    ['asked about her leads', 'You asked about your leads'],
    // How they do something, after a verb of telling: still what the reader told; after a verb of
    // noticing, the writer's.
    [
      'talked about the on-call rotation and how they pay for it',
      'You talked about the on-call rotation and how they pay for it',
    ],
    ['saw how they run the release train', 'I saw how they run the release train'],
    // "my"/"me": the reader did it.
    [
      'grilled me on consistency models, seemed happy with my answers',
      'You grilled me on consistency models and seemed happy with my answers',
    ],
    ['really liked my answer on caching', 'You really liked my answer on caching'],
    ['liked my answer on caching', 'You liked my answer on caching'],
    ['loved my idea of a shadow read path', 'You loved my idea of a shadow read path'],
    ['walked me through the architecture', 'You walked me through the architecture'],
    ['was impressed by my load-test numbers', 'You were impressed by my load-test numbers'],
    ['showed me the dashboard she built', 'You showed me the dashboard you built'],
    ['pushed back on my estimate', 'You pushed back on my estimate'],
    // A clause of its own says who by its subject: "how she explained" was the reader's doing.
    ['loved how she explained the ledger design', 'I loved how you explained the ledger design'],
    ['liked how I handled the outage question', 'You liked how I handled the outage question'],
    // "I" in a clause of its own does not decide: the first verb is still theirs.
    ["Asked how I'd approach her team's backlog", "You asked how I'd approach your team's backlog"],
    // A present -s verb agrees with "she": the reader did it, whatever the pronoun.
    ['runs her own platform team', 'You run your own platform team'],
    // Neither: as before.
    ['asked great questions about failure modes', 'You asked great questions about failure modes'],
  ])('%j -> %j', (line, expected) => {
    expect(you(line)).toBe(expected);
  });

  it('a description, then what they did, is one fragment of theirs', () => {
    expect(debriefParts('super friendly, put me at ease right away', ANA, winkTagger)).toEqual([
      { text: 'You were super friendly and put me at ease right away', kind: 'sentence', unsure: false },
    ]);
  });

  it('a line joined from both kinds keeps each subject', () => {
    expect(
      debriefParts("Asked how I'd shard the ledger; loved her story about the outage", ANA, winkTagger),
    ).toEqual([
      {
        text: "You asked how I'd shard the ledger, and I loved your story about the outage",
        kind: 'sentence',
        unsure: false,
      },
    ]);
  });

  it('the writer\'s own line reads as their sentence in every wording, never "that I loved"', () => {
    for (const body of allVariants({ memorable: 'loved her story about the migration' })) {
      expect(body).toContain('I loved your story about the migration.');
      expect(body).not.toMatch(/that I loved|me since: I|about I loved|mentioned that I/i);
      expect(body).not.toMatch(/You loved your/);
    }
  });

  it("the reader's own line stays theirs in every wording", () => {
    for (const body of allVariants({ memorable: 'liked my answer on caching' })) {
      expect(body).toMatch(/you liked my answer on caching/i);
      expect(body).not.toMatch(/I liked my answer/);
    }
  });
});

describe('a clause or a noun phrase', () => {
  it.each([
    ['the Kafka consumers fall behind at month end', 3],
    ['Kafka consumers fall behind at month end', 2],
    ['deploys take 40 minutes', 1],
    ['the billing service keeps timing out under load', 3],
    ['on-call pages wake people up every night', 4],
    ['my old colleague at Stripe will reach out', 5],
  ])('%j has a subject and its verb (at %i)', (text, at) => {
    expect(subjectVerbAt(winkTagger(text), winkTagger)).toBe(at);
  });

  it('a bare singular problem takes "the"; plurals, gerunds and determined phrases stay', () => {
    expect(draft({ problem: 'legacy PHP monolith' })).toContain(
      'I have kept thinking about the legacy PHP monolith since you raised it',
    );
    expect(draft({ problem: 'flaky deploys on Fridays' })).toContain('about flaky deploys on Fridays since');
    expect(draft({ problem: 'migrating 40 services off Heroku' })).toContain(
      'about migrating 40 services off Heroku since',
    );
    expect(draft({ problem: 'the migration off the monolith' })).toContain(
      'about the migration off the monolith since',
    );
  });

  it.each([
    'migrating 40 services off Heroku',
    'the migration off the monolith',
    'the migration plan',
    'flaky integration tests slowing releases',
    'flaky deploys on Fridays',
    'hiring senior engineers',
    'Runs the payments team',
    'relevance regressions that reach customers unnoticed',
    'cost controls for the data warehouse',
    'data contracts between teams',
    'the search results page',
    'the demo of the deploy pipeline',
    'release process bottlenecks',
  ])('%j is no clause', (text) => {
    expect(subjectVerbAt(winkTagger(text), winkTagger)).toBeNull();
  });

  it('a problem typed as a clause is what they told you, never an appositive', () => {
    for (const body of allVariants({ problem: 'the Kafka consumers fall behind at month end' })) {
      expect(body).toMatch(
        /You (?:mentioned|told me|said|explained|shared) that the Kafka consumers fall behind at month end\./,
      );
      expect(body).not.toMatch(/, the Kafka consumers fall behind at month end,/);
    }
  });

  it('"deploys take 40 minutes" is their problem, not "You deploy take"', () => {
    for (const body of allVariants({ problem: 'deploys take 40 minutes' })) {
      expect(body).toMatch(/that deploys take 40 minutes\./);
      expect(body).not.toMatch(/you deploy/i);
    }
  });

  it('a problem typed as a noun phrase is woven in without commas around it', () => {
    const bodies = allVariants({ problem: 'the migration off the monolith' });
    expect(bodies[0]).toContain(
      'I have kept thinking about the migration off the monolith since you raised it, and I would be glad',
    );
    expect(bodies[4]).toContain(
      'Tackling the migration off the monolith is exactly the kind of challenge I enjoy',
    );
    for (const body of bodies) expect(body).not.toMatch(/, the migration off the monolith,/);
  });

  it('a promise that says who will do what is kept as that sentence, to the reader', () => {
    for (const body of allVariants({ promise: 'my old colleague at Stripe will reach out to her' })) {
      expect(body).toContain('As promised, my old colleague at Stripe will reach out to you.');
      expect(body).not.toMatch(/send you my|I will my/);
    }
  });

  it("the reader's own offer is thanked for, not promised back", () => {
    for (const body of allVariants({ promise: "she'll send me the team's RFC" })) {
      expect(body).toContain("Thank you for offering to send me the team's RFC.");
      expect(body).not.toMatch(/As promised, you/);
    }
  });

  it('a promise to "them" is to the reader (singular they)', () => {
    for (const body of allVariants({ promise: 'intro them to the SRE lead at Monzo' })) {
      expect(body).toMatch(/I will introduce you to the SRE lead at Monzo/);
      expect(body).not.toMatch(/introduce them/);
    }
  });

  it('"thanked him for X" in a thank-you is said again, not reported', () => {
    const line = 'really enjoyed the chat w/ him on hiring; thanked him for the honest answer about on-call';
    for (const body of allVariants({ memorable: line })) {
      expect(body).toContain('Thank you again for the honest answer about on-call.');
      expect(body).not.toMatch(/I thanked you/);
    }
  });

  it('"thanked them for their time" is not said again: every note thanks them for their time', () => {
    for (const body of allVariants({
      memorable: 'thanked them for their time; loved their demo of the feature-flag service',
    })) {
      expect(body).toContain('I loved your demo of the feature-flag service.');
      expect(body.match(/for your time/g)?.length ?? 0).toBeLessThanOrEqual(1);
    }
  });

  it.each([
    ["On the caching question, I'd add TTL jitter", "On the caching question, I'd add TTL jitter."],
    ['should have mentioned the rollback plan', 'I should have mentioned the rollback plan.'],
    ['forgot to mention the reconciliation job', 'I forgot to mention the reconciliation job.'],
    ['add a nightly reconciliation job', 'I would add a nightly reconciliation job.'],
    ['wish i had said we added canaries after it', 'I wish I had said we added canaries after it.'],
    ['TTL jitter to avoid stampedes', 'I would also mention TTL jitter to avoid stampedes.'],
    [
      'On the dual-writes question: a reconciliation job that compares both stores nightly',
      'On the dual-writes question: I would also mention a reconciliation job that compares both stores nightly.',
    ],
    [
      'the dual-write approach needs a reconciliation job',
      'The dual-write approach needs a reconciliation job.',
    ],
  ])("the point to add %j reads as the writer's sentence %j", (typed, expected) => {
    expect(addToAnswerSentence(typed)).toBe(expected);
    expect(draft({}, 1, typed)).toContain(expected);
  });
});

describe('singular they for the reader', () => {
  const parts = (line: string) => debriefParts(line, ANA, winkTagger).map((p) => p.text);
  it.each([
    ['they showed me the dashboard they built', ['you showed me the dashboard you built']],
    ["they're hiring 3 more engineers", ["you're hiring 3 more engineers"]],
    ['loved their demo; they built it in a week', ['I loved your demo', 'you built it in a week']],
  ])('%j -> %j', (line, expected) => {
    expect(parts(line)).toEqual(expected);
  });

  it.each([
    ['the deploys are slow because they run serially'],
    ['her reports say they are stretched'],
    ['Sam said they would decide by Friday'],
  ])('%j keeps "they": a plural or another person comes first', (line) => {
    expect(parts(line).join(' ')).toMatch(/\bthey\b/);
  });

  it('a whole draft never calls the reader "they"', () => {
    for (const body of allVariants({ memorable: 'they showed me the dashboard they built' })) {
      expect(body).toContain('you showed me the dashboard you built');
      expect(body).not.toMatch(/\bthey\b/i);
    }
  });
});
