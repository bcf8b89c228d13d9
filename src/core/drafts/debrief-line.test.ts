/**
 * Realistic third-person, shorthand debriefs, read as the recipient would read the draft. Each
 * describe block is one class of problem a tester found; the inputs are the tester's lines and
 * paraphrases of them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPersonalDetail } from '../checker/rules/no-personal-detail';
import type { CheckInput } from '../checker/types';
import { debriefParts } from './debrief-line';
import { type DraftData, renderDraft } from './render';
import { toSecondPerson } from './second-person';
import { expandShorthand } from './shorthand';
import { winkTagger } from './tagger';

const NNAMDI = { names: ['Nnamdi Eze', 'Nnamdi'] };
const you = (text: string) => toSecondPerson(text, NNAMDI, winkTagger).text;
const template = readFileSync(new URL('../../../templates/thank-you.liquid', import.meta.url), 'utf8');

function draft(notes: Partial<DraftData['notes']>, variant = 0): string {
  return renderDraft(template, {
    recipient: { firstName: 'Nnamdi', fullName: 'Nnamdi Eze' },
    company: 'Kora',
    role: 'Staff Engineer',
    round: null,
    interviewDate: 'Tuesday, November 24',
    notes: { memorable: '', topics: '', problem: '', promise: '', ...notes },
    addToAnswer: '',
    variant,
    sender: { name: 'Ada Obi', signature: null },
  }).body;
}
const allVariants = (notes: Partial<DraftData['notes']>) => [0, 1, 2, 3, 4].map((v) => draft(notes, v));

describe('shorthand pasted raw', () => {
  it.each([
    ['great chat re: hiring plan', 'great chat about hiring plan'],
    [
      'mgmt w/ 3 eng teams b/c of growth & approx 40 ppl',
      'management with 3 engineering teams because of growth and about 40 people',
    ],
    ['intro her to my old colleague at Monzo', 'introduce her to my old colleague at Monzo'],
    ['Intro Sam to the team', 'introduce Sam to the team'],
    ['an intro to their CTO', 'an introduction to their CTO'],
    ['w/o a PM for 6 mos', 'without a PM for 6 mos'],
    ['re:Invent talk', 're:Invent talk'],
    [
      'wants a staff eng who can mentor 2 eng mgrs',
      'wants a staff engineer who can mentor 2 engineering managers',
    ],
    ['the eng team is approx 40', 'the engineering team is about 40'],
    [
      'the data team and the product team dont talk, thats the problem',
      "the data team and the product team don't talk, that's the problem",
    ],
    ['theyre hiring; i cant say; the wont of the team', "they're hiring; I cant say; the wont of the team"],
    [
      '8 engineers and a pm, standup at 9 am, demo at 3 pm',
      '8 engineers and a PM, standup at 9 am, demo at 3 pm',
    ],
    ['their python monolith; mostly java', 'their Python monolith; mostly Java'],
  ])('%j -> %j', (line, expected) => {
    expect(expandShorthand(line)).toBe(expected);
  });

  const memorables = [
    'great chat re: hiring plan; wants someone to grow the platform team from 4 to 12 next year',
    'good convo re: the roadmap; plans to split the infra team in Q3',
    'Really nice chat w/ her about on-call; needs someone to own incident mgmt',
    'great chat',
  ];
  it.each(memorables)('never frames a verdict on the chat as the topic: %j', (memorable) => {
    for (const body of allVariants({ memorable })) {
      expect(body).not.toMatch(/thinking about great|about (?:great|good|really nice) c/i);
      expect(body).not.toMatch(/\bre:|\bw\/|\bmgmt\b|\bconvo\b/);
      expect(body).not.toMatch(/[;:] ?you (?:want|plan|need)/i);
    }
  });

  it('turns "great chat re: X; wants Y" into the sender enjoying X and what they want, framed as told', () => {
    const body = draft({ memorable: memorables[0] });
    expect(body).toContain('Our conversation about the hiring plan has stayed with me since.');
    expect(body).toContain(
      'You mentioned that you want someone to grow the platform team from 4 to 12 next year.',
    );
  });

  it('frames the same line differently for each reader of one interview', () => {
    const line = 'great chat re: hiring plan; wants someone to grow the platform team from 4 to 12 next year';
    const framed = allVariants({ memorable: line, problem: 'Their AWS bill doubled last year' }).map((b) =>
      b.split(/(?<=\.)\s+/).filter((s) => /platform team from 4|AWS bill/.test(s)),
    );
    const all = framed.flat();
    expect(new Set(all).size).toBe(all.length);
  });

  it('labels each clause by its shape: a chat topic, a noun phrase, a clause with a subject', () => {
    const parts = debriefParts(
      'good convo re: the roadmap; her story about the 2019 outage; their AWS bill doubled',
      NNAMDI,
      winkTagger,
    );
    expect(parts.map((p) => [p.kind, p.text])).toEqual([
      ['chat', 'the roadmap'],
      ['phrase', 'your story about the 2019 outage'],
      ['sentence', 'the AWS bill doubled'],
    ]);
  });

  it('keeps fragments the rewrite joins as one sentence ("Asked X; liked Y")', () => {
    expect(
      debriefParts("Asked how I'd shard the ledger; liked my answer on queues", NNAMDI, winkTagger),
    ).toEqual([
      {
        text: "You asked how I'd shard the ledger, and you liked my answer on queues",
        kind: 'sentence',
        unsure: false,
      },
    ]);
  });
});

describe('possessive her/his -> your, object her/him -> you', () => {
  it.each([
    ['keep her leads from burning out', 'keep your leads from burning out'],
    ['her reports need more support', 'your reports need more support'],
    ['she manages her leads closely', 'you manage your leads closely'],
    ['her new team ships weekly', 'your new team ships weekly'],
    ['his teams run on Kubernetes', 'your teams run on Kubernetes'],
    ['I thanked her for the time', 'I thanked you for the time'],
    ['I told him about the drift detection', 'I told you about the drift detection'],
    ['I will send her the deck', 'I will send you the deck'],
    ['I asked her about the roadmap', 'I asked you about the roadmap'],
    ['thanked her for the time', 'I thanked you for the time'],
    ['asked him about the reorg', 'I asked you about the reorg'],
    ['showed her my Terraform modules', 'I showed you my Terraform modules'],
    // Asking about their own leads: only appreciating what the reader has makes it the writer's.
    ['asked about her leads', 'You asked about your leads'],
  ])('%j -> %j', (line, expected) => {
    expect(you(line)).toBe(expected);
  });
});

describe('a problem they raised is what they told you, not a verdict on them', () => {
  it.each([
    [
      "she's struggling to keep her leads from burning out",
      'how hard it is to keep your leads from burning out',
    ],
    ['he is finding it hard to hire senior engineers', 'how hard it is to hire senior engineers'],
    ['Their AWS bill doubled last year', 'that the AWS bill doubled last year'],
    ['their on-call rota is stretched thin', 'that the on-call rota is stretched thin'],
    ["she's struggling with flaky deploys", 'how hard it has been dealing with flaky deploys'],
    ['struggling w/ on-call load', 'how hard it has been dealing with on-call load'],
    [
      'struggling w/ flaky integration tests slowing releases',
      'how hard it has been dealing with flaky integration tests slowing releases',
    ],
    ['he said his team is approx 3 months behind', 'your team is about 3 months behind'],
  ])('%j is framed as "You <said> %s"', (problem, reported) => {
    const bodies = allVariants({ problem });
    for (const body of bodies) {
      expect(body).toMatch(
        new RegExp(
          `You (?:mentioned|told me|said|explained|shared|talked about|described) ${reported.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.`,
        ),
      );
      expect(body).not.toMatch(/^You(?:'re| are) struggling/m);
      expect(body).not.toMatch(/\btheir\b/i);
    }
  });
});

describe('a problem named with a relative clause is a thing to think about, not a report', () => {
  it.each([
    'reporting queries that time out at month end',
    'a mobile app release train that keeps slipping',
    'deploys that fail at night',
  ])("%j follows the template's own framing in every variant", (problem) => {
    for (const body of allVariants({ problem })) {
      expect(body).toContain(problem);
      expect(body).not.toMatch(/You (?:mentioned|told me|said|explained|shared) that/);
      expect(body).not.toMatch(/\bYou deploy\b/);
    }
  });
});

describe('"their" on the reader’s own story, advice or question is "your"', () => {
  it.each([
    ['their story about migrating the billing system', 'your story about migrating the billing system'],
    ['their advice on growing into a tech lead role', 'your advice on growing into a tech lead role'],
    ['their dog joining the video call halfway through', 'your dog joining the video call halfway through'],
    ['their whiteboard sketch of the event pipeline', 'your whiteboard sketch of the event pipeline'],
    // the team's or the company's things stay "the"
    ['their event pipeline', 'the event pipeline'],
    ['their approach to on-call', 'your approach to on-call'],
  ])('%j is recalled as %j in every variant', (memorable, recalled) => {
    for (const body of allVariants({ memorable })) {
      expect(body.toLowerCase()).toContain(recalled);
      expect(body).not.toMatch(/\btheir\b/i);
    }
  });

  it('reads "your take on X" as the thing recalled, not as a clause', () => {
    for (const body of allVariants({ memorable: 'their take on writing design docs people actually read' })) {
      expect(body).toMatch(/your take on writing design docs people actually read/i);
      expect(body).not.toMatch(/(?:that|since:|to me:) your take/);
    }
  });

  it('enjoys what they said or showed, and hears about a subject', () => {
    expect(draft({ memorable: 'their question about consistency vs latency' }, 2)).toContain(
      'I especially enjoyed your question about consistency vs latency.',
    );
    expect(draft({ memorable: 'the way they framed on-call as a product problem' }, 2)).toContain(
      'I especially enjoyed the way you framed on-call as a product problem.',
    );
    expect(draft({ memorable: 'the ledger rewrite' }, 2)).toContain(
      'I especially enjoyed hearing about the ledger rewrite.',
    );
  });

  it('keeps "the" for their things in a clause of its own', () => {
    for (const body of allVariants({ problem: 'their ci takes 45 min & devs hate it' }))
      expect(body).toMatch(/the CI takes 45 minutes/);
  });
});

describe('what they did, then how they were', () => {
  it('joins a description after a comma to what they did', () => {
    expect(draft({ memorable: 'laughed a lot, very easy to talk to' })).toContain(
      'you laughed a lot and were very easy to talk to.',
    );
  });

  it('recalls "a time" they told of as the time', () => {
    expect(draft({ memorable: 'told me about a time they had a 3 day outage' }, 1)).toContain(
      'The time you had a 3 day outage has stayed with me since.',
    );
  });
});

describe('a problem typed as a want or a need', () => {
  it.each([
    ['need to migrate 200 services to k8s by Q2', 'you need to migrate 200 services to k8s by Q2'],
    ['want to move from monthly to weekly releases', 'you want to move from monthly to weekly releases'],
  ])('%j is theirs: %j', (problem, said) => {
    for (const body of allVariants({ problem })) expect(body).toContain(said);
  });
});

describe('topics as typed', () => {
  it('names an employer and the company’s things as a note would', () => {
    expect(draft({ topics: 'my experience at stripe, their roadmap, a/b testing' }, 1)).toContain(
      'talking with you about my experience at Stripe, the roadmap and A/B testing.',
    );
  });
});

describe('a debrief pasted as a paragraph', () => {
  it('says the questions they asked, keeps out how the writer thinks it went and what kind of round it was', () => {
    const friendly = draft({
      memorable:
        'Friendly but tough questions on system design: design a URL shortener, then scale it to 1B links. Pushed on consistency. I think it went ok.',
    });
    expect(friendly).toContain(
      'you asked friendly but tough questions on system design: design a URL shortener, then scale it to 1B links, and you pushed on consistency.',
    );
    expect(friendly).not.toMatch(/went ok|was friendly/i);
    const behavioural = draft({
      memorable:
        'Mostly behavioural. STAR questions about conflict and failure. He shared that he joined 3 months ago from Atlassian.',
    });
    expect(behavioural).toContain('you asked STAR questions about conflict and failure.');
    expect(behavioural).not.toMatch(/behavioural/i);
  });

  it('writes "they" after "that" in lower case', () => {
    const body = draft({
      memorable: 'She leads the platform group. They are moving from ECS to Kubernetes this year.',
    });
    expect(body).not.toMatch(/that They\b/);
  });
});

describe('what the writer saw stays with the writer', () => {
  it.each([
    ['talked a lot about their migration to k8s, she seemed stressed about the timeline', /stressed/],
    ['walked me through the roadmap, looked a bit tired', /tired/],
    ['had to cut it short for another meeting', /cut it short|another meeting/],
    ['she was the hiring manager, gave me a lot of context on the team', /you were the hiring manager/i],
    ['ex-google, built their ml platform from scratch', /google/i],
  ])('%j keeps the impression out of every variant', (memorable, impression) => {
    for (const body of allVariants({ memorable })) expect(body).not.toMatch(impression);
  });

  it('says a verdict on the thing shown as the writer’s own, not as a word about the reader', () => {
    for (const body of allVariants({
      memorable: 'showed me their internal deploy dashboard - super slick',
    })) {
      expect(body).toContain('I found it really slick.');
      expect(body).not.toMatch(/you were super slick/i);
    }
  });

  it('is glad they liked the writer’s answer, rather than telling them they did', () => {
    for (const body of allVariants({
      memorable: 'asked me to design a rate limiter. liked my token bucket answer',
    })) {
      expect(body).toContain('I was glad you liked my token bucket answer.');
      expect(body).not.toContain('You liked my');
    }
  });

  it('reads "hiring for 2 senior roles, wants someone…" as what they are doing and want', () => {
    expect(
      draft({ memorable: 'hiring for 2 senior roles, wants someone to lead the payments rewrite' }),
    ).toContain("you're hiring for 2 senior roles and want someone to lead the payments rewrite.");
  });

  it('recalls a thing, then what they did with it, as two sentences', () => {
    expect(draft({ memorable: 'deep dive into my last project, pushed on why we picked dynamo' })).toContain(
      'I keep coming back to the deep dive into my last project. You pushed on why we picked dynamo.',
    );
  });

  it('writes executive titles typed in lower case as titles', () => {
    expect(draft({ memorable: 'the cto joined for the last 10 min' })).toContain('the CTO joined');
  });
});

describe('the recipient named in the third person', () => {
  it.each([
    [
      'Dr. Eze told me he started the platform team himself in 2019',
      'You told me you started the platform team yourself in 2019',
    ],
    ['Dr Eze runs the platform team', 'You run the platform team'],
    ['Mr Eze said he was hiring', 'You said you were hiring'],
    ["Nnamdi's team owns billing", 'Your team owns billing'],
    ['Eze mentioned his daughter is learning Go', 'You mentioned your daughter is learning Go'],
  ])('%j -> %j', (line, expected) => {
    expect(you(line)).toBe(expected);
  });

  it('also when the name is recorded with a title', () => {
    expect(
      toSecondPerson('Dr. Eze built it himself', { names: ['Dr. Nnamdi Eze', 'Nnamdi'] }, winkTagger).text,
    ).toBe('You built it yourself');
  });
});

describe('subject-less fragments joined by commas', () => {
  it.each([
    [
      'asked great questions about my Terraform modules, was impressed by the drift detection',
      'You asked great questions about my Terraform modules and were impressed by the drift detection',
    ],
    [
      'asked about my caching layer, liked the TTL trick',
      'You asked about my caching layer and liked the TTL trick',
    ],
    ['was keen on the migration plan', 'You were keen on the migration plan'],
    [
      'pushed back on my estimate, asked for a breakdown, was happy with it',
      'You pushed back on my estimate, asked for a breakdown and were happy with it',
    ],
  ])('%j -> %j', (line, expected) => {
    expect(you(line)).toBe(expected);
  });
});

describe('promises', () => {
  it.each([
    ['intro her to my old colleague at Monzo', 'introduce you to my old colleague at Monzo'],
    ['will intro him to Sam at Wise', 'introduce you to Sam at Wise'],
    ['send her the deck', 'send you the deck'],
    ['the benchmark results', 'send you the benchmark results'],
    ["I'll share the RFC w/ him", 'share the RFC with you'],
  ])('%j -> "As promised, I will %s"', (promise, action) => {
    expect(draft({ promise })).toContain(`As promised, I will ${action} shortly.`);
  });
});

describe('the same line typed twice', () => {
  const line = 'wants someone to grow the platform team from 4 to 12 next year';
  it.each([
    [line, line],
    [line, 'Wants someone to grow the platform team from 4 to 12 next year.'],
    [line, 'wants someone to grow the platform team from 4 to 12'],
  ])('memorable %j and problem %j appear once', (memorable, problem) => {
    for (const body of allVariants({ memorable, problem })) {
      expect(body.match(/grow the platform team/g)).toHaveLength(1);
    }
  });

  it('a topic already said in another line is not listed again', () => {
    const body = draft({ memorable: 'great chat re: hiring plan', topics: 'hiring plan; incident mgmt' });
    expect(body.match(/hiring plan/g)).toHaveLength(1);
    expect(body).toContain('incident management');
    expect(draft({ topics: 'eng mgmt; platform team' })).toContain(
      'engineering management and the work of the platform team',
    );
  });
});

describe('unsure lines stay as written', () => {
  it('leaves the words and the hint names the line', () => {
    const d = renderDraft(template, {
      recipient: { firstName: 'Nnamdi', fullName: 'Nnamdi Eze' },
      company: 'Kora',
      role: 'Staff Engineer',
      round: null,
      interviewDate: null,
      notes: { memorable: 'her manager Tom said he would call', topics: '', problem: '', promise: '' },
      addToAnswer: '',
      variant: 0,
      sender: { name: 'Ada', signature: null },
    });
    expect(d.body).toContain('her manager Tom said he would call');
    expect(d.hints.join('\n')).toContain('"her manager Tom said he would call"');
  });
});

describe('no-personal-detail quotes the debrief as the note would say it', () => {
  const input = (detail: string): CheckInput => ({
    body: 'Hi Nnamdi,\n\nThank you for your time. I enjoyed our conversation.\n\nBest regards,\nAda',
    kind: 'thank-you',
    recipient: { displayName: 'Nnamdi Eze', company: 'Kora' },
    company: 'Kora',
    otherCompanies: [],
    knownPeople: [],
    otherNotes: [],
    personalDetails: [detail],
    due: null,
    sendAt: '2026-11-25T09:00:00Z',
    speller: null,
  });
  it.each([
    [
      'Dr. Eze told me he started the platform team himself in 2019 after leaving Andela',
      '“You told me you started the platform team yourself in 2019…”',
    ],
    [
      "she's struggling to keep her leads from burning out",
      "“you're struggling to keep your leads from burning out”",
    ],
  ])('%j', (detail, quoted) => {
    const [f] = checkPersonalDetail(input(detail));
    expect(f?.message).toContain(quoted);
    expect(f?.message).not.toMatch(/\w…\w/);
  });
});
