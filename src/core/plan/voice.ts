/**
 * Whom an action's words address. A plan is written to its user, in the second person ("Send
 * Priya Raman a thank-you note for your Acme interview"); a coach reading a client's Today reads
 * the same actions about the client ("… for Ana's Acme interview"). The rules take their pronouns
 * from a voice, so each sentence is written once for both readers.
 */

/** "Priya Raman's", "James's". */
export const possessive = (name: string): string => `${name}'s`;

export interface Voice {
  /** The possessive: "your", or "Ana's". */
  readonly your: string;
  /** The subject after the first mention: "you", or "they" (the verbs agree: "they walk in"). */
  readonly you: string;
  /** The object: "considering you", or "considering Ana". */
  readonly youObject: string;
}

/** The user reading their own plan: every view of the user's own, the CLI and the calendar feed. */
export const USER_VOICE: Voice = { your: 'your', you: 'you', youObject: 'you' };

/** Someone following `name`'s search (a coach); "the client" when no name is on record. */
export function clientVoice(name: string): Voice {
  const who = name.trim() || 'the client';
  return { your: possessive(who), you: 'they', youObject: who };
}
