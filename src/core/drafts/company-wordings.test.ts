/**
 * The round of fixes after reading one company's notes side by side: the point to add to an
 * answer needs real evidence to reach an interviewer, wordings are chosen across the whole
 * opportunity, the note after a "no" has five wordings, and a note's opening never repeats a verb
 * or adjective of its body.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECOND_PERSON_CASES } from './fixtures/second-person-cases';
import { type DraftData, openingRepeats, renderDraft } from './render';
import { addToAnswerReader, opportunityReaderIndex } from './variants';

const templates = join(import.meta.dirname, '../../../templates');
const thankYou = readFileSync(join(templates, 'thank-you.liquid'), 'utf8');
const rejection = readFileSync(join(templates, 'thanks-for-consideration.liquid'), 'utf8');

const data = (
  name: string,
  variant: number,
  notes: Partial<DraftData['notes']> = {},
  interviewDate: string | null = 'Monday, December 7',
): DraftData => ({
  recipient: { firstName: name.split(' ')[0] ?? name, fullName: name },
  company: 'Wise',
  role: 'Platform Engineer',
  round: null,
  interviewDate,
  notes: { memorable: '', topics: '', problem: '', promise: '', ...notes },
  addToAnswer: '',
  variant,
  sender: { name: 'Jo Doe', signature: null },
});

/** The sentences between the greeting and the sign-off. */
const sentences = (body: string) =>
  body
    .split('\n\n')
    .slice(1, -1)
    .join(' ')
    .split(/(?<=[.!?;])\s+/)
    .map((s) => s.trim());

describe('the point to add to an answer needs real evidence', () => {
  const readers = [
    {
      contactId: 'c-ana',
      notes: 'walked me through the infra budget for next year',
      names: ['Ana Souza', 'Ana'],
    },
    { contactId: 'c-ben', notes: 'asked about on-call; the pager load', names: ['Ben Ito', 'Ben'] },
  ];

  it('one shared generic word ("budget") places it nowhere', () => {
    expect(
      addToAnswerReader('should have mentioned how I set alert budgets per service', readers),
    ).toBeNull();
  });

  it('a content word that is not generic, a term, or a name places it', () => {
    expect(addToAnswerReader('should have said how I cut pager noise by half', readers)).toBe('c-ben');
    expect(
      addToAnswerReader('should have mentioned the k8s autoscaler', [
        { contactId: 'c-ana', notes: 'runs k8s for 40 teams' },
        { contactId: 'c-ben', notes: 'asked about on-call' },
      ]),
    ).toBe('c-ana');
    expect(addToAnswerReader('Ana: should have mentioned alert budgets', readers)).toBe('c-ana');
    // typed on a phone without the accent, among several interviewers
    const withJose = [
      ...readers,
      { contactId: 'c-jose', notes: 'asked about batching', names: ['José Ibáñez', 'José'] },
    ];
    expect(addToAnswerReader('jose: should have mentioned a dead letter queue', withJose)).toBe('c-jose');
    expect(addToAnswerReader('on jose’s q I should have said more', withJose)).toBe('c-jose');
    // a term, singular in one place and plural in the other
    expect(
      addToAnswerReader('on the SLO question I should have said we paged on burn rate', [
        { contactId: 'c-ana', notes: 'walked me through the infra budget' },
        { contactId: 'c-tom', notes: 'asked how we set SLOs for the payments API' },
      ]),
    ).toBe('c-tom');
  });
});

describe('wordings are chosen across the whole opportunity', () => {
  // Ana alone on Monday, Ben alone on Thursday: each first in their own interview.
  const monday = { participants: [{ contactId: 'ana', role: 'interviewer' as const }] };
  const thursday = {
    participants: [
      { contactId: 'rec', role: 'coordinator' as const },
      { contactId: 'ben', role: 'interviewer' as const },
      { contactId: 'ana', role: 'interviewer' as const },
    ],
  };

  it('numbers everyone met at the company once, interviewers first, in order of meeting', () => {
    expect(opportunityReaderIndex([monday, thursday], 'ana')).toBe(0);
    expect(opportunityReaderIndex([monday, thursday], 'ben')).toBe(1);
    expect(opportunityReaderIndex([monday, thursday], 'rec')).toBe(2);
    expect(opportunityReaderIndex([monday, thursday], 'someone-else')).toBe(3);
    // the same order however often it is asked
    expect(opportunityReaderIndex([monday, thursday], 'ben')).toBe(1);
  });

  it('so Ana (Monday) and Ben (Thursday) share no sentence frame', () => {
    const notes = { memorable: 'told me about the ledger rewrite', topics: 'caching' };
    const ana = renderDraft(
      thankYou,
      data('Ana Souza', opportunityReaderIndex([monday, thursday], 'ana'), notes),
    );
    const ben = renderDraft(
      thankYou,
      data('Ben Ito', opportunityReaderIndex([monday, thursday], 'ben'), notes, 'Thursday, December 10'),
    );
    expect(ana.body).toBe(
      'Hi Ana,\n\nThank you for taking the time to speak with me about the Platform Engineer role at Wise on Monday, December 7. I keep coming back to the ledger rewrite. It was good to dig into caching.\n\nThank you again for your time. I look forward to hearing about the next steps.\n\nBest regards,\nJo Doe',
    );
    expect(ben.body).toBe(
      'Hi Ben,\n\nThank you for meeting with me about the Platform Engineer role on Thursday, December 10. The ledger rewrite has stayed with me since. The highlight of my day was talking with you about caching.\n\nThanks again, and I hope we can continue the conversation soon.\n\nKind regards,\nJo Doe',
    );
  });
});

describe('the thanks-for-consideration note', () => {
  it('is personal from the debrief, asks to stay in touch for future roles, and reads differently per reader', () => {
    const maya = renderDraft(
      rejection,
      data('Maya Chen', 0, { memorable: 'her story about the migration off heroku', topics: 'hiring' }, null),
    );
    expect(maya.subject).toBe('Thank you for considering me – Platform Engineer');
    expect(maya.body).toBe(
      'Hi Maya,\n\nThank you for letting me know, and for the time you and the team at Wise spent with me. While I am disappointed, I learned a lot from the process. I will remember your story about the migration off Heroku.\n\nI would be glad to stay in touch, and if another role opens up where my background could help, I would love to be considered.\n\nBest wishes,\nJo Doe',
    );
    const ben = renderDraft(rejection, data('Ben Ito', 3, { topics: 'caching; comp range' }, null));
    expect(ben.body).toBe(
      'Hi Ben,\n\nThank you for the update, and for considering me for the Platform Engineer position. I am grateful for the chance all the same. I came away with a lot to think about on caching.\n\nIf a role comes up that fits my experience, I would welcome hearing from you, and I hope our paths cross again.\n\nWarm regards,\nJo Doe',
    );
    const bodies = [0, 1, 2, 3, 4].map((v) => renderDraft(rejection, data('Sam Okafor', v, {}, null)).body);
    const subjects = new Set(
      [0, 1, 2, 3, 4].map((v) => renderDraft(rejection, data('Sam Okafor', v)).subject),
    );
    expect(subjects.size).toBe(5);
    for (const [i, a] of bodies.entries())
      for (const b of bodies.slice(i + 1)) {
        const shared = sentences(a).filter((s) => sentences(b).includes(s));
        expect(shared).toEqual([]);
      }
    for (const body of bodies) {
      // never bitter nor pleading
      expect(body).not.toMatch(/\b(?:unfair|mistake|reconsider|beg|please reconsider|any chance)\b/i);
      expect(body).toMatch(/touch|contact|connected|paths cross|keep me in mind|think of me/);
    }
  });
});

describe('the opening never repeats a verb or adjective of the body', () => {
  it('"I really enjoyed it" after variant 3 opening keeps "enjoyed" to the user\'s own words', () => {
    const body = renderDraft(
      thankYou,
      data('Ana Souza', 3, { memorable: 'she walked me thru their dbt setup, really enjoyed it' }),
    ).body;
    expect(body.split('\n\n')[1]).toBe(
      'Thank you for your time and for such a thoughtful conversation about the Platform Engineer role on Monday, December 7. It stayed with me that you walked me through the dbt setup. I really enjoyed it.',
    );
  });

  it('"took lots of notes" after "taking the time" takes the other opening', () => {
    const body = renderDraft(thankYou, data('Ana Souza', 0, { memorable: 'quiet, took lots of notes' })).body;
    expect(body.split('\n\n')[1]).toBe(
      'Thank you for interviewing me for the Platform Engineer role at Wise on Monday, December 7. One thing has stayed with me since: you took lots of notes.',
    );
  });

  it('holds for every fixture line in every wording', () => {
    for (const [line] of SECOND_PERSON_CASES)
      for (let v = 0; v < 5; v++) {
        const body = renderDraft(thankYou, data('Ana Souza', v, { memorable: line, topics: 'caching' })).body;
        expect({ line, v, repeats: openingRepeats(body) }).toEqual({ line, v, repeats: 0 });
      }
  });
});

describe('found reading two loops drafted through the CLI', () => {
  it('"really enjoyed it" after something that was not done with the writer is "talking with you"', () => {
    const body = renderDraft(
      thankYou,
      data('Sofia Marsh', 4, { memorable: "she's rebuilding the team after a reorg, really enjoyed it" }),
    ).body;
    expect(body.split('\n\n')[1]).toBe(
      "I appreciated the chance to speak with you about joining the team at Wise on Monday, December 7. Something I have thought about since is that you're rebuilding the team after a reorg. I really enjoyed talking with you.",
    );
  });

  it('a question-word topic keeps its "and"; a day typed in lower case takes its capital; a plural problem agrees', () => {
    const body = renderDraft(
      thankYou,
      data('Sofia Marsh', 4, {
        topics: 'roadmap; how design and eng plan together',
        problem: 'flaky deploys on fridays',
      }),
    ).body;
    expect(body).toContain(
      'Getting into the details of the roadmap and how design and engineering plan together was the best part of my day.',
    );
    expect(body).toContain(
      'Tackling flaky deploys on Fridays is exactly the kind of challenge I enjoy, and I would be happy to put my thoughts on it in writing.',
    );
  });

  it('a team as a topic is the work of the team ("dig into the SRE team" read oddly)', () => {
    const body = renderDraft(
      thankYou,
      data('Dana Whitfield', 0, { topics: 'the SRE team; comp range' }),
    ).body;
    expect(body).toContain('It was good to dig into the work of the SRE team.');
    const after = renderDraft(
      rejection,
      data('Dana Whitfield', 0, { topics: 'the SRE team; comp range' }, null),
    ).body;
    expect(after).toContain('I enjoyed our conversations about the work of the SRE team.');
  });

  it('wording 2 says "our conversation" once ("keeps coming back to me" then "after our exchange on")', () => {
    const body = renderDraft(
      thankYou,
      data('Tom Hale', 2, {
        memorable: 'asked about my research process, seemed v interested in the diary study',
        topics: 'research ops',
      }),
    ).body;
    expect(body.split('\n\n')[1]).toBe(
      'It was a pleasure to talk with you about the Platform Engineer position at Wise on Monday, December 7. One part of our conversation keeps coming back to me: you asked about my research process and seemed very interested in the diary study. The work sounds even more interesting after our exchange on research ops.',
    );
  });
});
