import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CheckInput, type CheckRuleId, checkNote, type Finding, hasErrors, type Speller } from './check';

const SIOBHAN = "Siobhán O'Connell";
const DIEGO = 'Diego Fernández-Ortiz';
const WENLI = 'Wen-Li Zhang';

const CLEAN = `Hi Siobhán,

Thank you for taking the time to talk with me on Tuesday about the platform engineering role at Northwind Labs. I especially enjoyed your story about moving the billing service to event sourcing, and how the team handled the replay bugs along the way.

You mentioned that flaky integration tests slow down releases. I have been thinking about it since: I would start by quarantining the worst offenders and tracking them on a shared dashboard, which worked well for my last team.

I'm excited about the chance to help Northwind grow its platform, and I look forward to hearing about next steps.

Best regards,
Sam Okafor`;

/** A note to Siobhán at Northwind Labs, on time, with her debrief notes; override what a test varies. */
function input(overrides: Partial<CheckInput> = {}): CheckInput {
  return {
    body: CLEAN,
    subject: 'Thank you for Tuesday',
    kind: 'thank-you',
    recipient: { displayName: SIOBHAN, company: 'Northwind Labs' },
    company: 'Northwind Labs',
    otherCompanies: ['Contoso', 'Fabrikam Inc.'],
    knownPeople: [{ displayName: SIOBHAN }, { displayName: DIEGO }, { displayName: WENLI }],
    otherNotes: [],
    personalDetails: [
      'Story about moving billing to event sourcing',
      'Flaky integration tests slow releases',
    ],
    due: '2026-12-02T18:00:00Z',
    sendAt: '2026-12-02T10:00:00Z',
    speller: null,
    ...overrides,
  };
}

const of = (findings: Finding[], rule: CheckRuleId) => findings.filter((f) => f.rule === rule);
const spanText = (body: string, f: Finding) => body.slice(f.start, f.end);
const withBody = (body: string, overrides: Partial<CheckInput> = {}) => input({ body, ...overrides });
const replaced = (from: string, to: string) => CLEAN.replace(from, to);

describe('checkNote on a clean note', () => {
  it('finds nothing in a personal, on-time note to the right person at the right company', () => {
    expect(checkNote(input())).toEqual([]);
  });
});

describe('wrong-company', () => {
  it('flags another company the user is talking to, with its span, as an error', () => {
    const body = replaced('role at Northwind Labs', 'role at Contoso');
    const [f, ...rest] = of(checkNote(withBody(body)), 'wrong-company');
    expect(rest).toEqual([]);
    expect(f?.severity).toBe('error');
    expect(spanText(body, f as Finding)).toBe('Contoso');
    expect(f?.message).toContain('Contoso');
  });

  it('recognises the short form of another company ("Fabrikam" for "Fabrikam Inc.")', () => {
    const body = replaced('help Northwind grow', 'help Fabrikam grow');
    expect(of(checkNote(withBody(body)), 'wrong-company').map((f) => spanText(body, f))).toEqual([
      'Fabrikam',
    ]);
  });

  it('flags a wrong company in the subject with a 0..0 span', () => {
    const [f] = of(checkNote(input({ subject: 'Thank you from your Contoso candidate' })), 'wrong-company');
    expect(f).toMatchObject({ start: 0, end: 0, severity: 'error' });
    expect(f?.message).toMatch(/subject/);
  });

  it('flags a proper noun where the company belongs when the recipient company is never named', () => {
    const body = CLEAN.replace('role at Northwind Labs', 'role at Globex').replace(
      'help Northwind grow',
      'help grow',
    );
    const found = of(checkNote(withBody(body)), 'wrong-company');
    expect(found.map((f) => spanText(body, f))).toEqual(['Globex']);
    expect(found[0]?.message).toContain('never names Northwind Labs');
  });

  it('does not flag common words or the recipient company, nor an unrelated proper noun once the company is named', () => {
    const body = replaced('worked well for my last team', 'worked well for my team at Globex');
    expect(of(checkNote(withBody(body)), 'wrong-company')).toEqual([]);
    const lower = replaced('event sourcing', 'event sourcing for contoso-like workloads');
    expect(of(checkNote(withBody(lower)), 'wrong-company')).toEqual([]);
  });

  it('does not flag another company whose short name is the same as the recipient company', () => {
    const found = checkNote(input({ otherCompanies: ['Northwind Traders'] }));
    expect(of(found, 'wrong-company')).toEqual([]);
  });

  it('does not flag a note that names no company at all', () => {
    const body = CLEAN.replace(' at Northwind Labs', '').replace('help Northwind grow', 'help grow');
    expect(of(checkNote(withBody(body)), 'wrong-company')).toEqual([]);
  });
});

describe('wrong-name', () => {
  it('flags a greeting to someone else the store knows, naming who it is', () => {
    const body = replaced('Hi Siobhán,', 'Hi Diego,');
    const [f, ...rest] = of(checkNote(withBody(body)), 'wrong-name');
    expect(rest).toEqual([]);
    expect(f?.severity).toBe('error');
    expect(spanText(body, f as Finding)).toBe('Diego');
    expect(f?.message).toContain(DIEGO);
    expect(f?.message).toContain(SIOBHAN);
  });

  it('flags a greeting to a stranger', () => {
    const body = replaced('Hi Siobhán,', 'Dear Priya,');
    expect(of(checkNote(withBody(body)), 'wrong-name').map((f) => spanText(body, f))).toEqual(['Priya']);
  });

  it.each([
    ['Hi Siobhan,', 'Siobhan'],
    ['Dear Ms. OConnell,', 'OConnell'],
    ['Dear Ms. O’Connel,', null],
  ])('flags the misspelled greeting %s', (greeting, written) => {
    const body = replaced('Hi Siobhán,', greeting);
    const found = of(checkNote(withBody(body)), 'wrong-name');
    expect(found).toHaveLength(1);
    if (written) expect(spanText(body, found[0] as Finding)).toBe(written);
  });

  it('flags a misspelled name in the body, hyphen and accents included', () => {
    const body = replaced('Best regards', 'Diego Fernandez Ortiz joined us too.\n\nBest regards');
    const found = of(
      checkNote(withBody(body, { recipient: { displayName: DIEGO, company: 'Northwind Labs' } })),
      'wrong-name',
    );
    const texts = found.map((f) => spanText(body, f));
    expect(texts).toContain('Diego Fernandez Ortiz');
    // The greeting "Hi Siobhán," also addresses someone other than Diego.
    expect(texts).toContain('Siobhán');
    expect(found.find((f) => spanText(body, f) === 'Diego Fernandez Ortiz')?.message).toContain(
      'Fernández-Ortiz',
    );
  });

  it('flags "Wenli" and "Wen Li" for Wen-Li', () => {
    for (const written of ['Wenli', 'Wen Li']) {
      const body = `Hi ${written},\n\n${CLEAN.split('\n').slice(2).join('\n')}`;
      const found = of(
        checkNote(withBody(body, { recipient: { displayName: WENLI, company: null } })),
        'wrong-name',
      );
      expect(found.map((f) => spanText(body, f))).toEqual([written]);
    }
  });

  it.each([
    'Hi Siobhán,',
    "Dear Siobhán O'Connell,",
    'Dear Ms. O’Connell,',
    'Hello Siobhán!',
    'Hi there,',
    'Dear Hiring Team,',
    'Good morning Siobhán,',
    'Hello Northwind Labs team,',
  ])('accepts the greeting %s', (greeting) => {
    const body = replaced('Hi Siobhán,', greeting);
    expect(of(checkNote(withBody(body)), 'wrong-name')).toEqual([]);
  });

  it('accepts first-name-only and short-form greetings for hyphenated and long names', () => {
    const wen = `Hi Wen-Li,\n\n${CLEAN.split('\n').slice(2).join('\n')}`;
    expect(
      of(checkNote(withBody(wen, { recipient: { displayName: WENLI, company: null } })), 'wrong-name'),
    ).toEqual([]);
    const alex = `Hi Alex,\n\n${CLEAN.split('\n').slice(2).join('\n')}`;
    expect(
      of(
        checkNote(withBody(alex, { recipient: { displayName: 'Alexandra Petrov', company: null } })),
        'wrong-name',
      ),
    ).toEqual([]);
  });
});

describe('wrong-name, more cases', () => {
  it('calls a one-letter slip in the greeting a misspelling of the recorded name', () => {
    const body = replaced('Hi Siobhán,', 'Dear Ms. O’Connel,');
    const [f] = of(checkNote(withBody(body)), 'wrong-name');
    expect(spanText(body, f as Finding)).toBe('O’Connel');
    expect(f?.message).toContain("recorded as “O'Connell”");
  });

  it('flags "Fernandez Ortiz" after a title in the greeting for Fernández-Ortiz', () => {
    const body = replaced('Hi Siobhán,', 'Dear Mr. Fernandez Ortiz,');
    const found = of(
      checkNote(withBody(body, { recipient: { displayName: DIEGO, company: null } })),
      'wrong-name',
    );
    expect(found.map((f) => spanText(body, f))).toEqual(['Fernandez Ortiz']);
  });

  it('flags a known person addressed in the body ("Thanks again, Diego!")', () => {
    const body = replaced('Best regards', 'Thanks again, Diego!\n\nBest regards');
    const found = of(checkNote(withBody(body)), 'wrong-name');
    expect(found.map((f) => spanText(body, f))).toEqual(['Diego']);
    expect(
      of(
        checkNote(withBody(replaced('Best regards', 'Thanks again, Siobhán!\n\nBest regards'))),
        'wrong-name',
      ),
    ).toEqual([]);
  });

  it('finds the wrong name among thousands of people in the store', () => {
    // What the store's size costs is a bench row (bench/checker.bench.ts); here, that it still works.
    const knownPeople = Array.from({ length: 3000 }, (_, i) => ({ displayName: `Person${i} Surname${i}` }));
    const body = replaced('Hi Siobhán,', 'Hi Diego,');
    const people = [...knownPeople, { displayName: DIEGO }, { displayName: SIOBHAN }];
    const found = of(checkNote(withBody(body, { knownPeople: people })), 'wrong-name');
    expect(found.map((f) => spanText(body, f))).toEqual(['Diego']);
    expect(found[0]?.message).toContain(DIEGO);
  });
});

describe("wrong-company, the user's own past", () => {
  it('does not take a person for a company ("joining Diego\'s team")', () => {
    const body = CLEAN.replace(' at Northwind Labs', '')
      .replace('help Northwind grow', 'help grow')
      .replace('worked well for my last team', "would serve me well joining Diego's team");
    expect(of(checkNote(withBody(body)), 'wrong-company')).toEqual([]);
  });

  it('does not take a former employer for a slip, even when the company is not named', () => {
    const body = CLEAN.replace(' at Northwind Labs', '')
      .replace('help Northwind grow', 'help grow')
      .replace('worked well for my last team', 'worked well for my previous team at Globex');
    expect(of(checkNote(withBody(body)), 'wrong-company')).toEqual([]);
  });
});

describe('placeholder', () => {
  it.each([
    '{{first_name}}',
    '[Name]',
    '[your company]',
    '<company>',
    'XXX',
    'TODO',
    'TBD',
    '{company}',
    '____',
  ])('flags %s as an error with its span', (field) => {
    const body = replaced('on Tuesday', `on Tuesday ${field}`);
    const found = of(checkNote(withBody(body)), 'placeholder');
    expect(found.map((f) => spanText(body, f))).toEqual([field]);
    expect(found[0]?.severity).toBe('error');
  });

  it('flags a placeholder in the subject with a 0..0 span', () => {
    expect(of(checkNote(input({ subject: 'Thank you, [Name]' })), 'placeholder')).toMatchObject([
      { start: 0, end: 0 },
    ]);
  });

  it('leaves e-mail addresses, links, todo lists and ordinary brackets alone', () => {
    const body = replaced(
      'Best regards',
      'My portfolio [link](https://example.org) and sam <sam@example.org> are below; the to-do list (TODOs aside) is done.\n\nBest regards',
    );
    expect(of(checkNote(withBody(body)), 'placeholder')).toEqual([]);
  });
});

describe('duplicate-note', () => {
  const toDiego = CLEAN.replace('Hi Siobhán,', 'Hi Diego,');

  it('flags a near copy of the note to another person at the company, naming them', () => {
    const found = of(
      checkNote(input({ otherNotes: [{ recipientName: DIEGO, body: toDiego }] })),
      'duplicate-note',
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', start: 0, end: CLEAN.length });
    expect(found[0]?.message).toContain(DIEGO);
  });

  it('still flags it when a sentence or two changed', () => {
    const edited = toDiego.replace('Best regards', 'Warm regards').replace('on Tuesday', 'on Wednesday');
    expect(
      of(checkNote(input({ otherNotes: [{ recipientName: DIEGO, body: edited }] })), 'duplicate-note'),
    ).toHaveLength(1);
  });

  it('does not flag notes that share only their frame', () => {
    const other = `Hi Diego,

Thank you for taking the time to talk with me on Tuesday about the platform engineering role at Northwind Labs. Your walkthrough of the search ranking pipeline was the highlight of my day, especially the part about offline evaluation.

You asked how I would measure relevance regressions; I would add a small golden set of queries to every release and alert on drops.

Best regards,
Sam Okafor`;
    expect(
      of(checkNote(input({ otherNotes: [{ recipientName: DIEGO, body: other }] })), 'duplicate-note'),
    ).toEqual([]);
  });

  it('ignores very short notes', () => {
    const short = 'Hi Siobhán,\n\nThanks again for today!\n\nSam';
    expect(
      of(
        checkNote(
          withBody(short, {
            otherNotes: [{ recipientName: DIEGO, body: short.replace('Siobhán', 'Diego') }],
          }),
        ),
        'duplicate-note',
      ),
    ).toEqual([]);
  });
});

describe('no-personal-detail', () => {
  const generic = `Hi Siobhán,

Thank you for taking the time to interview me for the role at Northwind Labs. I enjoyed our conversation and I am excited about the opportunity to join the team.

I look forward to hearing about next steps.

Best regards,
Sam Okafor`;

  it('warns about a generic thank-you that uses nothing from the debrief', () => {
    const [f, ...rest] = of(checkNote(withBody(generic)), 'no-personal-detail');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'warning', start: 0, end: generic.length });
    expect(f?.message).toContain(SIOBHAN);
  });

  it('accepts a note that recalls a debrief detail in other words ("migrating" for "migration")', () => {
    const body = generic.replace('I enjoyed our conversation', 'I enjoyed hearing about migrating billing');
    expect(
      of(checkNote(withBody(body, { personalDetails: ['the billing migration'] })), 'no-personal-detail'),
    ).toEqual([]);
  });

  it('with no debrief notes, warns about a generic note and accepts one that recalls what they said', () => {
    expect(of(checkNote(withBody(generic, { personalDetails: [] })), 'no-personal-detail')).toHaveLength(1);
    expect(of(checkNote(input({ personalDetails: [] })), 'no-personal-detail')).toEqual([]);
  });

  it('only applies to thank-you notes', () => {
    expect(of(checkNote(withBody(generic, { kind: 'check-in' })), 'no-personal-detail')).toEqual([]);
  });
});

describe('desperate-tone', () => {
  it.each([
    'I really need this job.',
    'Please let me know ASAP.',
    "I'm desperate to hear back.",
    'Any update??',
    'Thanks!!!',
  ])('warns about %s', (phrase) => {
    const body = replaced('Best regards', `${phrase}\n\nBest regards`);
    const found = of(checkNote(withBody(body)), 'desperate-tone');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]?.severity).toBe('warning');
    expect(phrase).toContain(spanText(body, found[0] as Finding));
  });

  it('leaves a calm check-in alone', () => {
    const body =
      'Hi Siobhán,\n\nI hope your week is going well! I wanted to check in on the role; I know these decisions take time, and I am happy to wait for your timeline. Please let me know if anything else would help.\n\nBest regards,\nSam';
    expect(of(checkNote(withBody(body, { kind: 'check-in' })), 'desperate-tone')).toEqual([]);
  });
});

describe('too-long', () => {
  const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');

  it('warns about a thank-you over 250 words, spanning the overflow', () => {
    const body = words(260);
    const [f] = of(checkNote(withBody(body)), 'too-long');
    expect(f).toMatchObject({ severity: 'warning', start: 250 * 5, end: body.length });
    expect(f?.message).toContain('260 words');
  });

  it('accepts 250 words in a thank-you but not 121 in a check-in', () => {
    expect(of(checkNote(withBody(words(250))), 'too-long')).toEqual([]);
    expect(of(checkNote(withBody(words(121), { kind: 'check-in' })), 'too-long')).toHaveLength(1);
    expect(of(checkNote(withBody(words(120), { kind: 'check-in' })), 'too-long')).toEqual([]);
  });
});

describe('late', () => {
  it('warns, without blocking, when the note goes out after it was due', () => {
    const found = checkNote(input({ sendAt: '2026-12-03T00:00:00Z' }));
    expect(of(found, 'late')).toMatchObject([{ severity: 'warning', start: 0, end: 0 }]);
    expect(of(found, 'late')[0]?.message).toContain('6 hours');
    expect(hasErrors(found)).toBe(false);
  });

  it('is quiet when on time, exactly at the deadline or with no deadline', () => {
    expect(of(checkNote(input({ sendAt: '2026-12-02T18:00:00Z' })), 'late')).toEqual([]);
    expect(of(checkNote(input({ due: null, sendAt: '2027-01-01T00:00:00Z' })), 'late')).toEqual([]);
  });
});

describe('spelling (with a word-list speller)', () => {
  const dictionary = new Set(
    `${CLEAN} receive see or and`
      .toLowerCase()
      .split(/[^a-z']+/)
      .filter(Boolean),
  );
  const speller: Speller = {
    correct: (w) => dictionary.has(w.toLowerCase()) || dictionary.has(w.toLowerCase().replace(/'s$/, '')),
    suggest: (w) => (w === 'recieve' ? ['receive'] : []),
  };

  it('warns about an unknown word with its span and suggestions', () => {
    const body = replaced('on Tuesday', 'on Tuesday to recieve feedback');
    const found = of(checkNote(withBody(body, { speller })), 'spelling');
    expect(found.map((f) => spanText(body, f))).toEqual(['recieve', 'feedback']);
    expect(found[0]?.message).toContain('“receive”');
    expect(found[0]?.severity).toBe('warning');
  });

  it('takes an unknown capitalised word mid-sentence for a name: quiet, unless one slip from a known one', () => {
    const body = replaced('on Tuesday', 'on Tuesday with Zorblax and Deigo');
    const found = of(
      checkNote(withBody(body, { speller: { ...speller, suggest: () => ['Zebra'] } })),
      'spelling',
    );
    expect(found.map((f) => spanText(body, f))).toEqual(['Deigo']);
    expect(found[0]?.message).toContain('“Diego”');
    expect(found[0]?.message).not.toContain('Zebra');
  });

  it('skips product names with inner capitals, plural acronyms and the user’s own words', () => {
    const body = replaced('on Tuesday', 'on Tuesday about PySpark, the SLOs and flakinessy');
    expect(of(checkNote(withBody(body, { speller })), 'spelling').map((f) => spanText(body, f))).toEqual([
      'flakinessy',
    ]);
    expect(of(checkNote(withBody(body, { speller, userWords: ['flakinessy'] })), 'spelling')).toEqual([]);
  });

  it('skips known names, companies, e-mail addresses, URLs, numbers and acronyms', () => {
    const body = replaced(
      'Best regards',
      'Diego Fernández-Ortiz, Wen-Li and Contoso: see https://sam.example/qzx or sam.qzx@example.org, 42x, the SRE API.\n\nBest regards',
    );
    expect(of(checkNote(withBody(body, { speller })), 'spelling')).toEqual([]);
  });
});

describe('checkNote as a whole', () => {
  it('sorts findings by start and reports rule severities as the design table says', () => {
    const body = `Hi Diego,\n\n${CLEAN.split('\n').slice(2).join('\n')}\nTODO: I really need this job!!! Contoso`;
    const found = checkNote(withBody(body, { sendAt: '2026-12-05T00:00:00Z' }));
    expect(found.map((f) => f.start)).toEqual([...found.map((f) => f.start)].sort((a, b) => a - b));
    const severity = Object.fromEntries(found.map((f) => [f.rule, f.severity]));
    expect(severity).toMatchObject({
      'wrong-name': 'error',
      'wrong-company': 'error',
      placeholder: 'error',
      'desperate-tone': 'warning',
      late: 'warning',
    });
  });

  it('never throws and keeps every span inside the text, whatever the input', () => {
    const text = fc.string({
      unit: fc.constantFrom(..."aé O'-,.!?[]{}<>\nHiDear Siobhán Contoso XXX TODO".split('')),
      maxLength: 300,
    });
    fc.assert(
      fc.property(
        text,
        fc.option(text, { nil: undefined }),
        fc.constantFrom('thank-you', 'check-in', 'reconnect', 'other'),
        fc.string({ maxLength: 30 }),
        fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
        text,
        (body, subject, kind, name, others, otherBody) => {
          const found = checkNote(
            input({
              body,
              subject,
              kind: kind as CheckInput['kind'],
              recipient: { displayName: name, company: null },
              otherCompanies: others,
              knownPeople: [{ displayName: name }, ...others.map((displayName) => ({ displayName }))],
              otherNotes: [{ recipientName: 'Other', body: otherBody }],
              personalDetails: others,
              speller: { correct: (w) => w.length % 2 === 0, suggest: () => ['x'] },
            }),
          );
          for (const f of found) {
            expect(f.start).toBeGreaterThanOrEqual(0);
            expect(f.end).toBeGreaterThanOrEqual(f.start);
            expect(f.end).toBeLessThanOrEqual(body.length);
            expect(f.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary Unicode, surrogates included', () => {
    const text = fc.string({ unit: 'binary', maxLength: 200 });
    fc.assert(
      fc.property(text, text, text, (body, name, company) => {
        const found = checkNote(
          input({
            body,
            recipient: { displayName: name, company },
            company,
            knownPeople: [{ displayName: name }],
            otherNotes: [{ recipientName: name, body }],
            speller: { correct: () => false, suggest: (w) => [w] },
          }),
        );
        for (const f of found) expect(f.start >= 0 && f.start <= f.end && f.end <= body.length).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
