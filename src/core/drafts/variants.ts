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
  const readers = interview.participants.filter((p) => p.role === 'interviewer').map((p) => p.contactId);
  const at = readers.indexOf(contactId);
  if (at >= 0) return at;
  // A coordinator or observer thanked too: after the interviewers, in participant order.
  const others = interview.participants.map((p) => p.contactId).filter((id) => !readers.includes(id));
  return readers.length + Math.max(0, others.indexOf(contactId));
}

// Content words cut to a crude stem, so "shard", "sharding" and "sharded" meet.
const words = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 4)
      .map((w) => w.slice(0, 5)),
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
const named = (text: string, names: readonly string[] = []): boolean =>
  names.some((n) => {
    const name = n.trim();
    if (name.length < 2) return false;
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const edge = '(?![\\p{L}\\p{N}])';
    return (
      new RegExp(`(?<![\\p{L}\\p{N}])${escaped}${edge}`, 'u').test(text) ||
      new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?=\\s*:|['’]s${edge})`, 'iu').test(text)
    );
  });

/**
 * Who should read the point the user wants to add to an answer ("should have mentioned
 * idempotency keys"), or null for nobody:
 * - the interviewer the point names ("Ana asked about retries: should have said..."), if only one;
 * - else the one whose debrief notes share most words with it, counting one more when the notes
 *   say they asked a question (the one who asked it); a tie goes to the one who asked, then to
 *   the first recorded;
 * - else, when the notes of nobody touch on it, the only interviewer, or nobody when there are
 *   several: putting it in the first one's note would answer a question they may never have
 *   asked. The service then tells the user how to place it.
 */
export function addToAnswerReader(addToAnswer: string, readers: ReadonlyArray<AnswerReader>): string | null {
  if (!addToAnswer.trim() || readers.length === 0) return null;
  const namedReaders = readers.filter((r) => named(addToAnswer, r.names));
  if (namedReaders.length === 1) return namedReaders[0]?.contactId ?? null;
  const point = words(addToAnswer);
  let best: string | null = null;
  let bestScore = 0;
  for (const r of readers) {
    const shared = [...words(r.notes)].filter((w) => point.has(w)).length;
    const score = shared > 0 && ASKED.test(r.notes) ? shared + 1 : shared;
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
