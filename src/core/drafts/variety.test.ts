/**
 * Interviewers compare notes: the thank-yous to the interviewers of one interview must not read
 * alike. Any two share at most one sentence of six words or more (greeting and sign-off aside).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SECOND_PERSON_CASES } from './fixtures/second-person-cases';
import { type DraftData, renderDraft } from './render';
import { addToAnswerReader, promiseFor, readerIndex } from './variants';

const template = readFileSync(join(import.meta.dirname, '../../../templates/thank-you.liquid'), 'utf8');

/** The sentences of a body of six words or more, without the greeting line and the sign-off. */
function longSentences(body: string): Set<string> {
  const paragraphs = body.split(/\n\n/);
  const inner = paragraphs.slice(1, -1).join(' ');
  return new Set(
    inner
      .split(/(?<=[.!?])\s+/)
      .map((s) => s.toLowerCase().replace(/\s+/g, ' ').trim())
      .filter((s) => s.split(' ').length >= 6),
  );
}

const NAMES = ['Priya Raman', "Siobhán O'Connell", 'Diego Fernández-Ortiz', 'Sam Okafor', 'Wen-Li Zhang'];
const LINES = SECOND_PERSON_CASES.map(([line]) => line);
const TOPICS = [
  'caching; sharding, and queues',
  'incident reviews',
  'Kafka, CI/CD & on-call',
  'hiring',
  'API design and versioning',
];
const PROBLEMS = [
  'flaky deploys on Fridays',
  'his team struggles with slow builds',
  'onboarding takes three months',
  'relevance regressions',
];
const PROMISES = [
  'send her the link to my talk on queue design',
  "I'll share the benchmark",
  'the write-up of the migration',
  'send references by Friday',
];

const maybe = (values: string[]) => fc.oneof(fc.constant(''), fc.constantFrom(...values));
const notes = fc.record({
  memorable: maybe(LINES),
  topics: maybe(TOPICS),
  problem: maybe(PROBLEMS),
  promise: maybe(PROMISES),
});
const emptyNotes = { memorable: '', topics: '', problem: '', promise: '' };

function draftsFor(readers: Array<DraftData['notes']>, addToAnswer: string, addTo: number) {
  return readers.map((n, i) => {
    const fullName = NAMES[i] ?? 'Alex Doe';
    return renderDraft(template, {
      recipient: { firstName: fullName.split(' ')[0] ?? '', fullName },
      company: 'Northwind Labs',
      role: 'Staff Engineer',
      round: 'Onsite',
      interviewDate: 'Wednesday, December 2',
      notes: n,
      addToAnswer: i === addTo ? addToAnswer : '',
      variant: i,
      sender: { name: 'Alex Morgan', signature: null },
    });
  });
}

function sharedPairs(bodies: string[]): number {
  let worst = 0;
  for (let a = 0; a < bodies.length; a++) {
    for (let b = a + 1; b < bodies.length; b++) {
      const sa = longSentences(bodies[a] ?? '');
      const shared = [...longSentences(bodies[b] ?? '')].filter((s) => sa.has(s)).length;
      worst = Math.max(worst, shared);
    }
  }
  return worst;
}

describe('notes to the interviewers of one interview', () => {
  it('share at most one sentence of six words or more, for 2-5 interviewers and any debrief', () => {
    fc.assert(
      fc.property(
        fc.array(notes, { minLength: 2, maxLength: 5 }),
        maybe(['on caching I would measure the hit rate before adding a tier']),
        fc.nat(4),
        (readers, addToAnswer, addTo) => {
          const drafts = draftsFor(readers, addToAnswer, addTo % readers.length);
          expect(sharedPairs(drafts.map((d) => d.body))).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('differ even when the debrief is empty, or the same lines were typed for everyone', () => {
    for (let n = 2; n <= 5; n++) {
      expect(sharedPairs(draftsFor(Array(n).fill(emptyNotes), '', 0).map((d) => d.body))).toBe(0);
      const same = {
        memorable: 'she showed me the debugger she built',
        topics: 'caching',
        problem: 'slow builds',
        promise: 'the deck',
      };
      expect(sharedPairs(draftsFor(Array(n).fill(same), '', 0).map((d) => d.body))).toBeLessThanOrEqual(1);
    }
  });
});

describe('variants helpers', () => {
  const interview = {
    participants: [
      { contactId: 'c-coord', role: 'coordinator' as const },
      { contactId: 'c-a', role: 'interviewer' as const },
      { contactId: 'c-b', role: 'interviewer' as const },
    ],
  };

  it('numbers interviewers in recorded order, others after them', () => {
    expect(readerIndex(interview, 'c-a')).toBe(0);
    expect(readerIndex(interview, 'c-b')).toBe(1);
    expect(readerIndex(interview, 'c-coord')).toBe(2);
  });

  it('gives the point to add to an answer to the interviewer it is about, and to nobody when none is', () => {
    const readers = [
      { contactId: 'c-a', notes: 'incident reviews', names: ['Ana Souza', 'Ana'] },
      { contactId: 'c-b', notes: 'caching; sharding', names: ['Will Grant', 'Will'] },
    ];
    expect(addToAnswerReader('on caching I would measure the hit rate first', readers)).toBe('c-b');
    // Nothing in anyone's notes: not the first interviewer's by default, since they may never
    // have asked; the service tells the user to name the interviewer.
    expect(addToAnswerReader('I would add a word on estimates', readers)).toBeNull();
    // Named, as written or as a lower-case label or owner, it goes to them whatever the words.
    expect(addToAnswerReader('Ana asked about caching: should have said TTL jitter', readers)).toBe('c-a');
    expect(addToAnswerReader('ana: should have mentioned estimates', readers)).toBe('c-a');
    expect(addToAnswerReader("ana's q on estimates, I'd add a range", readers)).toBe('c-a');
    // A name that is also a word, in lower case, is the word.
    expect(addToAnswerReader('I will add a word on estimates', readers)).toBeNull();
    // One interviewer: theirs, related or not.
    expect(addToAnswerReader('I would add a word on estimates', readers.slice(0, 1))).toBe('c-a');
    expect(addToAnswerReader('  ', readers)).toBeNull();
    // Both talked about sharding; the one who asked the question reads the answer.
    expect(
      addToAnswerReader('On the sharding question, I would keep a routing table', [
        { contactId: 'c-a', notes: 'caching; sharding' },
        { contactId: 'c-b', notes: "Asked how I'd shard the ledger" },
      ]),
    ).toBe('c-b');
  });

  it('keeps the old per-interview promise for everyone only while nobody has their own', () => {
    expect(promiseFor('the deck', 'old promise', true)).toBe('the deck');
    expect(promiseFor('', 'old promise', false)).toBe('old promise');
    expect(promiseFor('', 'old promise', true)).toBe('');
  });
});
