/**
 * The user's verdict on a chat, kept in the note: "fun chat about X" is said as fun, "super useful
 * convo about X" as useful, "really enjoyed the call on X" as enjoyed, not as the same "I valued
 * our discussion" whatever they felt. Each feeling has five wordings, one per reader of an
 * interview (the template's `variant`), with different words, so three interviewers who were all
 * "great fun" do not get the same sentence or the same adjective. Each wording also avoids the
 * words of the template's other sentences for the same variant (the opening, the topics line).
 */

/** What the user felt about the chat, from the words of their verdict. */
export type ChatFeeling = 'enjoyed' | 'useful' | 'interesting' | 'inspiring' | 'good';

// By lemma; the first feeling any word of the verdict names wins, in this order.
const FEELINGS: ReadonlyArray<readonly [ChatFeeling, ReadonlySet<string>]> = [
  [
    'useful',
    new Set(
      'useful helpful valuable productive informative practical constructive clarifying appreciate value'.split(
        ' ',
      ),
    ),
  ],
  [
    'interesting',
    new Set(
      'interesting fascinating insightful stimulating engaging intriguing deep meaty nerdy geeky'.split(' '),
    ),
  ],
  [
    'inspiring',
    new Set('inspiring inspirational energising energizing motivating exciting uplifting'.split(' ')),
  ],
  [
    'enjoyed',
    new Set(
      'fun enjoyable nice lovely pleasant delightful relaxed friendly warm chill enjoy love like'.split(' '),
    ),
  ],
];

/** The feeling the verdict's words name ("super useful" -> useful), else `good` (great, awesome...). */
export function feelingOf(lemmas: readonly string[]): ChatFeeling {
  for (const [feeling, words] of FEELINGS) if (lemmas.some((l) => words.has(l.toLowerCase()))) return feeling;
  return 'good';
}

// `{}` is the topic ("the ledger rewrite"). Index = the reader's variant.
const WORDINGS: Readonly<Record<ChatFeeling, readonly string[]>> = {
  enjoyed: [
    'Talking with you about {} was great fun.',
    'I really enjoyed our conversation about {}.',
    'I had a wonderful time discussing {} with you.',
    'Our chat about {} was a real pleasure.',
    'I loved our conversation about {}.',
  ],
  useful: [
    'Our conversation about {} was really useful to me.',
    'I found our discussion of {} very helpful.',
    'I learned a lot from talking through {} with you.',
    'Talking through {} with you gave me a much clearer picture of the work.',
    'Our discussion of {} was genuinely valuable to me.',
  ],
  interesting: [
    'Our conversation about {} was fascinating.',
    'I found our discussion of {} really interesting.',
    'Talking with you about {} gave me a lot to think about.',
    'Our exchange about {} was thought-provoking.',
    'I was intrigued by our discussion of {}.',
  ],
  inspiring: [
    'Our conversation about {} was genuinely inspiring.',
    'I came away from our talk about {} full of energy.',
    'Hearing your take on {} left me motivated.',
    'Talking about {} with you has me excited about the work.',
    'I left our discussion of {} full of ideas.',
  ],
  good: [
    'Our conversation about {} has stayed with me since.',
    'I have thought a lot since about our conversation on {}.',
    'I especially valued our discussion of {}.',
    'Talking with you about {} was the highlight for me.',
    'Our exchange about {} is what I remember most.',
  ],
};

/** The sentence for a chat about `topic` the user felt `feeling` about, in wording `n` (any integer). */
export function chatSentence(topic: string, feeling: ChatFeeling, n: number): string {
  const wordings = WORDINGS[feeling];
  const at = ((Math.floor(n) % wordings.length) + wordings.length) % wordings.length;
  return (wordings[at] ?? '').replace('{}', topic);
}
