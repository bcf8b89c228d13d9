/**
 * Interviewers compare notes. Each reader of one interview gets different wording (the template
 * picks sentence variants by the reader's place in the interview), and the per-interview
 * content, "a point to add to one of your answers", goes to one reader only.
 */
import type { Interview } from '../types';

/**
 * The reader's place among the interview's interviewers, from 0, in the order they were recorded:
 * stable across drafting again, and different for every interviewer of the interview.
 */
export function readerIndex(interview: Pick<Interview, 'participants'>, contactId: string): number {
  return opportunityReaderIndex([interview], contactId);
}

/**
 * The reader's place among everyone met across one opportunity's interviews (given in the order
 * they were held), from 0: the interviewers first, in order of first meeting, then anyone else
 * (a coordinator, the recruiter), then someone in none of them. People at one company compare
 * notes whatever the interview, so Ana met on Monday and Ben on Thursday, each first in their
 * own interview, get different wordings. Stable across drafting again; someone met twice keeps
 * their first place.
 */
export function opportunityReaderIndex(
  interviews: ReadonlyArray<Pick<Interview, 'participants'>>,
  contactId: string,
): number {
  const order: string[] = [];
  const add = (id: string) => {
    if (!order.includes(id)) order.push(id);
  };
  for (const i of interviews) for (const p of i.participants) if (p.role === 'interviewer') add(p.contactId);
  for (const i of interviews) for (const p of i.participants) add(p.contactId);
  const at = order.indexOf(contactId);
  return at >= 0 ? at : order.length;
}

// Words that tie a point to nobody: the point's own frame ("should have mentioned"), and words
// any interview's notes may hold ("team", "budget", "process"). One of them shared is chance:
// an "alert budgets" point is not about the interviewer whose notes said "infra budget".
const GENERIC = new Set(
  (
    'about after again also answer asked before being could didn does doing going good great have ' +
    'into just know like made make mention mentioned more most much need really said should some ' +
    'than that their them then there these they thing think this those thought through time told ' +
    'very want wanted were what when where which while will wish with would your yours ' +
    'team teams work working budget budgets cost costs process plan plans people company role ' +
    'system systems problem problems issue issues question questions point points approach ' +
    'project projects product data example case user users number part parts idea ideas ' +
    'experience better best first last next year years month months week weeks today ' +
    'interview interviewer talk talked chat call discuss discussed spoke said told ' +
    'scale growth goal goals metric metrics review reviews design code quality customer customers ' +
    'service services manager managers lead hire hiring culture value values impact priority ' +
    'priorities infra infrastructure tool tools tech stack level levels area areas side sides ' +
    'thing things stuff kind sort lots little test tests change changes result results'
  ).split(' '),
);

// Content words cut to a crude stem, so "shard", "sharding" and "sharded" meet; generic ones out.
const words = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 4 && !GENERIC.has(w) && !GENERIC.has(w.replace(/(?:es|s|ed|ing)$/, '')))
      .map((w) => w.slice(0, 5)),
  );

// A term written as one: a capital inside a line ("Kafka", "OTel", "SLOs") or a digit ("k8s",
// "p99"), short as it may be.
const TERM = /(?<=[^\s.!?:;]\s+)\p{Lu}[\p{L}\p{N}]*|[\p{L}]*\p{N}[\p{L}\p{N}]*/gu;
const terms = (text: string) =>
  new Set(
    [...text.matchAll(TERM)]
      .map((m) => m[0].toLowerCase())
      .filter((w) => w.length >= 2 && !GENERIC.has(w) && !/^\p{N}+$/u.test(w))
      .map((w) => w.replace(/(?<=\p{L}{2,})s$/u, '').slice(0, 5)),
  );

const ASKED = /\b(?:asked|asks|ask|question|quizzed|grilled|probed)\b/i;

/** One interviewer, as the placement of the point to add reads them. */
export interface AnswerReader {
  contactId: string;
  /** Their debrief notes, all fields joined. */
  notes: string;
  /** The names the user may call them by in the point ("Ana", "Ana Souza"); optional. */
  names?: readonly string[];
}

/**
 * Does the point name one of `names`? As written ("Ana asked…", "to Ana's question"), or typed in
 * lower case as a label or an owner ("ana: …", "ana's q on caching"): a name that is also a word
 * ("Will", "Grant") in lower case elsewhere is the word.
 */
const named = (typed: string, names: readonly string[] = []): boolean => {
  // Accents are often left out on a phone ("jose: …" for José): compared without them.
  const text = withoutAccents(typed);
  return names.some((n) => {
    const name = withoutAccents(n.trim());
    if (name.length < 2) return false;
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const edge = '(?![\\p{L}\\p{N}])';
    return (
      new RegExp(`(?<![\\p{L}\\p{N}])${escaped}${edge}`, 'u').test(text) ||
      new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?=\\s*:|['’]s${edge})`, 'iu').test(text)
    );
  });
};

const withoutAccents = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '');

/**
 * Who should read the point the user wants to add to an answer ("should have mentioned
 * idempotency keys"), or null for nobody:
 * - the interviewer the point names ("Ana asked about retries: should have said..."), if only one;
 * - else the one whose debrief notes share most words with it, counting one more when the notes
 *   say they asked a question (the one who asked it); a tie goes to the one who asked, then to
 *   the first recorded. Only a word that is no generic one counts ("sharding", "chaos",
 *   "Kafka", "k8s"): an "alert budgets" point shares nothing but chance with notes saying
 *   "infra budget";
 * - else, when the notes of nobody touch on it, the only interviewer, or nobody when there are
 *   several: putting it in the first one's note would answer a question they may never have
 *   asked. The service then tells the user how to place it.
 */
export function addToAnswerReader(addToAnswer: string, readers: ReadonlyArray<AnswerReader>): string | null {
  if (!addToAnswer.trim() || readers.length === 0) return null;
  const namedReaders = readers.filter((r) => named(addToAnswer, r.names));
  if (namedReaders.length === 1) return namedReaders[0]?.contactId ?? null;
  const point = words(addToAnswer);
  const pointTerms = terms(addToAnswer);
  let best: string | null = null;
  let bestScore = 0;
  for (const r of readers) {
    const noteWords = words(r.notes);
    const shared = [...noteWords].filter((w) => point.has(w)).length;
    const noteTerms = new Set([...terms(r.notes), ...noteWords]);
    const sharedTerm =
      [...pointTerms].some((t) => noteTerms.has(t)) || [...terms(r.notes)].some((t) => point.has(t));
    if (shared === 0 && !sharedTerm) continue;
    const score = Math.max(shared, 1) + (ASKED.test(r.notes) ? 1 : 0);
    if (score > bestScore) {
      best = r.contactId;
      bestScore = score;
    }
  }
  if (best !== null) return best;
  return readers.length === 1 ? (readers[0]?.contactId ?? null) : null;
}

/** What a draft says when the point to add went into no note (several interviewers, none closer). */
export const ADD_TO_ANSWER_UNPLACED =
  'Your point to add to an answer is in none of these notes: nothing in your notes about the interviewers says whose question it answers. Name the interviewer in it (for example "Ana: should have mentioned…") and draft again.';

/** The promise a reader's note keeps: their own, else the old per-interview one if nobody has one. */
export function promiseFor(own: string, perInterview: string, anyoneHasOwn: boolean): string {
  if (own.trim()) return own;
  return anyoneHasOwn ? '' : perInterview;
}
