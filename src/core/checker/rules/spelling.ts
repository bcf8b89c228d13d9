/**
 * `spelling`: words the dictionary does not know. Names the store knows, company names, words the
 * user wrote in their own debriefs and notes, e-mail addresses, URLs, numbers and ALL-CAPS
 * acronyms are skipped. The dictionary itself (the account's locale, software and business
 * terms) is the Speller's business.
 */

import { ContentMemo, peopleKey } from '../content-memo';
import { finding, quote } from '../finding';
import { companyForms } from '../names';
import { addressSpans, editDistance, fold, inSpans, type Token, tokenize } from '../text';
import type { CheckInput, Finding, Speller } from '../types';

function known(speller: Speller, word: string): boolean {
  const w = word.replace(/’/g, "'");
  if (speller.correct(w)) return true;
  const bare = w.replace(/'s$|'$/i, '');
  if (bare !== w && bare && speller.correct(bare)) return true;
  // "thank-you", "well-known", "HSM-backed": fine when every part is a word or an acronym.
  const parts = bare.split(/[-‐]/);
  if (parts.length > 1) return parts.every((p) => p === '' || isAcronym(p) || speller.correct(p));
  return compound(speller, bare);
}

const isAcronym = (w: string): boolean => w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase();

/**
 * Engineers close up compounds the dictionary lists apart ("backpressure", "workstream",
 * "toolchain"): a lower-case word made of two dictionary words of four letters or more is a word.
 */
function compound(speller: Speller, word: string): boolean {
  if (word.length < 8 || word !== word.toLowerCase()) return false;
  for (let i = 4; i <= word.length - 4; i++) {
    if (speller.correct(word.slice(0, i)) && speller.correct(word.slice(i))) return true;
  }
  return false;
}

/** One warning per unknown word, with the dictionary's suggestions in the message. */
export function checkSpelling(input: CheckInput): Finding[] {
  const speller = input.speller;
  if (!speller) return [];
  // Built only when the dictionary flags a word: most notes need no look-up at all.
  let skip: ReadonlySet<string> | null = null;
  const isKnownName = (word: string): boolean => {
    skip ??= skipWords(input);
    const w = fold(word);
    return (
      skip.has(w) || skip.has(w.replace(/['’]s$/, '')) || w.split(/[-‐]/).every((part) => skip?.has(part))
    );
  };
  const addresses = addressSpans(input.body);
  let names: ReadonlyArray<{ name: string; key: string }> | null = null;
  const out: Finding[] = [];
  const suggestions = new Map<string, string[]>();
  for (const token of tokenize(input.body)) {
    const w = token.text;
    if (/\p{N}/u.test(w) || inSpans(token.start, addresses)) continue;
    if (w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase()) continue; // acronyms: API, SRE
    if (known(speller, w) || isKnownName(w)) continue;
    // Product names write capitals inside ("PySpark", "XGBoost"); acronyms take plurals ("SLOs").
    if (/\p{Ll}\p{Lu}|\p{Lu}\p{Lu}\p{Ll}/u.test(w) || /^\p{Lu}{2,}s$/u.test(w)) continue;
    if (properNoun(input.body, token)) {
      // A capitalised word mid-sentence is a name: most are people and products Afterview does
      // not know (a warning on each would be noise), so only a slip on a known name is reported.
      names ??= knownNameWords(input);
      const near = nearKnownName(w, names);
      if (near) {
        out.push(
          finding(
            'spelling',
            `${quote(w)} is not in the dictionary; did you mean “${near}”?`,
            token.start,
            token.end,
          ),
        );
      }
      continue;
    }
    let s = suggestions.get(w);
    if (!s) {
      // Suggestions cost milliseconds each: only for a handful of words per check.
      const target = unknownPart(speller, w);
      s = suggestions.size < MAX_SUGGESTED && target.length <= 24 ? speller.suggest(target).slice(0, 3) : [];
      suggestions.set(w, s);
    }
    const hint = s.length ? ` Did you mean ${s.map((x) => `“${x}”`).join(', ')}?` : '';
    out.push(finding('spelling', `${quote(w)} may be misspelled.${hint}`, token.start, token.end));
  }
  return out;
}

const MAX_SUGGESTED = 5;

const companiesOf = (input: CheckInput): string[] => [
  input.company,
  input.recipient.company ?? '',
  ...input.otherCompanies,
];
const peopleOf = (input: CheckInput): string[] => [
  input.recipient.displayName,
  ...input.knownPeople.map((p) => p.displayName),
];
/** The memo key of the names and companies a check knows (built without copying the people). */
const namesParts = (input: CheckInput, companies: readonly string[]): string[] => [
  String(companies.length),
  ...companies,
  input.recipient.displayName,
  peopleKey(input.knownPeople),
];

const skipMemo = new ContentMemo<ReadonlySet<string>>();

/** The folded words of every company and person the store knows, and of the user's own writing. */
function skipWords(input: CheckInput): ReadonlySet<string> {
  const companies = companiesOf(input);
  // Words the user wrote in their own debriefs and notes are theirs to spell.
  const own = input.userWords ?? [];
  return skipMemo.get(
    [...namesParts(input, companies), ...own],
    () =>
      new Set(
        companies
          .flatMap((c) => [...companyForms(c), c])
          .concat(peopleOf(input), own)
          .flatMap((n) => fold(n).split(/[^\p{L}\p{M}\p{N}'’]+/u))
          .filter(Boolean),
      ),
  );
}

const nameWordsMemo = new ContentMemo<ReadonlyArray<{ name: string; key: string }>>();

/** Every name and company word Afterview knows, with its folded key (for near misses). */
function knownNameWords(input: CheckInput): ReadonlyArray<{ name: string; key: string }> {
  const companies = companiesOf(input);
  return nameWordsMemo.get(namesParts(input, companies), () =>
    companies
      .flatMap((c) => companyForms(c))
      .concat(peopleOf(input))
      .flatMap((n) => n.split(/[\s,]+/))
      .map((name) => ({ name, key: fold(name) }))
      .filter((n) => n.key.length >= 5),
  );
}

/** A known name that `word` is one slip away from ("Deigo" -> "Diego"). */
function nearKnownName(
  word: string,
  names: ReadonlyArray<{ name: string; key: string }>,
): string | undefined {
  const key = fold(word);
  if (key.length < 5) return undefined;
  return names.find(
    (n) =>
      Math.abs(n.key.length - key.length) <= 1 &&
      n.key !== key &&
      (editDistance(n.key, key, 1) <= 1 || swapped(n.key, key)),
  )?.name;
}

/** Equal but for two neighbouring letters swapped ("deigo" / "diego"). */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  const [i, j] = diff;
  return diff.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

/** The part of a hyphenated word the dictionary does not know ("thank-yuo" -> "yuo"), else the word. */
function unknownPart(speller: Speller, word: string): string {
  const w = word.replace(/’/g, "'");
  const parts = w.split(/[-‐]/).filter(Boolean);
  const unknown = parts.filter((p) => !speller.correct(p));
  return parts.length > 1 && unknown.length === 1 ? (unknown[0] ?? w) : w;
}

/**
 * A capitalised word in the middle of a sentence is most likely a name the store does not know;
 * the dictionary's suggestions for it ("Contoso" -> "Contest") would only mislead.
 */
function properNoun(text: string, token: Token): boolean {
  if (!/^\p{Lu}\p{Ll}/u.test(token.text)) return false;
  const before = text.slice(Math.max(0, token.start - 40), token.start).replace(/[\s"“‘'(]+$/u, '');
  return before !== '' && !/[.!?:\n]$/.test(before);
}
