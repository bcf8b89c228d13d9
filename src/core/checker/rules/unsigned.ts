/** `unsigned`: the note ends on a sign-off ("Best regards,") with no name after it. */
import { finding, quote } from '../finding';
import type { CheckInput, Finding } from '../types';

// A line that is only a closing: "Best regards,", "Thanks!", "Cheers", "Sincerely,", "— Many thanks".
const SIGN_OFF =
  /^[ \t]*[-–—]*[ \t]*(?:(?:best|kind|warm|warmest|kindest|many|with)?[ \t]*(?:regards|wishes)|best|all the best|(?:many |big )?thanks(?: again| so much| a lot)?|thank you(?: again| so much)?|cheers|sincerely|yours(?: sincerely| truly| faithfully)?|sincerely yours|respectfully|warmly|with (?:gratitude|thanks|appreciation)|(?:talk|speak) soon|take care|all my best|gratefully|appreciatively|looking forward to (?:hearing from you|speaking (?:with you )?soon|connecting|our next conversation))[ \t]*[,.!]*[ \t]*$/i;

/** Span: the sign-off line, so the place to add the name is what gets highlighted. */
export function checkUnsigned(input: CheckInput): Finding[] {
  const trimmed = input.body.replace(/\s+$/u, '');
  if (!trimmed) return [];
  const lineStart = trimmed.lastIndexOf('\n') + 1;
  const last = trimmed.slice(lineStart);
  // A one-line note ("Thanks!") is a message, not a letter with a missing signature.
  if (lineStart === 0 || !SIGN_OFF.test(last)) return [];
  const start = lineStart + (last.length - last.trimStart().length);
  return [
    finding(
      'unsigned',
      `The note ends on ${quote(last)} with no name after it; sign it so they know who wrote.`,
      start,
      trimmed.length,
    ),
  ];
}
