/**
 * The checker's newer rules one at a time: what each reports, with which span and message, and
 * where each stays quiet. (The corpus tests measure them on many notes; these pin the details.)
 */
import { describe, expect, it } from 'vitest';
import { type CheckInput, checkNote, type Finding } from './check';
import { corpusInput } from './corpus/cases';
import { isCommonWord, lemmaOf, sentences } from './nlp';

const SIGNED = (text: string) => `Hi Siobhán,\n\n${text}\n\nBest regards,\nSam Okafor`;
const run = (body: string, input: Partial<CheckInput> = {}) =>
  checkNote(corpusInput({ name: 'unit', body, expect: [], details: ['billing migration'], input }));
const only = (found: Finding[], rule: string) => found.filter((f) => f.rule === rule);

describe('nlp: normalized words and lemmas', () => {
  it('expands contractions, straightens quotes and keeps each word on its span', () => {
    const text = 'I’d love it. We haven’t heard back.';
    const words = sentences(text).flat();
    expect(words.map((w) => w.norm)).toEqual([
      'i',
      'would',
      'love',
      'it',
      'we',
      'have',
      'not',
      'heard',
      'back',
    ]);
    const heard = words.find((w) => w.norm === 'heard');
    expect(heard && text.slice(heard.start, heard.end)).toBe('heard');
    expect(heard?.lemma).toBe('hear');
    // Both words of a contraction point at all of it, as written.
    const not = words.find((w) => w.norm === 'not');
    expect(not && text.slice(not.start, not.end)).toBe('haven’t');
  });

  it('expands the contractions wink-nlp keeps whole, drops possessive ’s and splits lines', () => {
    const text = "Hi Priya,\nI'm sure Priya's team cannot wait; it's fine.";
    expect(sentences(text).map((s) => s.map((w) => w.norm).join(' '))).toEqual([
      'hi priya',
      'i am sure priya team can not wait it is fine',
    ]);
    expect(sentences(text)[1]?.find((w) => w.norm === 'am')?.lemma).toBe('be');
  });

  it('tells everyday words and names from words that can stand for a company', () => {
    expect(['Global', 'Wide', 'United', 'Square', 'Jordan'].filter(isCommonWord)).toEqual([
      'Global',
      'Wide',
      'United',
      'Square',
      'Jordan',
    ]);
    // Nouns, and words wink-nlp's model has never seen (whatever tag it guesses for them).
    expect(['Acme', 'Umbrella', 'Tailspin', 'Initech', 'Spotify', 'Netlify'].filter(isCommonWord)).toEqual(
      [],
    );
  });

  it('lemmatizes the rules’ vocabulary through wink-nlp', () => {
    expect(['begging', 'pestered', 'means', 'updates', 'apologies'].map(lemmaOf)).toEqual([
      'beg',
      'pester',
      'mean',
      'update',
      'apology',
    ]);
  });
});

describe('addressee-third-person', () => {
  it('points at the pronoun, as a warning', () => {
    const body = SIGNED('Thank you for showing me the tool she built during the billing migration.');
    const [f, ...rest] = only(run(body), 'addressee-third-person');
    expect(rest).toEqual([]);
    expect(f?.severity).toBe('warning');
    expect(f && body.slice(f.start, f.end)).toBe('she');
  });

  it('stays quiet when someone else is named or described nearby', () => {
    for (const text of [
      'Your colleague Tom said he had moved the billing migration forward.',
      'The recruiter told me she would send the schedule for the billing migration.',
      'When Marco joined the call about the billing migration, his demo was great.',
    ]) {
      expect(only(run(SIGNED(text)), 'addressee-third-person'), text).toEqual([]);
    }
  });

  it('points at a singular "they" that can only be the reader, with the same message', () => {
    const body = SIGNED(
      'Thank you for Tuesday. They told me about the billing migration and the tool they built.',
    );
    const found = only(run(body), 'addressee-third-person');
    expect(found.map((f) => body.slice(f.start, f.end))).toEqual(['They', 'they']);
    expect(found[0]?.message).toBe(
      "“They” reads as if Siobhán O'Connell were someone else; in a note to them, say “you” or “your”.",
    );
  });

  it('leaves "they" alone when a group, a plural or the company is what it may mean', () => {
    for (const text of [
      'Your team runs the billing migration well; they replay every event before a release.',
      'You said the billing migration deploys are slow because they run serially.',
      'Northwind Labs clearly cares about the billing migration, and they showed it.',
      'I met the billing migration team. They were kind. They showed me the runbooks.',
      'The billing migration is, as they say, a marathon.',
    ]) {
      expect(only(run(SIGNED(text)), 'addressee-third-person'), text).toEqual([]);
    }
  });

  it('does not apply to a note greeting two people', () => {
    const body = `Hi Siobhán and Diego,\n\nThank you for the billing migration demo she gave.\n\nBest,\nSam`;
    expect(only(run(body), 'addressee-third-person')).toEqual([]);
  });
});

describe('too-early and late', () => {
  const body = `Hi Dana,\n\nI wanted to check in on the platform role.\n\nBest regards,\nSam Okafor`;
  const checkIn = {
    kind: 'check-in' as const,
    recipient: { displayName: 'Dana Whitfield', company: 'Northwind Labs', emails: ['d@example.com'] },
  };

  it('names the day the window opens, in the locale and zone of the account', () => {
    const early = { ...checkIn, opensAt: '2026-12-21T17:00:00Z', due: null, sendAt: '2026-12-18T10:00:00Z' };
    const us = only(run(body, { ...early, locale: 'en-US', timeZone: 'America/Los_Angeles' }), 'too-early');
    expect(us).toHaveLength(1);
    expect(us[0]).toMatchObject({ severity: 'warning', start: 0, end: 0 });
    expect(us[0]?.message).toContain('Monday, December 21');
    const gb = only(run(body, { ...early, locale: 'en-GB', timeZone: 'Europe/London' }), 'too-early');
    expect(gb[0]?.message).toContain('Monday 21 December');
  });

  it('is quiet once the window is open, and a check-in is never late', () => {
    const open = { ...checkIn, opensAt: '2026-12-21T17:00:00Z', sendAt: '2026-12-22T20:00:00Z' };
    expect(only(run(body, { ...open, due: null }), 'too-early')).toEqual([]);
    // Even with a due time passed in, a check-in is not late a day after its suggested day.
    expect(only(run(body, { ...open, due: '2026-12-21T23:00:00Z' }), 'late')).toEqual([]);
    // A thank-you still is.
    expect(
      only(run(SIGNED('Thanks for the billing migration talk.'), { due: '2026-12-01T00:00:00Z' }), 'late'),
    ).toHaveLength(1);
  });
});

describe('unsigned', () => {
  it('spans the sign-off line when no name follows it', () => {
    const body = 'Hi Siobhán,\n\nThanks for the billing migration talk.\n\nBest regards,\n';
    const [f] = only(run(body), 'unsigned');
    expect(f && body.slice(f.start, f.end)).toBe('Best regards,');
    expect(f?.message).toContain('sign it');
  });

  it('is quiet with a name after the sign-off, a one-line message, or a last line that is a sentence', () => {
    expect(only(run(SIGNED('Thanks for the billing migration talk.')), 'unsigned')).toEqual([]);
    expect(only(run('Thanks!'), 'unsigned')).toEqual([]);
    expect(
      only(run('Hi Siobhán,\n\nThanks for the billing migration talk, see you soon.'), 'unsigned'),
    ).toEqual([]);
  });
});

describe('no-address', () => {
  it('is an error about the recipient (span 0..0) when they have no email', () => {
    const [f] = only(
      run(SIGNED('Thanks for the billing migration talk.'), {
        recipient: { displayName: "Siobhán O'Connell", company: 'Northwind Labs', emails: [] },
      }),
      'no-address',
    );
    expect(f).toMatchObject({ severity: 'error', start: 0, end: 0 });
    expect(f?.message).toContain("Siobhán O'Connell has no email address");
  });

  it('is quiet when the caller does not know the addresses', () => {
    const found = run(SIGNED('Thanks for the billing migration talk.'), {
      recipient: { displayName: "Siobhán O'Connell", company: 'Northwind Labs' },
    });
    expect(only(found, 'no-address')).toEqual([]);
  });
});

describe('wrong-name with titles', () => {
  it('accepts the whole surname with its particles, apostrophe or hyphen', () => {
    for (const [to, greeting] of [
      ['Pieter van der Berg', 'Dear Mr van der Berg,'],
      ["Siobhán O'Connell", 'Dear Ms O’Connell,'],
      ['María García-López', 'Dear Dr. García-López,'],
    ] as const) {
      const body = `${greeting}\n\nThank you for the billing migration talk.\n\nBest regards,\nSam Okafor`;
      expect(
        only(
          run(body, { recipient: { displayName: to, company: 'Northwind Labs', emails: ['x@example.com'] } }),
          'wrong-name',
        ),
        to,
      ).toEqual([]);
    }
  });

  it('calls half a double-barrelled surname wrong and says what the whole one is', () => {
    const body = 'Dear Dr. Smith,\n\nThank you for the billing migration talk.\n\nBest regards,\nSam Okafor';
    const [f] = only(
      run(body, {
        recipient: {
          displayName: 'Amara Smith-Okafor',
          company: 'Northwind Labs',
          emails: ['x@example.com'],
        },
      }),
      'wrong-name',
    );
    expect(f && body.slice(f.start, f.end)).toBe('Smith');
    expect(f?.message).toContain('“Smith-Okafor”');
  });
});

describe('wrong-company, first words', () => {
  it('flags a distinctive first word of another company, never a generic one', () => {
    const acme = SIGNED('I liked the billing migration at Northwind Labs more than anything at Acme.');
    expect(only(run(acme), 'wrong-company').map((f) => acme.slice(f.start, f.end))).toEqual(['Acme']);
    const generic = SIGNED('Global teams at Northwind Labs run the billing migration; United we stand.');
    expect(only(run(generic), 'wrong-company')).toEqual([]);
  });
});

describe('desperate-tone in the subject', () => {
  it('reports the subject with a 0..0 span and leaves a calm one alone', () => {
    const body = SIGNED('Thanks for the billing migration talk.');
    const [f] = only(run(body, { subject: 'Any update??' }), 'desperate-tone');
    expect(f).toMatchObject({ start: 0, end: 0, severity: 'warning' });
    expect(f?.message).toMatch(/^The subject/);
    expect(only(run(body, { subject: 'Thank you for Tuesday' }), 'desperate-tone')).toEqual([]);
  });
});

describe('the word rules read the subject too', () => {
  const body = SIGNED('Thanks for walking me through the billing migration on Tuesday.');
  // Knows every word but those with "veiw" (so no two halves of "interveiw" make a compound).
  const speller = {
    correct: (w: string) => !/veiw/i.test(w),
    suggest: (w: string) => (/veiw/i.test(w) ? ['interview'] : []),
  };

  it.each([
    ['Thank you, Diego', 'wrong-name', /^The subject addresses “Diego” \(Diego Fernández-Ortiz\)/],
    ['Hi Priya – following up', 'wrong-name', /^The subject addresses “Priya”/],
    ['Thank you, Siobhan', 'wrong-name', /^In the subject, “Siobhan” misspells Siobhán O'Connell's name/],
    ['Following up on her question', 'addressee-third-person', /^In the subject, “her” reads as if/],
  ])('%j: %s, naming the subject, span 0..0', (subject, rule, message) => {
    const found = only(run(body, { subject }), rule);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ start: 0, end: 0 });
    expect(found[0]?.message).toMatch(message);
  });

  it('spelling in the subject, with suggestions, and never twice for a misspelled name', () => {
    const [f] = only(run(body, { subject: 'Thank you for the interveiw', speller }), 'spelling');
    expect(f).toMatchObject({ start: 0, end: 0 });
    expect(f?.message).toBe('In the subject, “interveiw” may be misspelled. Did you mean “interview”?');
    const named = run(body, { subject: 'Thank you, Siobhan', speller });
    expect(named.map((x) => x.rule)).toEqual(['wrong-name']);
  });

  it('stays quiet on the subjects drafts and people write', () => {
    for (const subject of [
      'Thank you – Staff Platform Engineer interview on Tuesday, December 8',
      'Thank you, Siobhán',
      'Thanks for the intro to Diego',
      'Your question about the billing migration',
    ])
      expect(run(body, { subject, speller }), subject).toEqual([]);
  });

  it('duplicate-note compares subjects when both notes have one, and says so', () => {
    const shared =
      'It was a pleasure to learn how the platform group plans its quarter, how on-call is shared across the team and why the billing rewrite matters so much this year.';
    const other = {
      recipientName: 'Diego Fernández-Ortiz',
      subject: 'The platform quarter',
      body: `Hi Diego,\n\n${shared}`,
    };
    const same = only(
      run(SIGNED(shared), { subject: 'The platform quarter', otherNotes: [other] }),
      'duplicate-note',
    );
    expect(same[0]?.message).toMatch(/^This note, subject and body, is almost the same as the one to Diego/);
    const differs = only(
      run(SIGNED(shared), { subject: 'Thank you', otherNotes: [other] }),
      'duplicate-note',
    );
    expect(differs[0]?.message).toMatch(/^This note is almost the same/);
  });
});
