/**
 * `wrong-name`: the greeting addresses someone other than the recipient, or the note misspells
 * the recipient's name as recorded (accents, hyphens and apostrophes count).
 */
import { finding, quote } from '../finding';
import { findNameHits, nameForms } from '../names';
import { fold, type Greeting, skeleton, skeletonKey } from '../text';
import type { CheckInput, Finding } from '../types';

// Greetings that address a role or a group, not a person.
const GENERIC =
  /^(?:all|everyone|everybody|team|folks|there|friends|colleagues|hiring (?:team|manager|committee)|recruiter|recruiting team|sir|madam|sir or madam)$/i;

/** Does the greeting's `name` address the person called `displayName` (spelled right or not)? */
function addresses(name: string, displayName: string): boolean {
  const key = skeletonKey(name);
  if (!key) return false;
  const forms = nameForms(displayName);
  if (forms.some((f) => skeletonKey(f) === key)) return true;
  // "Siobhán O'Connell" written as first + last of a longer recorded name.
  const parts = displayName.split(/\s+/);
  if (parts.length > 2 && skeletonKey(`${parts[0]} ${parts[parts.length - 1]}`) === key) return true;
  // A short form of the first name ("Alex" for "Alexandra", "Sam" for "Samantha").
  const first = skeletonKey(parts[0] ?? '');
  return key.length >= 3 && first.startsWith(key);
}

function greetingFindings(input: CheckInput, greeting: Greeting): Finding[] {
  const out: Finding[] = [];
  for (const name of greeting.names) {
    if (GENERIC.test(name.text) || addresses(name.text, input.recipient.displayName)) continue;
    const other = input.knownPeople.find(
      (p) => fold(p.displayName) !== fold(input.recipient.displayName) && addresses(name.text, p.displayName),
    );
    const who = other ? `${quote(name.text)} (${other.displayName})` : quote(name.text);
    out.push(
      finding(
        'wrong-name',
        `The greeting addresses ${who}, but this note goes to ${input.recipient.displayName}.`,
        name.start,
        name.end,
      ),
    );
  }
  return out;
}

function misspellings(input: CheckInput): Finding[] {
  const textSkeleton = skeleton(input.body);
  const hits = nameForms(input.recipient.displayName)
    .flatMap((form) => findNameHits(input.body, form, textSkeleton))
    .filter((h) => !h.exact);
  // Report the longest misspelling only: "Fernandez Ortiz" once, not also "Fernandez".
  const kept = hits.filter(
    (h) =>
      !hits.some((o) => o !== h && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start),
  );
  return kept.map((h) =>
    finding(
      'wrong-name',
      `${quote(h.written)} misspells ${input.recipient.displayName}'s name: it is recorded as ${quote(h.form)}.`,
      h.start,
      h.end,
    ),
  );
}

/** Check the greeting's addressee and every spelling of the recipient's name in the body. */
export function checkWrongName(input: CheckInput, greeting: Greeting | null): Finding[] {
  if (!input.recipient.displayName.trim()) return [];
  const misspelled = misspellings(input);
  const wrongPerson = greeting ? greetingFindings(input, greeting) : [];
  // A misspelled greeting is reported once, as a misspelling.
  return [
    ...misspelled,
    ...wrongPerson.filter((w) => !misspelled.some((m) => m.start < w.end && m.end > w.start)),
  ];
}
