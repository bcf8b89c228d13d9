/**
 * What a new-user trial typed into debriefs, and what each note must say: names typed without
 * their accents or capital, "her" for the reader in a promise, a line's own "!", the company and
 * languages typed in lower case, an answer's lead typed without its comma. The checker finds
 * nothing in the drafts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNote } from '../checker/check';
import type { CheckInput } from '../checker/types';
import { addToAnswerFor, addToAnswerSentence, companySpelling, type DraftData, renderDraft } from './render';
import { isReaderName, toSecondPerson } from './second-person';
import { expandShorthand } from './shorthand';
import { winkTagger } from './tagger';

const thankYou = readFileSync(join(import.meta.dirname, '../../../templates/thank-you.liquid'), 'utf8');
const JOSE = { names: ['José Ibáñez', 'José'] };

function draft(
  fullName: string,
  notes: Partial<DraftData['notes']>,
  extra: Partial<DraftData> = {},
): DraftData {
  return {
    recipient: { firstName: fullName.split(' ')[0] ?? '', fullName },
    company: 'Brightwave Robotics',
    role: 'Staff Engineer',
    round: null,
    interviewDate: 'Tuesday, December 8',
    decisionDate: null,
    notes: { memorable: '', topics: '', problem: '', promise: '', ...notes },
    addToAnswer: '',
    variant: 0,
    sender: { name: 'Sam Okafor', signature: null },
    ...extra,
  };
}
const bodyOf = (data: DraftData) => renderDraft(thankYou, data).body;

const JOSE_LINE =
  "jose asked abt how i'd design the telemetry pipeline, seemed to like my answer re batching 👍";

describe('the reader named without accents or capital', () => {
  it('is the reader, by first name or surname, in any case', () => {
    expect(isReaderName('jose', JOSE)).toBe(true);
    expect(isReaderName('IBANEZ', JOSE)).toBe(true);
    expect(isReaderName('Jose Ibanez', JOSE)).toBe(true);
    expect(isReaderName('josie', JOSE)).toBe(false);
    expect(toSecondPerson('ibanez asked about retries', JOSE, winkTagger).text).toBe(
      'You asked about retries',
    );
    expect(toSecondPerson('Jose asked about retries', JOSE, winkTagger).text).toBe('You asked about retries');
  });

  it('is spoken to in the note, and the verb after the writer\'s own clause keeps "you"', () => {
    expect(bodyOf(draft('José Ibáñez', { memorable: JOSE_LINE }, { variant: 1 }))).toContain(
      "I especially appreciated that you asked about how I'd design the telemetry pipeline, and you seemed to like my answer on batching.",
    );
  });

  it('as the label of a point to add to an answer, goes', () => {
    const point = "jose: should've mentioned using a dead letter queue for bad msgs";
    expect(addToAnswerFor(point, JOSE, winkTagger)).toBe(
      "I should've mentioned using a dead letter queue for bad messages.",
    );
    expect(bodyOf(draft('José Ibáñez', {}, { addToAnswer: point }))).toContain(
      "Looking back, I would like to add one thing to my answers. I should've mentioned using a dead letter queue for bad messages.",
    );
  });
});

describe('what the trial typed', () => {
  it('"send her link" in a promise is the link, sent to the reader', () => {
    expect(
      bodyOf(draft('Dana Whitfield', { promise: 'send her link to my talk on contract testing' })),
    ).toContain('As promised, I will send you the link to my talk on contract testing shortly.');
    expect(bodyOf(draft('Dana Whitfield', { promise: 'send him the deck' }))).toContain(
      'As promised, I will send you the deck shortly.',
    );
  });

  it('a line ending in "!" or "?" gets no "." after it', () => {
    expect(
      bodyOf(draft('Dana Whitfield', { memorable: 'you walked me through the robot fleet sim, very cool!' })),
    ).toContain(
      'One thing has stayed with me since: you walked me through the robot fleet sim. I found it very cool.',
    );
    const asked = bodyOf(draft('Dana Whitfield', { memorable: "she asked if I'd ever used Rust?" }));
    // (an indirect question ends on a full stop: the "?" typed after it goes)
    expect(asked).toContain("One thing has stayed with me since: you asked if I'd ever used Rust.");
    expect(asked).not.toMatch(/[!?]\./);
  });

  it('the company typed in lower case is spelled as recorded, and languages named as topics too', () => {
    expect(companySpelling("she's been at brightwave 6 yrs", 'Brightwave Robotics')).toBe(
      "she's been at Brightwave 6 yrs",
    );
    expect(companySpelling('loved brightwave robotics, a brightwave of ideas', 'Brightwave Robotics')).toBe(
      'loved Brightwave Robotics, a brightwave of ideas',
    );
    expect(companySpelling('see brightwave.io/careers', 'Brightwave Robotics')).toBe(
      'see brightwave.io/careers',
    );
    const body = bodyOf(
      draft(
        'Dana Whitfield',
        {
          memorable: "walked me through the roadmap; she's been at brightwave 6 yrs",
          topics: 'rust vs go',
        },
        { variant: 1 },
      ),
    );
    expect(body).toContain("You told me that you've been at Brightwave 6 years.");
    expect(body).toContain('Rust vs Go');
    expect(bodyOf(draft('Dana Whitfield', { topics: 'go and code review' }))).toContain(
      'It was good to dig into Go and code review.',
    );
    expect(expandShorthand("let's go or not, rust vs go")).toBe("let's go or not, Rust vs Go");
  });

  it('"on the X q" before the writer\'s sentence is the lead of the point', () => {
    const point = 'on the conflict q I should have said how I escalated to my lead';
    expect(addToAnswerSentence(point, winkTagger)).toBe(
      'On the conflict question, I should have said how I escalated to my lead.',
    );
    expect(bodyOf(draft('Dana Whitfield', {}, { addToAnswer: point }))).toContain(
      'Looking back, I would like to add one thing to my answers. On the conflict question, I should have said how I escalated to my lead.',
    );
  });
});

describe('the checker on these drafts', () => {
  const check = (data: DraftData): CheckInput => {
    const { subject, body } = renderDraft(thankYou, data);
    return {
      body,
      subject,
      kind: 'thank-you',
      recipient: { displayName: data.recipient.fullName, company: data.company },
      company: data.company,
      otherCompanies: ['Contoso'],
      knownPeople: [{ displayName: 'José Ibáñez' }, { displayName: 'Dana Whitfield' }],
      otherNotes: [],
      personalDetails: [data.notes.memorable, data.notes.topics, data.notes.problem].filter((d) => d.trim()),
      due: null,
      sendAt: '2026-12-09T10:00:00Z',
      speller: null,
    };
  };

  it.each([0, 1, 2, 3, 4])('finds nothing, wording %i', (variant) => {
    const jose = draft(
      'José Ibáñez',
      { memorable: JOSE_LINE, topics: 'rust vs go', promise: 'send him link to my talk on contract testing' },
      { variant, addToAnswer: "jose: should've mentioned using a dead letter queue for bad msgs" },
    );
    const dana = draft(
      'Dana Whitfield',
      {
        memorable: "you walked me through the robot fleet sim, very cool!; she's been at brightwave 6 yrs",
        topics: 'go and code review',
        promise: 'send her link to my talk on contract testing',
      },
      {
        variant: variant + 1,
        addToAnswer: 'on the conflict q I should have said how I escalated to my lead',
      },
    );
    expect(checkNote(check(jose))).toEqual([]);
    expect(checkNote(check(dana))).toEqual([]);
  });
});
