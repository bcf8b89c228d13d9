/**
 * The checker's corpus: realistic notes with the rules each must trigger (flagged.ts) and notes
 * that must trigger none (clean.ts), run against one small world of people and companies. The
 * corpus tests compute recall per rule and the false-warning rate from it.
 */
import type { CheckInput, CheckLocale, CheckRuleId, MessageKind, Speller } from '../types';

/** One note of the corpus and what the checker must say about it. */
export interface CorpusCase {
  /** What the note shows, for reports. */
  name: string;
  body: string;
  /** Default `thank-you`. */
  kind?: MessageKind;
  /** The recipient as recorded; default Siobhán O'Connell. */
  to?: string;
  /** The opportunity's company; default Northwind Labs. */
  company?: string;
  /** The user's debrief notes about the recipient. */
  details?: string[];
  locale?: CheckLocale;
  /** Rules that must fire (empty: nothing may fire at all). */
  expect: CheckRuleId[];
  /** Anything else the case varies (send time, other notes, address...). */
  input?: Partial<CheckInput>;
}

/** Everyone in the corpus's store. */
export const CORPUS_PEOPLE: readonly string[] = [
  "Siobhán O'Connell",
  'Pieter van der Berg',
  'Amara Smith-Okafor',
  'Diego Fernández-Ortiz',
  'Wen-Li Zhang',
  'María García-López',
  'Dana Whitfield',
  'Sanjay Patel',
  'Chloé Dubois',
  'Tomasz Wójcik',
  'Priya Raman',
  'Jürgen Müller',
  'Aoife Ní Bhriain',
  'Kwame Mensah',
  'Sam Okafor',
];

/** Every company the corpus's user is talking to. */
export const CORPUS_COMPANIES: readonly string[] = [
  'Northwind Labs',
  'Initech',
  'Contoso',
  'Fabrikam Inc.',
  'Acme Robotics',
  'Globex Corporation',
  'Global Payments',
  'First Street Capital',
  'United Widgets',
  'Tailspin Toys',
  'Wide World Importers',
  'Umbrella Health',
];

/** The user's own words (from their debriefs and notes), which spelling must accept. */
export const CORPUS_USER_WORDS: readonly string[] = [
  'dogfooding',
  'Quarkus',
  'flakiness',
  'runbooked',
  'Helmfile',
];

/** The CheckInput for a case: on time, to a recipient with an address, no speller unless given. */
export function corpusInput(c: CorpusCase, speller: Speller | null = null): CheckInput {
  const company = c.company ?? 'Northwind Labs';
  return {
    body: c.body,
    subject: undefined,
    kind: c.kind ?? 'thank-you',
    recipient: { displayName: c.to ?? "Siobhán O'Connell", company, emails: ['reader@example.com'] },
    company,
    otherCompanies: CORPUS_COMPANIES.filter((x) => x !== company),
    knownPeople: CORPUS_PEOPLE.map((displayName) => ({ displayName })),
    otherNotes: [],
    personalDetails: c.details ?? [],
    due: '2026-12-02T18:00:00Z',
    opensAt: null,
    sendAt: '2026-12-02T10:00:00Z',
    timeZone: 'Europe/London',
    locale: c.locale ?? 'en-US',
    userWords: CORPUS_USER_WORDS,
    speller,
    ...c.input,
  };
}

/** Recall per rule: the share of notes expecting a rule on which it fired. */
export function recallByRule(cases: readonly CorpusCase[], run: (c: CorpusCase) => CheckRuleId[]) {
  const tally = new Map<CheckRuleId, { hit: number; total: number; missed: string[] }>();
  for (const c of cases) {
    const fired = new Set(run(c));
    for (const rule of c.expect) {
      const t = tally.get(rule) ?? { hit: 0, total: 0, missed: [] };
      t.total++;
      if (fired.has(rule)) t.hit++;
      else t.missed.push(c.name);
      tally.set(rule, t);
    }
  }
  return tally;
}
