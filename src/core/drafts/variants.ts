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

/**
 * Who should read the point the user wants to add to an answer: the interviewer whose debrief
 * notes share most words with it, counting one more when the notes say they asked a question
 * (the one who asked it), else the first one.
 */
export function addToAnswerReader(
  addToAnswer: string,
  readers: ReadonlyArray<{ contactId: string; notes: string }>,
): string | null {
  if (!addToAnswer.trim() || readers.length === 0) return null;
  const point = words(addToAnswer);
  let best = readers[0]?.contactId ?? null;
  let bestScore = 0;
  for (const r of readers) {
    const shared = [...words(r.notes)].filter((w) => point.has(w)).length;
    const score = shared > 0 && ASKED.test(r.notes) ? shared + 1 : shared;
    if (score > bestScore) {
      best = r.contactId;
      bestScore = score;
    }
  }
  return best;
}

/** The promise a reader's note keeps: their own, else the old per-interview one if nobody has one. */
export function promiseFor(own: string, perInterview: string, anyoneHasOwn: boolean): string {
  if (own.trim()) return own;
  return anyoneHasOwn ? '' : perInterview;
}
