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

const words = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 4),
  );

/**
 * Who should read the point the user wants to add to an answer: the interviewer whose debrief
 * notes share most words with it (the one who asked that question), else the first one.
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
    const score = [...words(r.notes)].filter((w) => point.has(w)).length;
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
