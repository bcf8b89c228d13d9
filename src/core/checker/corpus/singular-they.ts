/**
 * Singular "they" for the reader (addressee-third-person), written after the rule's he/she cases:
 * debrief lines pasted into a note to one person ("they told me about the migration"), and clean
 * notes where "they" means a team, a company, a plural or another person, which must stay quiet.
 */
import type { CorpusCase } from './cases';

const sign = (body: string): string => `${body}\n\nBest regards,\nSam Okafor`;

/** "they" can only be the reader: each must be flagged. */
export const THEY_FLAGGED: readonly CorpusCase[] = [
  [
    'they told me',
    'Hi Ana,\n\nThank you for Tuesday. They told me about the migration to Kubernetes, and I have been thinking about it since.',
  ],
  [
    'the dashboard they built',
    'Hi Ana,\n\nThanks for the interview. I loved the dashboard they built for on-call.',
  ],
  [
    'their path',
    'Hi Ana,\n\nThank you for your time on Monday. I enjoyed hearing about their path from support to engineering.',
  ],
  ['kind of them', 'Hi Ana,\n\nIt was kind of them to walk me through the ledger service in such detail.'],
  [
    'how patient they were',
    'Hi Ana,\n\nThank you for the system design interview. I appreciated how patient they were with my questions.',
  ],
  [
    'themselves',
    'Hi Ana,\n\nThanks for the chat. It was great to hear that they wrote the first version of the scheduler themselves.',
  ],
  [
    'they said, lower case',
    'Hi Ana,\n\nthanks for today! they said the ledger rewrite is the priority for next quarter, which is exactly what I want to work on.',
  ],
  [
    'a group three sentences back',
    'Hi Ana,\n\nThank you for introducing me to the platform team. I enjoyed the ledger walkthrough. The whiteboard session was fun. Your question on idempotency stayed with me. They asked it so clearly.',
  ],
].map(([name, body]) => ({
  name: `addressee-third-person, they: ${name}`,
  body: sign(body ?? ''),
  to: 'Ana Souza',
  company: 'Kora Payments',
  expect: ['addressee-third-person'],
}));

/** "they" means someone or something else: nothing may fire. */
export const THEY_CLEAN: ReadonlyArray<Omit<CorpusCase, 'expect'>> = [
  [
    'your team',
    'Thank you for Tuesday. Your team clearly cares about correctness; they replay every ledger event in staging before a release.',
  ],
  [
    'plural the tagger reads as a verb',
    'You mentioned that deploys are slow because they run serially. I would start by splitting the ledger pipeline into stages.',
  ],
  [
    'two people named',
    'Thank you for introducing me to Priya and Tom after the ledger walkthrough; they were both very welcoming.',
  ],
  [
    'the company',
    'Thank you for the ledger walkthrough. Kora clearly invests in its engineers, and they told me as much over lunch.',
  ],
  [
    'questions',
    'Thank you for your questions about the ledger; they made me think harder about idempotency than I have in years.',
  ],
  [
    'the panel',
    'Please pass my thanks to the rest of the panel; they were generous with their time on the ledger.',
  ],
  [
    'a chain of they after a group',
    'I enjoyed meeting the platform team after the ledger walkthrough. They were welcoming. They showed me the runbooks. They clearly care about on-call.',
  ],
  [
    'as they say',
    'The ledger rewrite is, as they say, a marathon and not a sprint. I would love to help with it.',
  ],
  [
    'everyone I met',
    'Everyone I met during the ledger walkthrough was kind, and they all seemed to enjoy their work.',
  ],
  [
    'your engineers',
    'I enjoyed hearing how your engineers run the ledger on-call. It sounds like they have built a very healthy rota.',
  ],
  [
    'a colleague',
    'Thank you for the ledger walkthrough. Your colleague mentioned that they had rewritten the reconciliation job last spring.',
  ],
  [
    'customers',
    'Thank you for the ledger walkthrough. Hearing how your customers reconcile payouts, and what they expect from the API, was eye-opening.',
  ],
].map(([name, line]) => ({
  name: `clean they: ${name}`,
  to: 'Ana Souza',
  company: 'Kora Payments',
  details: ['the ledger walkthrough', 'ledger rewrite'],
  body: sign(`Hi Ana,\n\n${line}`),
}));
