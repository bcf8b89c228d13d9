/**
 * `duplicate-note`: the note is (nearly) the same as one drafted or sent to another person at the
 * same company. Interviewers compare notes, so each must be its own.
 */
import { finding } from '../finding';
import { nameForms } from '../names';
import { findGreeting, fold, tokenize } from '../text';
import type { CheckInput, Finding } from '../types';

/** Jaccard similarity of word 3-shingles at or above this counts as the same note. */
export const DUPLICATE_THRESHOLD = 0.8;
// Below this many words two notes are too short to call copies ("Thanks again!").
const MIN_WORDS = 12;

/** The note's words without its greeting line and without anybody's name. */
function contentWords(body: string, names: ReadonlySet<string>): string[] {
  const greeting = findGreeting(body);
  const text = greeting ? body.slice(greeting.lineEnd) : body;
  return tokenize(text)
    .map((t) => fold(t.text).replace(/['’]s$/, ''))
    .filter((w) => !names.has(w));
}

function shingles(words: string[]): Set<string> {
  if (words.length < 3) return new Set(words);
  const out = new Set<string>();
  for (let i = 0; i + 3 <= words.length; i++) out.add(words.slice(i, i + 3).join(' '));
  return out;
}

/** |A ∩ B| / |A ∪ B|, 0 for two empty sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  const union = a.size + b.size - both;
  return union === 0 ? 0 : both / union;
}

/** Compare the note with every other note to the same company; report the closest copy. */
export function checkDuplicateNote(input: CheckInput): Finding[] {
  if (input.otherNotes.length === 0) return [];
  const everyone = [input.recipient.displayName, ...input.otherNotes.map((n) => n.recipientName)];
  const names = new Set(everyone.flatMap(nameForms).flatMap((f) => tokenize(f).map((t) => fold(t.text))));
  const body = contentWords(input.body, names);
  if (body.length < MIN_WORDS) return [];
  // The subject is part of what the reader sees: when both notes have one, it is compared too,
  // and a copied subject is named in the warning.
  const subjectWords = (s: string | undefined) =>
    s?.trim()
      ? tokenize(s)
          .map((t) => fold(t.text).replace(/['’]s$/, ''))
          .filter((w) => !names.has(w))
      : [];
  const mySubject = subjectWords(input.subject);
  let best: { name: string; score: number; sameSubject: boolean } | null = null;
  for (const other of input.otherNotes) {
    const words = contentWords(other.body, names);
    if (words.length < MIN_WORDS) continue;
    const theirSubject = subjectWords(other.subject);
    const withSubjects = mySubject.length > 0 && theirSubject.length > 0;
    // A different subject never hides a copied body.
    const bodyScore = jaccard(shingles(body), shingles(words));
    const score = withSubjects
      ? Math.max(
          bodyScore,
          jaccard(shingles([...mySubject, '¶', ...body]), shingles([...theirSubject, '¶', ...words])),
        )
      : bodyScore;
    if (score >= DUPLICATE_THRESHOLD && (!best || score > best.score))
      best = {
        name: other.recipientName,
        score,
        sameSubject: withSubjects && mySubject.join(' ') === theirSubject.join(' '),
      };
  }
  if (!best) return [];
  const what = best.sameSubject ? 'This note, subject and body,' : 'This note';
  return [
    finding(
      'duplicate-note',
      `${what} is almost the same as the one to ${best.name} (${Math.round(best.score * 100)}% alike); interviewers compare notes, so make each one personal.`,
      0,
      input.body.length,
    ),
  ];
}
