import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CheckInput, checkNote } from '../checker/check';
import { AppError } from '../errors';
import { Temporal } from '../time';
import { type DraftData, firstNameOf, formatDraftDate, renderDraft } from './render';

const template = (name: string) =>
  readFileSync(join(import.meta.dirname, '../../../templates', `${name}.liquid`), 'utf8');
const KINDS = ['thank-you', 'check-in', 'thanks-for-consideration', 'reconnect'] as const;

const SIOBHAN = "Siobhán O'Connell";
const DIEGO = 'Diego Fernández-Ortiz';

function data(fullName: string, overrides: Partial<DraftData> = {}): DraftData {
  return {
    recipient: { firstName: firstNameOf(fullName), fullName },
    company: 'Northwind Labs',
    role: 'Staff Platform Engineer',
    round: 'System design',
    interviewDate: 'Tuesday, December 8',
    decisionDate: 'Friday, December 18',
    notes: { memorable: '', topics: '', problem: '', promise: 'send the link to my talk on caching' },
    addToAnswer: '',
    variant: 0,
    sender: { name: 'Sam Okafor', signature: null },
    ...overrides,
  };
}

const SIOBHAN_NOTES = {
  memorable: 'The story about moving billing to event sourcing',
  topics: 'replay bugs and schema versioning',
  problem: 'flaky integration tests slowing releases',
  promise: 'send the link to my talk on caching',
};
const DIEGO_NOTES = {
  memorable: 'His walkthrough of the search ranking pipeline',
  topics: 'offline evaluation and golden query sets',
  problem: 'relevance regressions that reach customers unnoticed',
  promise: '',
};

const checkInput = (
  body: string,
  subject: string,
  name: string,
  overrides: Partial<CheckInput> = {},
): CheckInput => ({
  body,
  subject,
  kind: 'thank-you',
  recipient: { displayName: name, company: 'Northwind Labs' },
  company: 'Northwind Labs',
  otherCompanies: ['Contoso'],
  knownPeople: [{ displayName: SIOBHAN }, { displayName: DIEGO }],
  otherNotes: [],
  personalDetails: [],
  due: null,
  sendAt: '2026-12-09T10:00:00Z',
  speller: null,
  ...overrides,
});

describe('renderDraft with the default thank-you template', () => {
  const toSiobhan = renderDraft(template('thank-you'), data(SIOBHAN, { notes: SIOBHAN_NOTES }));
  const toDiego = renderDraft(template('thank-you'), data(DIEGO, { notes: DIEGO_NOTES, variant: 1 }));

  it('greets each interviewer by first name as recorded and uses their own debrief notes', () => {
    expect(toSiobhan.body.startsWith('Hi Siobhán,\n\n')).toBe(true);
    expect(toSiobhan.body).toContain(
      'I keep coming back to the story about moving billing to event sourcing.',
    );
    expect(toSiobhan.body).toContain(
      'I have kept thinking about flaky integration tests slowing releases since you raised it,',
    );
    expect(toSiobhan.body).toContain('As promised, I will send you the link to my talk on caching shortly.');
    expect(toSiobhan.body).toMatch(/Best regards,\nSam Okafor$/);
    expect(toSiobhan.subject).toBe('Thank you – Staff Platform Engineer interview on Tuesday, December 8');
    expect(toDiego.body.startsWith('Hi Diego,')).toBe(true);
    // "His walkthrough" in the debrief; "your walkthrough" in a note to him.
    expect(toDiego.body).toContain(
      'Your walkthrough of the search ranking pipeline has stayed with me since.',
    );
    expect(toDiego.body).not.toMatch(/\bhis\b/i);
    expect(toDiego.body).toMatch(/Kind regards,\nSam Okafor$/);
  });

  it('gives two interviewers different notes that each pass the checker without errors, even side by side', () => {
    expect(toSiobhan.body).not.toBe(toDiego.body);
    const siobhan = checkNote(
      checkInput(toSiobhan.body, toSiobhan.subject, SIOBHAN, {
        personalDetails: Object.values(SIOBHAN_NOTES),
        otherNotes: [{ recipientName: DIEGO, body: toDiego.body }],
      }),
    );
    const diego = checkNote(
      checkInput(toDiego.body, toDiego.subject, DIEGO, {
        personalDetails: Object.values(DIEGO_NOTES),
        otherNotes: [{ recipientName: SIOBHAN, body: toSiobhan.body }],
      }),
    );
    expect(siobhan).toEqual([]);
    expect(diego).toEqual([]);
  });

  it('skips the sentence of every empty field and leaves no placeholder behind', () => {
    const bare = renderDraft(
      template('thank-you'),
      data(SIOBHAN, {
        interviewDate: null,
        notes: { memorable: '', topics: '', problem: '', promise: '  ' },
        sender: { name: null, signature: null },
      }),
    );
    expect(bare.body).toBe(
      'Hi Siobhán,\n\nThank you for taking the time to speak with me about the Staff Platform Engineer role at Northwind Labs.\n\nThank you again for your time. I look forward to hearing about the next steps.\n\nBest regards,',
    );
    expect(bare.subject).toBe('Thank you – Staff Platform Engineer interview');
    // Unsigned: no "[Your name]" placeholder, but a hint for the user.
    expect(bare.hints).toEqual([
      'Set your name in Settings to sign your notes: this draft ends without one.',
    ]);
    const found = checkNote(checkInput(bare.body, bare.subject, SIOBHAN));
    expect(found.filter((f) => f.severity === 'error')).toEqual([]);
    // With nothing personal recorded, the checker rightly nudges for a detail.
    expect(found.map((f) => f.rule)).toContain('no-personal-detail');
  });

  it('prefers the signature to the bare name', () => {
    const signed = renderDraft(
      template('thank-you'),
      data(SIOBHAN, { sender: { name: 'Sam', signature: 'Sam Okafor\n555-0100' } }),
    );
    expect(signed.body).toMatch(/Best regards,\nSam Okafor\n555-0100$/);
  });
});

describe('the other default templates', () => {
  it.each(KINDS)('%s renders a subject and a body with no error finding, full or bare', (kind) => {
    for (const d of [
      data(SIOBHAN, { notes: SIOBHAN_NOTES }),
      data(SIOBHAN, {
        interviewDate: null,
        decisionDate: null,
        round: null,
        notes: { memorable: '', topics: '', problem: '', promise: '' },
      }),
    ]) {
      const draft = renderDraft(template(kind), d);
      expect(draft.subject.length).toBeGreaterThan(0);
      expect(draft.body.startsWith('Hi Siobhán,')).toBe(true);
      expect(draft.body).not.toMatch(/\{\{|\{%|\n{3,}| {2,}/);
      const found = checkNote(checkInput(draft.body, draft.subject, SIOBHAN, { kind }));
      expect(found.filter((f) => f.severity === 'error')).toEqual([]);
    }
  });

  it('the check-in respects the timeline they gave and stays short', () => {
    const draft = renderDraft(template('check-in'), data('Wen-Li Zhang'));
    expect(draft.body).toContain('hoping to decide around Friday, December 18');
    expect(draft.body.startsWith('Hi Wen-Li,')).toBe(true);
    expect(draft.body.split(/\s+/).length).toBeLessThan(120);
  });
});

describe('renderDraft safety and errors', () => {
  it('cannot read files: include, render and layout find nothing', () => {
    for (const tag of ['{% include "/etc/passwd" %}', '{% render "../package.json" %}', '{% layout "x" %}']) {
      expect(() => renderDraft(`Subject: x\n\n${tag}`, data(SIOBHAN))).toThrow(AppError);
    }
  });

  it('does not evaluate JavaScript or reach prototype properties', () => {
    const out = renderDraft(
      'Subject: {{ company.constructor }}\n\n{{ "x" | constructor }}{{ first_name.__proto__ }}',
      data(SIOBHAN),
    );
    expect(out.subject).toBe('');
    expect(out.body).toBe('x');
  });

  it('reports a broken template as invalid input naming the line', () => {
    try {
      renderDraft('Subject: hi\n\n{% if first_name %}\nno end', data(SIOBHAN));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('invalid-input');
      expect((error as AppError).message).toMatch(/line:?\s*3/);
    }
  });

  it('never throws on any debrief text, and never runs debrief text as a template', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.string(),
        fc.string(),
        (memorable, topics, problem, promise) => {
          const draft = renderDraft(
            template('thank-you'),
            data(SIOBHAN, { notes: { memorable, topics, problem, promise } }),
          );
          expect(draft.body.startsWith('Hi Siobhán,')).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
    const literal = renderDraft(
      template('thank-you'),
      data(SIOBHAN, { notes: { ...SIOBHAN_NOTES, memorable: '{{ company }}' } }),
    );
    expect(literal.body).toContain('I keep coming back to {{ company }}.');
  });

  it('gives templates no way to reach the private "what to practise" note', () => {
    // DraftData has no field for it; a template naming the old or new variable gets nothing.
    const out = renderDraft('Subject: x\n\n[{{ improve }}{{ practise }}{{ private }}]', data(SIOBHAN));
    expect(out.body).toBe('[]');
  });
});

describe('draft helpers', () => {
  it('takes the first name as recorded, skipping titles', () => {
    expect(firstNameOf("Siobhán O'Connell")).toBe('Siobhán');
    expect(firstNameOf('Dr. Wen-Li Zhang')).toBe('Wen-Li');
    expect(firstNameOf('  Diego   Fernández-Ortiz ')).toBe('Diego');
  });

  it('formats the interview day in the user zone, not UTC', () => {
    const late = Temporal.Instant.from('2026-12-09T02:30:00Z');
    expect(formatDraftDate(late, 'America/Los_Angeles')).toBe('Tuesday, December 8');
    expect(formatDraftDate(late, 'Europe/Dublin')).toBe('Wednesday, December 9');
  });

  it('writes dates the locale\'s way: "Wednesday 2 December" in en-GB', () => {
    const day = Temporal.Instant.from('2026-12-02T12:00:00Z');
    expect(formatDraftDate(day, 'Europe/London', 'en-GB')).toBe('Wednesday 2 December');
    expect(formatDraftDate(day, 'Europe/London', 'en-US')).toBe('Wednesday, December 2');
  });
});
