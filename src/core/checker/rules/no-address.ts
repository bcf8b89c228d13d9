/**
 * `no-address`: the recipient has no e-mail address, so the note cannot be sent or opened in a
 * mail app addressed to them. An error before either is tried, not a failure after.
 */
import { finding } from '../finding';
import type { CheckInput, Finding } from '../types';

/** Span 0..0: the finding is about the recipient, not the text. */
export function checkNoAddress(input: CheckInput): Finding[] {
  const emails = input.recipient.emails;
  if (emails === undefined || emails.some((e) => /\S@\S/.test(e))) return [];
  return [
    finding(
      'no-address',
      `${input.recipient.displayName || 'This person'} has no email address in Afterview; add one before sending or opening the note in your mail app.`,
      0,
      0,
    ),
  ];
}
