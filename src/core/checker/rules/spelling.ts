/**
 * `spelling`: words the dictionary does not know. Names the store knows, company names, e-mail
 * addresses, URLs, numbers and ALL-CAPS acronyms are skipped.
 */
import { finding, quote } from '../finding';
import { companyForms } from '../names';
import { addressSpans, fold, inSpans, type Token, tokenize } from '../text';
import type { CheckInput, Finding, Speller } from '../types';

function known(speller: Speller, word: string): boolean {
  const w = word.replace(/’/g, "'");
  if (speller.correct(w)) return true;
  const bare = w.replace(/'s$|'$/i, '');
  if (bare !== w && bare && speller.correct(bare)) return true;
  // "thank-you", "well-known": fine when every part is a word.
  const parts = bare.split(/[-‐]/);
  return parts.length > 1 && parts.every((p) => p === '' || speller.correct(p));
}

/** One warning per unknown word, with the dictionary's suggestions in the message. */
export function checkSpelling(input: CheckInput): Finding[] {
  const speller = input.speller;
  if (!speller) return [];
  // Built only when the dictionary flags a word: most notes need no look-up at all.
  let skip: Set<string> | null = null;
  const isKnownName = (word: string): boolean => {
    skip ??= new Set(
      [input.company, input.recipient.company ?? '', ...input.otherCompanies]
        .flatMap((c) => [...companyForms(c), c])
        .concat(input.recipient.displayName, ...input.knownPeople.map((p) => p.displayName))
        .flatMap((n) => fold(n).split(/[^\p{L}\p{M}\p{N}'’]+/u))
        .filter(Boolean),
    );
    const w = fold(word);
    return (
      skip.has(w) || skip.has(w.replace(/['’]s$/, '')) || w.split(/[-‐]/).every((part) => skip?.has(part))
    );
  };
  const addresses = addressSpans(input.body);
  const out: Finding[] = [];
  const suggestions = new Map<string, string[]>();
  for (const token of tokenize(input.body)) {
    const w = token.text;
    if (/\p{N}/u.test(w) || inSpans(token.start, addresses)) continue;
    if (w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase()) continue; // acronyms: API, SRE
    if (known(speller, w) || isKnownName(w)) continue;
    if (properNoun(input.body, token)) {
      out.push(
        finding(
          'spelling',
          `${quote(w)} is not in the dictionary; if it is a name, add the person or company to Afterview.`,
          token.start,
          token.end,
        ),
      );
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
