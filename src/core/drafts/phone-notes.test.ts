/**
 * Debriefs typed on a phone in the lobby: lower case, shorthand, emoji, run-on lines, a name for
 * a label. Each case is a line found reading drafts of such debriefs as their recipient would,
 * with the exact wording the note must now have.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANA, anaDraftData, draftToAna, thankYouTemplate as template } from '../../../test/draft-to-ana';
import { addToAnswerFor, renderDraft } from './render';
import { toSecondPerson } from './second-person';
import { expandShorthand } from './shorthand';
import { winkTagger } from './tagger';

const draft = draftToAna;

describe('the point to add to an answer, in the note of the reader it is for', () => {
  it.each([
    ['Ana: should have mentioned idempotency keys', 'I should have mentioned idempotency keys.'],
    ['ana - forgot to say we used the outbox pattern', 'I forgot to say we used the outbox pattern.'],
    [
      "On Ana's question about retries, I'd use idempotency keys",
      "On your question about retries, I'd use idempotency keys.",
    ],
    [
      'when she asked about retries i should have said idempotency keys',
      'When you asked about retries, I should have said idempotency keys.',
    ],
    [
      "i'd add that i ran the 2023 reorg w/o losing anyone",
      "I'd add that I ran the 2023 reorg without losing anyone.",
    ],
  ])('%j -> %j', (typed, expected) => {
    expect(addToAnswerFor(typed, ANA, winkTagger)).toBe(expected);
  });

  it('reads in the note after its lead-in', () => {
    expect(draft({}, 0, 'Ana: should have mentioned idempotency keys')).toContain(
      'Looking back, I would like to add one thing to my answers. I should have mentioned idempotency keys.',
    );
  });
});

describe('lower case and names', () => {
  it('"i" typed for "I" is "I", and "i.e." stays', () => {
    expect(expandShorthand("asked how i handle underperformers, i'd say i.e. coaching first")).toBe(
      "asked how I handle underperformers, I'd say i.e. coaching first",
    );
  });

  it('the reader\'s name with \'s inside a line is "your", not "Your"', () => {
    expect(toSecondPerson("I loved Ana's story about the migration", ANA, winkTagger).text).toBe(
      'I loved your story about the migration',
    );
    expect(toSecondPerson("Ana's story about the migration", ANA, winkTagger).text).toBe(
      'Your story about the migration',
    );
  });
});

/** The body between the greeting and the closing lines. */
const middle = (body: string) => body.split('\n\n').slice(1, -2).join('\n\n');
const OPENING_0 =
  'Thank you for taking the time to speak with me about the Staff Engineer role at Kora on Tuesday, November 24.';

describe('what stayed with you, typed on a phone', () => {
  it.each([
    [
      'great convo abt their release train, they showed me the dashboard they built',
      'Our conversation about the release train has stayed with me since. You showed me the dashboard you built.',
    ],
    [
      'grilled me on memory leaks lol. super sharp',
      'One thing has stayed with me since: you grilled me on memory leaks, and you were super sharp.',
    ],
    [
      'hiring mgr. v candid about team morale after layoffs',
      'One thing has stayed with me since: you were very candid about team morale after layoffs.',
    ],
    [
      'she walked me thru their dbt setup, really enjoyed it',
      'One thing has stayed with me since: you walked me through the dbt setup. I really enjoyed it.',
    ],
    [
      'panel w/ 3 ppl, ana led. loved her q about prioritisation',
      'I loved your question about prioritisation.',
    ],
    [
      "super nice, told me abt her kids' school lol",
      "One thing has stayed with me since: you were super nice and told me about your kids' school.",
    ],
    [
      'talked abt her path from support to eng mgr - really inspiring',
      'I keep coming back to your path from support to engineering manager. I found it really inspiring.',
    ],
    [
      'asked lots about how i handle underperformers 😅',
      'One thing has stayed with me since: you asked a lot about how I handle underperformers.',
    ],
    [
      'recruiter screen, nice call, she said team is 6 ppl, hiring mgr is jo',
      'One thing has stayed with me since: you said the team is 6 people. You mentioned that the hiring manager is jo.',
    ],
  ])('%j', (typed, expected) => {
    expect(middle(draft({ memorable: typed }))).toBe(`${OPENING_0} ${expected}`);
  });
});

describe('a problem they raised, typed as a clause', () => {
  it.each([
    ['onboarding new hires takes 3 months', 'You told me that onboarding new hires takes 3 months.'],
    ['crash rate spiked after ios 17', 'You told me that the crash rate spiked after iOS 17.'],
    ['morale is low after layoffs', 'You told me that morale is low after layoffs.'],
  ])('%j', (typed, expected) => {
    expect(draft({ problem: typed }, 1)).toContain(
      `${expected} Since we spoke I have sketched a few ideas, and I would be happy to send them over.`,
    );
  });
});

describe('a promise', () => {
  it.each([
    [0, 'send the 1:1 template i use', 'As promised, I will send you the 1:1 template I use shortly.'],
    [0, 'send portfolio link by fri', 'As promised, I will send you the portfolio link by Friday.'],
    [1, 'send case study by tmrw', 'I will send you the case study by tomorrow, as I said I would.'],
    [
      2,
      'send link to my talk on feature flags',
      'As we discussed, I will send you the link to my talk on feature flags soon.',
    ],
    [
      3,
      'will share my onboarding doc next week',
      'Following up on what I promised, I will share my onboarding doc next week.',
    ],
  ])('variant %i: %j', (variant, typed, expected) => {
    expect(draft({ promise: typed }, variant)).toContain(expected);
  });
});

describe('three readers of one loop, each told about something', () => {
  it('"told me about X" is said as X, in each reader\'s own frame, not "you told me about" three times', () => {
    const notes = [
      'told me abt the move off heroku',
      'told me about the k8s migration',
      'told me about the new platform team',
    ];
    const firsts = notes.map((memorable, v) =>
      middle(draft({ memorable }, v)).split('. ').slice(1).join('. '),
    );
    expect(firsts).toEqual([
      'I keep coming back to the move off Heroku.',
      'The k8s migration has stayed with me since.',
      'I especially enjoyed hearing about the new platform team.',
    ]);
  });

  it('an activity or a clause they told you about stays what they told you', () => {
    expect(draft({ memorable: 'she told me about mentoring two junior engineers' })).toContain(
      'One thing has stayed with me since: you told me about mentoring two junior engineers.',
    );
  });
});

describe('more of what phones type', () => {
  it.each([
    [
      "he's been there 9 yrs, knows everyone",
      "One thing has stayed with me since: you've been there 9 years and know everyone.",
    ],
    [
      "she mentioned they're hiring 2 more leads next yr",
      "One thing has stayed with me since: you mentioned they're hiring 2 more leads next year.",
    ],
    [
      'runs the team, writes the docs and reviews every PR',
      'One thing has stayed with me since: you run the team, write the docs and review every PR.',
    ],
    // Found drafting a loop through the built CLI at the end of the stop.
    [
      'hiring mgr. v candid that the team is stretched thin since 2 ppl left, asked lots about mentoring',
      'One thing has stayed with me since: you were very candid that the team is stretched thin since 2 people left and asked a lot about mentoring.',
    ],
    [
      'ana walked me thru their fleet telemetry pipeline, super interesting. asked how id handle backpressure',
      "One thing has stayed with me since: you walked me through the fleet telemetry pipeline. You asked how I'd handle backpressure. I found it really interesting.",
    ],
  ])('%j', (typed, expected) => {
    expect(middle(draft({ memorable: typed }))).toBe(`${OPENING_0} ${expected}`);
  });

  it('tools and acronyms typed in lower case are written as their makers write them', () => {
    expect(expandShorthand('kafka, ci/cd & aws costs; react to incidents')).toBe(
      'Kafka, CI/CD and AWS costs; react to incidents',
    );
    expect(draft({ topics: 'kafka, on-call, hiring' })).toContain(
      'It was good to dig into Kafka, on-call and hiring.',
    );
  });

  it('"re: the on-call q" is the on-call question', () => {
    expect(
      addToAnswerFor("re: the on-call q, i'd add that we cut pages by 60% w/ alert budgets", ANA, winkTagger),
    ).toBe("About the on-call question, I'd add that we cut pages by 60% with alert budgets.");
  });
});

describe('a verdict on what came before', () => {
  it.each([
    [
      1,
      'super useful convo abt their infra budget - really eye-opening',
      'I found our discussion of the infra budget very helpful. It was really eye-opening.',
    ],
    [
      0,
      'walked me through the ledger - thought-provoking',
      'One thing has stayed with me since: you walked me through the ledger. I found it thought-provoking.',
    ],
    [
      0,
      'walked me through the ledger - kinda boring',
      'One thing has stayed with me since: you walked me through the ledger.',
    ],
  ])('variant %i: %j', (variant, typed, expected) => {
    expect(draft({ memorable: typed }, variant)).toContain(expected);
    expect(draft({ memorable: typed }, variant)).not.toMatch(/told me (?:that )?(?:it|really)/i);
  });
});

describe('a recruiter screen, and the note after a "no"', () => {
  it('the arrangements discussed (comp, timeline, relocation) are not recalled as conversation', () => {
    expect(middle(draft({ topics: 'comp range, timeline, relocation' }))).toBe(OPENING_0);
    expect(draft({ topics: 'comp range, the ledger migration timeline, hiring' })).toContain(
      'It was good to dig into the ledger migration timeline and hiring.',
    );
    const rejection = readFileSync(
      new URL('../../../templates/thanks-for-consideration.liquid', import.meta.url),
      'utf8',
    );
    const body = renderDraft(rejection, {
      recipient: { firstName: 'Maya', fullName: 'Maya Chen' },
      company: 'Kora Payments',
      role: 'Staff Engineer',
      round: null,
      interviewDate: null,
      notes: { memorable: '', topics: 'comp range, timeline, relocation', problem: '', promise: '' },
      addToAnswer: '',
      variant: 0,
      sender: { name: 'Alex Morgan', signature: null },
    }).body;
    expect(body).toContain(
      'Thank you for letting me know, and for the time you and the team at Kora Payments spent with me. While I am disappointed, I learned a lot from the process. I enjoyed meeting the team.',
    );
  });

  it('promises an introduction as introducing them, and a question typed as a problem loses its "?"', () => {
    const body = draft({
      problem: 'how to scale the team without losing the culture?',
      promise: 'intro to my old manager at shopify',
    });
    expect(body).toContain('I will introduce you to my old manager at Shopify');
    expect(body).toContain('how to scale the team without losing the culture since');
    expect(body).not.toContain('?');
  });

  it('values what the reader said in a rejection reply, and hears about a subject', () => {
    const rejection = readFileSync(
      new URL('../../../templates/thanks-for-consideration.liquid', import.meta.url),
      'utf8',
    );
    const valued = (memorable: string) =>
      renderDraft(
        rejection,
        anaDraftData({ notes: { memorable, topics: '', problem: '', promise: '' }, variant: 3 }),
      ).body;
    expect(valued('their advice on growing into a tech lead role')).toContain(
      'I especially valued your advice on growing into a tech lead role.',
    );
    expect(valued('the ledger rewrite')).toContain('I especially valued hearing about the ledger rewrite.');
  });

  it('spells a person of the opportunity as recorded, and a word that only looks like one stays', () => {
    const withPeople = (memorable: string) =>
      renderDraft(
        template,
        anaDraftData({
          notes: { memorable, topics: '', problem: '', promise: '' },
          people: ['Ana Souza', 'Jo Park', 'Grace Lee', 'Will Chen'],
        }),
      ).body;
    expect(withPeople('she said team is 6 ppl & hiring mgr is jo')).toContain('the hiring manager is Jo.');
    expect(withPeople('she said the grace period for on-call swaps is a week')).toContain('the grace period');
    expect(withPeople('she said she will send the rota')).not.toMatch(/\bWill\b/);
  });

  it('each clause joined by "and" gets its "the"', () => {
    expect(
      middle(draft({ memorable: 'recruiter screen, nice call, she said team is 6 ppl & hiring mgr is jo' })),
    ).toBe(
      `${OPENING_0} One thing has stayed with me since: you said the team is 6 people and the hiring manager is jo.`,
    );
  });
});

describe('a design loop and an SRE loop, read as their recipients', () => {
  it.each([
    [
      'dr eze asked about my research process, seemed v interested in the diary study',
      'One thing has stayed with me since: you asked about my research process and seemed very interested in the diary study.',
    ],
    [
      'design crit was intense but fair, she pushed back on my nav choices',
      'One thing has stayed with me since: the design crit was intense but fair. You pushed back on my nav choices.',
    ],
    [
      'walked me thru their incident process. they do blameless pms w/ exec readout',
      'One thing has stayed with me since: you walked me through the incident process. You mentioned that they do blameless postmortems with exec readout.',
    ],
    [
      'great questions, v sharp',
      'One thing has stayed with me since: you asked great questions, and you were very sharp.',
    ],
  ])('%j', (typed, expected) => {
    const body = renderDraft(template, {
      recipient: { firstName: 'Nnamdi', fullName: 'Dr. Nnamdi Eze' },
      company: 'Globex',
      role: 'Staff Engineer',
      round: null,
      interviewDate: 'Tuesday, November 24',
      notes: { memorable: typed, topics: '', problem: '', promise: '' },
      addToAnswer: '',
      variant: 0,
      sender: { name: 'Ada Obi', signature: null },
    }).body;
    expect(body).toContain(expected);
  });

  it('"no tracing across services" is the lack of it', () => {
    expect(draft({ problem: 'no tracing across services' }, 1)).toContain(
      'Since we spoke, I have sketched some ideas on the lack of tracing across services; I would be happy to send them over.',
    );
  });

  it('a dash after the answer it is about reads as a comma', () => {
    expect(
      addToAnswerFor(
        "on the design systems q - should've talked abt how we measured adoption",
        ANA,
        winkTagger,
      ),
    ).toBe("On the design systems question, I should've talked about how we measured adoption.");
  });

  it('"they" that did something to the writer is the reader even after a team\'s "their"', () => {
    expect(
      draft({ memorable: 'great convo abt their release train, they showed me the dashboard they built' }),
    ).toContain(
      'Our conversation about the release train has stayed with me since. You showed me the dashboard you built.',
    );
  });
});

describe('descriptions of the reader', () => {
  const FRAME_2 =
    'It was a pleasure to talk with you about the Staff Engineer position at Kora on Tuesday, November 24.';
  it.each([
    ['nice', ''],
    ['quiet', ''],
    ['super sharp', ' One part of our conversation keeps coming back to me: you were super sharp.'],
    [
      'really keen on my kafka experience',
      ' One part of our conversation keeps coming back to me: you were really keen on my Kafka experience.',
    ],
    [
      'v excited abt the role',
      ' One part of our conversation keeps coming back to me: you were very excited about the role.',
    ],
    [
      'good call on using postgres',
      ' One part of our conversation keeps coming back to me: you made a good call on using Postgres.',
    ],
  ])('%j', (typed, expected) => {
    expect(middle(draft({ memorable: typed }, 2))).toBe(`${FRAME_2}${expected}`);
  });
});

describe('a company typed in lower case', () => {
  it('a place someone works is written with its capital; "at work", "at scale" are no company', () => {
    expect(expandShorthand('intro him to my old mgr at wise; worked at scale; my friend at work')).toBe(
      'introduce him to my old manager at Wise; worked at scale; my friend at work',
    );
    expect(draft({ promise: 'send her the lag dashboard i built at wise by fri' })).toContain(
      'As promised, I will send you the lag dashboard I built at Wise by Friday.',
    );
  });
});

describe('lists, questions and reported speech', () => {
  const FRAME_1 = 'Thank you for meeting with me about the Staff Engineer role on Tuesday, November 24.';
  it.each([
    [
      '1) asked abt sharding 2) liked my caching answer',
      'I especially appreciated that you asked about sharding, and you liked my caching answer.',
    ],
    [
      'how do we scale hiring w/o lowering the bar?',
      'How to scale hiring without lowering the bar has stayed with me since.',
    ],
    ['we both used to work at monzo lol', 'I especially appreciated that we both used to work at Monzo.'],
    [
      'said the team ships weekly & wants more automated testing',
      'I especially appreciated that you said the team ships weekly and wants more automated testing.',
    ],
  ])('%j', (typed, expected) => {
    expect(middle(draft({ memorable: typed }, 1))).toBe(`${FRAME_1} ${expected}`);
  });

  it.each([
    [
      'how do we scale hiring w/o lowering the bar?',
      'On how to scale hiring without lowering the bar, I have a few concrete ideas',
    ],
    ['their ci takes 45 min & devs hate it', 'You explained that the CI takes 45 minutes and devs hate it.'],
  ])('problem %j', (typed, expected) => {
    expect(draft({ problem: typed }, 3)).toContain(expected);
  });

  it('"in jan!!" is "in January!"', () => {
    expect(expandShorthand("she's leaving in jan!! so the role might change")).toBe(
      "she's leaving in January! so the role might change",
    );
  });
});

describe('what the note does not bring up', () => {
  const FRAME_1 = 'Thank you for meeting with me about the Staff Engineer role on Tuesday, November 24.';
  it.each([
    [
      'interviewer was 15 min late, apologised, then v engaged',
      ' I especially appreciated that you were very engaged.',
    ],
    ['was late, on her phone a lot', ''],
    ['ran 10 min late', ''],
    ['the interviewer asked great questions', ' I especially appreciated that you asked great questions.'],
    [
      'really impressed by my portfolio',
      ' I especially appreciated that you were really impressed by my portfolio.',
    ],
  ])('%j', (typed, expected) => {
    expect(middle(draft({ memorable: typed }, 1))).toBe(`${FRAME_1}${expected}`);
  });
});

describe('one note does not say the same thing twice', () => {
  it('"really enjoyed it" after a line is not followed by "I enjoyed our discussion of…"', () => {
    for (const v of [0, 1, 2, 4]) {
      const body = draft(
        { memorable: 'she walked me thru their dbt setup, really enjoyed it', topics: 'airflow' },
        v,
      );
      expect(body.match(/enjoy/g), body).toHaveLength(1);
    }
    expect(
      draft({ memorable: 'she walked me thru their dbt setup, really enjoyed it', topics: 'airflow' }),
    ).toContain(
      'One thing has stayed with me since: you walked me through the dbt setup. I really enjoyed it. It was good to dig into Airflow.',
    );
  });
});
