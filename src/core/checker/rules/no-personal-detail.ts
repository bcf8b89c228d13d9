/**
 * `no-personal-detail`: a thank-you that could have gone to anyone. It should recall something
 * from this conversation: a word or phrase from the user's debrief notes about the recipient, or,
 * with no notes recorded, at least something specific ("you mentioned...", a name, a number).
 */
import { toSecondPerson } from '../../drafts/second-person';
import { winkTagger } from '../../drafts/tagger';
import { finding } from '../finding';
import { companyForms, nameForms } from '../names';
import { fold, STOP_WORDS, stem, tokenize } from '../text';
import type { CheckInput, Finding } from '../types';

// Phrases that point at something said in the conversation.
const SPECIFIC =
  /\byou (?:mentioned|said|described|explained|raised|shared|asked|pointed out|walked me through|showed me)\b|\b(?:your|our) (?:point|question|story|example|idea|comment|discussion|conversation|chat) (?:about|on|of)\b|\bwhen we (?:talked|spoke|discussed)\b|\bthe (?:problem|challenge|question|project|story) (?:you|of)\b/i;

/** Distinctive word stems of a text: no stop words, names or the company. */
function distinctive(text: string, exclude: ReadonlySet<string>): Set<string> {
  return new Set(
    tokenize(text)
      .map((t) => t.text)
      .filter((w) => w.length >= 3 && !STOP_WORDS.has(fold(w)) && !exclude.has(fold(w)))
      .map(stem),
  );
}

/**
 * A debrief line quoted in the message: as the note would say it ("you told me...", not "she
 * told me..."), cut at a word boundary.
 */
function quoteDetail(detail: string, displayName: string): string {
  const names = [displayName, displayName.trim().split(/\s+/)[0] ?? ''].filter(Boolean);
  const text = toSecondPerson(detail.trim(), { names }, winkTagger).text.replace(/\s+/g, ' ');
  if (text.length <= 60) return text;
  const cut = text.slice(0, 60);
  const space = cut.lastIndexOf(' ');
  return `${(space > 20 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** Only thank-you notes are held to this. */
export function checkPersonalDetail(input: CheckInput): Finding[] {
  if (input.kind !== 'thank-you' || !input.body.trim()) return [];
  const exclude = new Set(
    [
      ...nameForms(input.recipient.displayName),
      ...companyForms(input.company),
      ...companyForms(input.recipient.company ?? ''),
    ].flatMap((f) => tokenize(f).map((t) => fold(t.text))),
  );
  const details = input.personalDetails.filter((d) => d.trim());
  const noteWords = distinctive(input.body, exclude);
  if (details.length > 0) {
    const detailWords = distinctive(details.join('\n'), exclude);
    if (detailWords.size === 0 || [...detailWords].some((w) => noteWords.has(w))) return [];
    return [
      finding(
        'no-personal-detail',
        `This thank-you mentions nothing from your notes about ${input.recipient.displayName} (such as “${quoteDetail(details[0] ?? '', input.recipient.displayName)}”); recall something they said so the note is clearly for them.`,
        0,
        input.body.length,
      ),
    ];
  }
  if (SPECIFIC.test(input.body)) return [];
  return [
    finding(
      'no-personal-detail',
      `This thank-you could have gone to anyone; recall something ${input.recipient.displayName} said or a problem they raised.`,
      0,
      input.body.length,
    ),
  ];
}
