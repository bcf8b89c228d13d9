/**
 * `spelling`: words the dictionary does not know. Names the store knows, company names, e-mail
 * addresses, URLs, numbers and ALL-CAPS acronyms are skipped.
 */
import { finding, quote } from '../finding';
import { companyForms } from '../names';
import { addressSpans, fold, inSpans, tokenize } from '../text';
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
    let s = suggestions.get(w);
    if (!s) {
      s = w.length <= 24 ? speller.suggest(w.replace(/’/g, "'")).slice(0, 3) : [];
      suggestions.set(w, s);
    }
    const hint = s.length ? ` Did you mean ${s.map((x) => `“${x}”`).join(', ')}?` : '';
    out.push(finding('spelling', `${quote(w)} may be misspelled.${hint}`, token.start, token.end));
  }
  return out;
}
