/**
 * Notes whose subject line is where the mistake is (the body is fine), and clean notes with the
 * subjects people actually write, to measure the rules that read the subject: wrong-name,
 * addressee-third-person, spelling and duplicate-note (placeholder, wrong-company and
 * desperate-tone read it already).
 */
import type { CorpusCase } from './cases';

const BODY =
  'Hi Siobhán,\n\nThank you for walking me through the billing migration on Tuesday. The way you split the ledger by tenant has stayed with me, and I have sketched how I would test the cut-over.\n\nBest regards,\nSam Okafor';
const DETAILS = ['billing migration', 'ledger split by tenant'];

const flagged = (name: string, subject: string, expect: CorpusCase['expect']): CorpusCase => ({
  name: `subject: ${name}`,
  body: BODY,
  details: DETAILS,
  input: { subject },
  expect,
});

/** Mistakes in the subject line only. */
export const SUBJECT_FLAGGED: readonly CorpusCase[] = [
  flagged('another interviewer thanked', 'Thank you, Diego', ['wrong-name']),
  flagged('greeting another person', 'Hi Priya – following up on Tuesday', ['wrong-name']),
  flagged('name without its accent', 'Thank you, Siobhan', ['wrong-name']),
  flagged('full name without its accent', "Siobhan O'Connell – thank you", ['wrong-name']),
  flagged('third person about the reader', 'Following up on her question about the ledger split', [
    'addressee-third-person',
  ]),
  flagged('his, in a subject to him', 'Thanks for his time on Tuesday', ['addressee-third-person']),
  {
    name: 'subject: third person to Diego',
    to: 'Diego Fernández-Ortiz',
    body: 'Hi Diego,\n\nThank you for the tour of the search ranking pipeline; the golden query sets were a great idea.\n\nBest regards,\nSam Okafor',
    details: ['search ranking pipeline'],
    input: { subject: 'His search ranking walkthrough – thank you' },
    expect: ['addressee-third-person'],
  },
  {
    name: 'subject: a copied note, subject and all',
    body: BODY,
    details: DETAILS,
    input: {
      subject: 'Thank you – the ledger split and the cut-over plan',
      otherNotes: [
        {
          recipientName: 'Diego Fernández-Ortiz',
          subject: 'Thank you – the ledger split and the cut-over plan',
          body: BODY.replace('Hi Siobhán', 'Hi Diego'),
        },
      ],
    },
    expect: ['duplicate-note'],
  },
];

/** Misspellings in the subject that only a real dictionary finds (features/spelling). */
export const SUBJECT_SPELLING_FLAGGED: readonly CorpusCase[] = [
  flagged('interveiw', 'Thank you for the interveiw on Tuesday', ['spelling']),
  flagged('oppurtunity', 'Thanks for the oppurtunity', ['spelling']),
  flagged('folow up', 'Folow up on the billing migration', ['spelling']),
];

/** Clean notes with the subjects people write: names right, other people mentioned fairly. */
export const SUBJECT_CLEAN: ReadonlyArray<Omit<CorpusCase, 'expect'>> = [
  'Thank you – Staff Platform Engineer interview on Tuesday, December 8',
  'Thank you, Siobhán – the ledger split and the cut-over test plan',
  "Following up: Siobhán O'Connell / Sam Okafor",
  'Re: Billing migration – test plan as promised',
  'Thank You For Your Time Today',
  'Great to meet you on Tuesday',
  'Your question about the ledger split',
  'Thanks for the intro to Diego',
  'Northwind Labs – Senior Engineer interview follow-up',
  'The cut-over plan I mentioned',
].map((subject, i) => ({
  name: `subject clean ${i + 1}: ${subject}`,
  body: BODY,
  details: DETAILS,
  input: { subject },
}));
