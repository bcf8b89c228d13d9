/**
 * "great chat re: X" is the user's verdict on the conversation, not something to quote back:
 * recognised by part of speech, lemma and the model's sentiment lexicon rather than a word list,
 * so new wordings are caught and descriptions of the chat ("awkward chat about salary") are not.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chatTopic, chatVerdict } from './debrief-line';
import { renderDraft } from './render';
import { expandShorthand } from './shorthand';
import { winkTagger } from './tagger';

const topic = (line: string) => chatTopic(expandShorthand(line), winkTagger);
const template = readFileSync(new URL('../../../templates/thank-you.liquid', import.meta.url), 'utf8');
const draft = (memorable: string, variant: number) =>
  renderDraft(template, {
    recipient: { firstName: 'Ana', fullName: 'Ana Souza' },
    company: 'Kora',
    role: 'Staff Engineer',
    round: null,
    interviewDate: null,
    notes: { memorable, topics: '', problem: '', promise: '' },
    addToAnswer: '',
    variant,
    sender: { name: 'Ada Obi', signature: null },
  }).body;

describe('a verdict on the chat', () => {
  it.each([
    ['fun chat', ''],
    ['Fun chat about the roadmap', 'the roadmap'],
    ['super useful conversation about the data platform', 'the data platform'],
    ['really enjoyed the convo on incident reviews', 'incident reviews'],
    ['great chat re: hiring plan', 'hiring plan'],
    ['Really nice chat w/ her about on-call', 'on-call'],
    ['a really good conversation with Ana about hiring', 'hiring'],
    ['interesting discussion on event sourcing', 'event sourcing'],
    ['enjoyed talking with her about incident reviews', 'incident reviews'],
    ['loved discussing the migration', 'the migration'],
    ['enjoyed our call', ''],
  ])('%j is a verdict with topic %j', (line, expected) => {
    expect(topic(line)).toBe(expected);
  });

  it.each([
    'awkward chat about salary',
    'long call about logistics',
    'good call on the caching layer',
    'loved her story about the migration',
    'liked my answer on caching',
    'the chat went long',
    'great questions about caching',
    'great chat but she seemed rushed',
    'team chat about the release train',
  ])('%j is not a verdict', (line) => {
    expect(topic(line)).toBeNull();
  });

  it('a description of the chat ("awkward chat about salary") is left out of the note', () => {
    for (let v = 0; v < 5; v++) {
      for (const line of ['awkward chat about salary', 'long call about logistics']) {
        const body = draft(line, v);
        expect(body).not.toMatch(/awkward|long call|salary|logistics/i);
      }
    }
  });

  it('a verdict after a comma is its own sentence, not glued to what came before', () => {
    for (let v = 0; v < 5; v++) {
      const body = draft('she told me about mentoring two junior engineers, great convo re: team culture', v);
      expect(body).toMatch(/you told me about mentoring two junior engineers/i);
      expect(body).toMatch(/team culture/);
      expect(body).not.toMatch(/engineers, great|great conv|convo/i);
    }
  });

  it('the draft says the sender enjoyed the topic and never quotes the verdict', () => {
    for (let v = 0; v < 5; v++) {
      const body = draft('super useful convo about the data platform', v);
      expect(body).toMatch(/the data platform/);
      expect(body).not.toMatch(/super useful|convo/i);
    }
  });

  it.each([
    ['fun chat re: the ledger rewrite', 'enjoyed'],
    ['really enjoyed the call on incident reviews', 'enjoyed'],
    ['loved talking w/ her about the roadmap', 'enjoyed'],
    ['super useful convo abt the infra budget', 'useful'],
    ['really helpful call about the hiring plan', 'useful'],
    ['interesting discussion on event sourcing', 'interesting'],
    ['fascinating chat about search relevance', 'interesting'],
    ['inspiring conversation about mentoring', 'inspiring'],
    ['great chat about hiring', 'good'],
  ])('%j keeps its feeling: %s', (line, feeling) => {
    expect(chatVerdict(expandShorthand(line), winkTagger)?.feeling).toBe(feeling);
  });

  it("the note says the chat the way the user felt it, in each reader's own words", () => {
    const first = (line: string, v: number) => draft(line, v).split('\n\n')[1] ?? '';
    expect(first('fun chat re: the ledger rewrite', 0)).toContain(
      'Talking with you about the ledger rewrite was great fun.',
    );
    expect(first('super useful convo abt the infra budget', 1)).toContain(
      'I found our discussion of the infra budget very helpful.',
    );
    expect(first('really enjoyed the call w/ him re: platform team', 2)).toContain(
      'I had a wonderful time discussing the platform team with you.',
    );
    expect(first('interesting discussion on event sourcing', 3)).toContain(
      'Our exchange about event sourcing was thought-provoking.',
    );
    expect(first('super useful convo about the data platform', 4)).toContain(
      'Our discussion of the data platform was genuinely valuable to me.',
    );
    // Two verdicts in one line: the second takes the next wording, not the first one again.
    expect(first('fun chat about the roadmap; fun convo about hiring', 1)).toContain(
      'I really enjoyed our conversation about the roadmap. I had a wonderful time discussing hiring with you.',
    );
  });

  it('three readers who were all "fun chat" get three wordings with no adjective in common', () => {
    const bodies = [0, 1, 2, 3, 4].map((v) => draft('fun chat about the roadmap', v));
    const sentences = bodies.map((b) => /[^.]*the roadmap[^.]*\./.exec(b)?.[0] ?? '');
    expect(new Set(sentences).size).toBe(5);
    for (const word of ['fun', 'enjoyed', 'wonderful', 'pleasure', 'loved', 'really'])
      expect(sentences.filter((s) => new RegExp(`\\b${word}\\b`).test(s)).length, word).toBeLessThanOrEqual(
        1,
      );
    expect(bodies.join(' ')).not.toMatch(/valued|highlight|remember most/);
  });
});
