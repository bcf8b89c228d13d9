/**
 * `wrong-name`: the greeting addresses someone other than the recipient, or the note misspells
 * the recipient's name as recorded (accents, hyphens and apostrophes count).
 */
import { greetingNames, isSurnameParticle, surnamesOf } from '../../person-name';
import { finding, quote } from '../finding';
import { companyForms, findNameHits, nameForms, nameKey } from '../names';
import { editDistance, fold, type Greeting, skeleton, skeletonKey, type Token, titledNames } from '../text';
import type { CheckInput, Finding } from '../types';

// Greetings that address a role or a group, not a person.
const GENERIC =
  /^(?:all|everyone|everybody|team|folks|there|friends|colleagues|hiring (?:team|manager|committee)|recruiter|recruiting team|sir|madam|sir or madam)$/i;

/** Does the greeting's `name` address the person called `displayName` (spelled right or not)? */
function addresses(name: string, displayName: string): boolean {
  const key = skeletonKey(name);
  if (!key) return false;
  // Cheap test first: the store may hold thousands of people.
  const whole = nameKey(displayName);
  if (!whole.includes(key) && !whole.startsWith(key.slice(0, 3))) return false;
  if (nameForms(displayName).some((f) => nameKey(f) === key)) return true;
  // What the drafter greets with, or any one word of the name, however short ("Li" of "Li Wei"):
  // the order of given and family name is not recorded.
  if (greetingNames(displayName).some((f) => nameKey(f) === key)) return true;
  // "Siobhán O'Connell" written as first + last of a longer recorded name.
  const parts = displayName.split(/\s+/);
  if (parts.length > 2 && skeletonKey(`${parts[0]} ${parts[parts.length - 1]}`) === key) return true;
  // A short form of the first name ("Alex" for "Alexandra", "Sam" for "Samantha").
  const first = nameKey(parts[0] ?? '');
  return key.length >= 3 && first.startsWith(key);
}

/** True when a greeting's "name" is the company or its team ("Northwind Labs", "Team Northwind"). */
function namesCompany(input: CheckInput, text: string): boolean {
  const key = skeletonKey(text.replace(/\b(?:team|hiring|recruiting|folks)\b/gi, ''));
  if (!key) return true;
  return [input.company, input.recipient.company ?? '']
    .flatMap(companyForms)
    .some((form) => skeletonKey(form) === key);
}

/** A recorded form of the name that `written` is one slip away from ("O'Connel" -> "O'Connell"). */
function nearMiss(written: string, displayName: string): string | undefined {
  const key = skeletonKey(written);
  if (key.length < 4) return undefined;
  return nameForms(displayName).find((f) => editDistance(skeletonKey(f), key, 1) <= 1);
}

/**
 * The surname as a title takes it: every tail of the name after the first word that does not
 * split off its particles ("van der Berg" for Pieter van der Berg, never "der Berg" or "Berg"),
 * and hyphenated surnames whole ("Smith-Okafor", never "Smith").
 */
function surnames(displayName: string): string[] {
  return surnamesOf(displayName);
}

/** A name's words and joins, ignoring case, accents and the kind of apostrophe or hyphen. */
const spaced = (s: string): string =>
  fold(s).replace(/[’']/g, "'").replace(/[‐-]/g, '-').replace(/\s+/g, ' ');

/** Pieces of a surname that are not the surname: "Smith" of Smith-Okafor, "Berg" of van der Berg. */
function surnameHalves(displayName: string): string[] {
  const whole = new Set(surnames(displayName).map(skeletonKey));
  const last = surnames(displayName)[0] ?? '';
  const pieces = last.split(/[\s\-‐]+/).filter((p) => !isSurnameParticle(p));
  return pieces.filter((p) => !whole.has(skeletonKey(p)) && skeletonKey(p).length >= 2);
}

/** A title before half a surname: "Dr. Smith" for Amara Smith-Okafor. */
function halfSurname(input: CheckInput, name: Token): Finding | null {
  const display = input.recipient.displayName;
  const key = skeletonKey(name.text);
  if (surnames(display).some((s) => skeletonKey(s) === key)) return null;
  if (!surnameHalves(display).some((h) => skeletonKey(h) === key)) return null;
  const full = surnames(display)[0] ?? display;
  return finding(
    'wrong-name',
    `${quote(name.text)} is only part of ${display}'s surname; with a title, write ${quote(full)}.`,
    name.start,
    name.end,
  );
}

/** Findings for names used to address someone (the greeting, "Thanks again, Diego"). */
function addresseeFindings(
  input: CheckInput,
  names: Array<Token & { titled?: boolean }>,
  where: string,
): Finding[] {
  const out: Finding[] = [];
  for (const name of names) {
    if (name.titled) {
      const half = halfSurname(input, name);
      if (half) {
        out.push(half);
        continue;
      }
      // "Mr van der Berg", "Ms O'Connell": the surname. Its letters with spaces run together
      // ("Vanderberg") misspell it; a slip in accents is found by the misspelling check below.
      const surname = surnames(input.recipient.displayName).find(
        (s) => skeletonKey(s) === skeletonKey(name.text),
      );
      if (surname) {
        if (spaced(name.text) !== spaced(surname)) {
          out.push(
            finding(
              'wrong-name',
              `${quote(name.text)} misspells ${input.recipient.displayName}'s surname: it is recorded as ${quote(surname)}.`,
              name.start,
              name.end,
            ),
          );
        }
        continue;
      }
    }
    if (GENERIC.test(name.text) || addresses(name.text, input.recipient.displayName)) continue;
    if (namesCompany(input, name.text)) continue; // "Hello Northwind Labs team,"

    const other = input.knownPeople.find(
      (p) => fold(p.displayName) !== fold(input.recipient.displayName) && addresses(name.text, p.displayName),
    );
    const near = other ? undefined : nearMiss(name.text, input.recipient.displayName);
    const message = near
      ? `${quote(name.text)} misspells ${input.recipient.displayName}'s name: it is recorded as ${quote(near)}.`
      : `${where} addresses ${other ? `${quote(name.text)} (${other.displayName})` : quote(name.text)}, but this note goes to ${input.recipient.displayName}.`;
    out.push(finding('wrong-name', message, name.start, name.end));
  }
  return out;
}

// "Thanks again, Diego!" addresses Diego in the body.
const VOCATIVE =
  /\b(?:[Tt]hanks|[Tt]hank you)(?: again| so much| very much)?,[ \t]+(\p{Lu}[\p{L}\p{M}'’-]*)(?=[ \t]*[.!,\n]|$)/gu;

/** Names used as a vocative in the body, limited to people the store knows (a plain word is not a name). */
function vocatives(input: CheckInput): Token[] {
  const people = input.knownPeople.map((p) => p.displayName);
  return [...input.body.matchAll(VOCATIVE)].flatMap((m) => {
    const text = m[1] ?? '';
    const start = m.index + m[0].length - text.length;
    return people.some((p) => addresses(text, p)) ? [{ text, start, end: start + text.length }] : [];
  });
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
  const greeted = greeting ? addresseeFindings(input, greeting.names, 'The greeting') : [];
  // Titles in the body too: "I enjoyed meeting Dr. Smith" for Smith-Okafor.
  const titledInBody = titledNames(input.body)
    .filter((t) => !greeting?.names.some((g) => g.start <= t.start && g.end >= t.end))
    .flatMap((t) => halfSurname(input, t) ?? []);
  const wrongPerson = [
    ...greeted,
    ...titledInBody,
    ...addresseeFindings(input, vocatives(input), 'The note'),
  ];
  // A misspelled greeting is reported once, as a misspelling.
  return [
    ...misspelled,
    ...wrongPerson.filter((w) => !misspelled.some((m) => m.start < w.end && m.end > w.start)),
  ];
}
