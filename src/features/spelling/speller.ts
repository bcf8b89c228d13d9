/**
 * The note checker's Speller over nspell and a Hunspell dictionary for the account's locale
 * (dictionary-en for en-US, dictionary-en-gb for en-GB), extended with everyday software and
 * business terms (the cspell lists in term-lists.ts) and every name Afterview knows. Each
 * dictionary takes ~200 ms to load, so it is imported lazily and loaded once per process; each
 * speller adds its own extra words on top without touching it.
 */
import type { CheckLocale, Speller } from '../../core/checker/check';
import { loadTermLists } from './term-lists';
import { WORKPLACE_WORDS } from './workplace-words';

interface Base {
  correct(word: string): boolean;
  suggest(word: string): string[];
}

const bases = new Map<CheckLocale, Promise<Base>>();

// nspell's suggest() takes 20-400 ms a word; the web app checks on every keystroke with a fresh
// speller per request, so the dictionary's answers are remembered process-wide (bounded).
const dictionarySuggestions = new Map<string, string[]>(); // keyed by locale and word
const MAX_REMEMBERED = 5_000;

function suggestFromDictionary(dictionary: Base, locale: CheckLocale, word: string): string[] {
  const key = `${locale}:${word}`;
  let found = dictionarySuggestions.get(key);
  if (!found) {
    if (dictionarySuggestions.size >= MAX_REMEMBERED) dictionarySuggestions.clear();
    found = dictionary.suggest(word);
    dictionarySuggestions.set(key, found);
  }
  return found;
}

/** Load nspell with the locale's dictionary once; later calls share the same instance. */
export function loadBase(locale: CheckLocale): Promise<Base> {
  let base = bases.get(locale);
  if (!base) {
    base = (async () => {
      const [{ default: nspell }, { default: dictionary }] = await Promise.all([
        import('nspell'),
        locale === 'en-GB' ? import('dictionary-en-gb') : import('dictionary-en'),
      ]);
      // The dictionaries read their files with fs.readFile, so these are Buffers already; the wrap is typing.
      return nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) });
    })().catch((error: unknown) => {
      bases.delete(locale); // let a later call try again
      throw error;
    });
    bases.set(locale, base);
  }
  return base;
}

/** Options of a speller: the account's locale picks the dictionary (default en-US). */
export interface SpellerOptions {
  locale?: CheckLocale;
}

// The workplace words are software and business terms too: "graphql" and "pgbouncer" are right.
const WORKPLACE_LOWER: ReadonlySet<string> = new Set(WORKPLACE_WORDS.map((w) => w.toLowerCase()));

// The lower-cased term lists, computed once per loaded set.
let lowered: { from: ReadonlySet<string>; to: ReadonlySet<string> } | null = null;
function lowerOf(terms: ReadonlySet<string>): ReadonlySet<string> {
  if (lowered?.from !== terms) lowered = { from: terms, to: new Set([...terms].map((t) => t.toLowerCase())) };
  return lowered.to;
}

const normalize = (word: string): string => word.normalize('NFC').replace(/[’‘]/g, "'");
const fold = (word: string): string => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Every form of a name a note may contain: "Fernández-Ortiz" -> itself, "Fernández", "Ortiz". */
function wordsOf(entry: string): string[] {
  const parts = normalize(entry)
    .split(/[\s,;/]+/)
    .map((p) => p.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
  return parts.flatMap((p) => [p, ...(/[-‐]/.test(p) ? p.split(/[-‐]/) : [])]).filter(Boolean);
}

/** Levenshtein distance, capped: only small distances matter for suggestions. */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 3;
}

/**
 * A Speller that knows standard English in the account's locale ("colour" and "organise" in
 * en-GB), common software and business terms, and `extraWords` (people's names, companies). Each
 * name is added whole and by its parts, accents, apostrophes and hyphens kept: "Siobhán" is
 * correct, "Siobhan" is not (and gets "Siobhán" as a suggestion).
 */
export async function createSpeller(extraWords: string[], options: SpellerOptions = {}): Promise<Speller> {
  const locale = options.locale ?? 'en-US';
  // British writers in tech often keep -ize and US product words ("Oxford spelling"): en-GB
  // accepts what either dictionary knows, and suggests from its own.
  const [dictionary, terms, also] = await Promise.all([
    loadBase(locale),
    loadTermLists(),
    locale === 'en-GB' ? loadBase('en-US') : null,
  ]);
  const lowerTerms = lowerOf(terms);
  const extras = new Set<string>();
  for (const entry of [...WORKPLACE_WORDS, ...extraWords]) for (const w of wordsOf(entry)) extras.add(w);
  const lowerExtras = new Set([...extras].map((w) => w.toLowerCase()));
  const suggestions = new Map<string, string[]>();

  const isExtra = (w: string): boolean => {
    if (extras.has(w) || extras.has(w.replace(/'s$/, ''))) return true;
    // Lower-case words may be capitalised at a sentence start or written in capitals.
    const lower = w.toLowerCase();
    return lowerExtras.has(lower) && (extras.has(lower) || w === w.toUpperCase());
  };
  // The term lists keep case ("GitHub", "PgBouncer"), but people type tools as they type commands:
  // "pgbouncer", "github", "kubernetes" are right too, as are capitals ("PGBOUNCER") and a sentence
  // start ("Pgbouncer"). Only an odd mix of cases ("pgBouncer") is left to the dictionary. People's
  // names are not term-list words: their case sense stays with `isExtra`.
  const isTerm = (w: string): boolean => {
    const bare = w.replace(/'s$/, '');
    if (terms.has(bare)) return true;
    const lower = bare.toLowerCase();
    if (!lowerTerms.has(lower) && !WORKPLACE_LOWER.has(lower)) return false;
    const capitalised = (lower[0]?.toUpperCase() ?? '') + lower.slice(1);
    return bare === lower || bare === bare.toUpperCase() || bare === capitalised;
  };

  return {
    correct(word: string): boolean {
      const w = normalize(word);
      return isExtra(w) || dictionary.correct(w) || isTerm(w) || (also?.correct(w) ?? false);
    },
    suggest(word: string): string[] {
      const w = normalize(word);
      const cached = suggestions.get(w);
      if (cached) return cached;
      const key = fold(w);
      const names = [...extras].filter((x) => {
        const k = fold(x);
        return k === key || distance(k, key) <= 1;
      });
      const result = [...new Set([...names, ...suggestFromDictionary(dictionary, locale, w)])];
      suggestions.set(w, result);
      return result;
    },
  };
}
