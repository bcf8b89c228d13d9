/**
 * The note checker's Speller over nspell and the dictionary-en Hunspell dictionary, extended with
 * every name Afterview knows. The dictionary takes ~200 ms to load, so it is imported lazily and
 * loaded once per process; each speller adds its own extra words on top without touching it.
 */
import type { Speller } from '../../core/checker/check';
import { WORKPLACE_WORDS } from './workplace-words';

interface Base {
  correct(word: string): boolean;
  suggest(word: string): string[];
}

let base: Promise<Base> | null = null;

// nspell's suggest() takes 20-400 ms a word; the web app checks on every keystroke with a fresh
// speller per request, so the dictionary's answers are remembered process-wide (bounded).
const dictionarySuggestions = new Map<string, string[]>();
const MAX_REMEMBERED = 5_000;

function suggestFromDictionary(dictionary: Base, word: string): string[] {
  let found = dictionarySuggestions.get(word);
  if (!found) {
    if (dictionarySuggestions.size >= MAX_REMEMBERED) dictionarySuggestions.clear();
    found = dictionary.suggest(word);
    dictionarySuggestions.set(word, found);
  }
  return found;
}

/** Load nspell with the English dictionary once; later calls share the same instance. */
function loadBase(): Promise<Base> {
  base ??= (async () => {
    const [{ default: nspell }, { default: dictionary }] = await Promise.all([
      import('nspell'),
      import('dictionary-en'),
    ]);
    // dictionary-en reads its files with fs.readFile, so these are Buffers already; the wrap is typing.
    return nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) });
  })().catch((error: unknown) => {
    base = null; // let a later call try again
    throw error;
  });
  return base;
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
 * A Speller that knows standard English, common workplace words and `extraWords` (people's names,
 * companies). Each name is added whole and by its parts, accents, apostrophes and hyphens kept:
 * "Siobhán" is correct, "Siobhan" is not (and gets "Siobhán" as a suggestion).
 */
export async function createSpeller(extraWords: string[]): Promise<Speller> {
  const dictionary = await loadBase();
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

  return {
    correct(word: string): boolean {
      const w = normalize(word);
      return isExtra(w) || dictionary.correct(w);
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
      const result = [...new Set([...names, ...suggestFromDictionary(dictionary, w)])];
      suggestions.set(w, result);
      return result;
    },
  };
}
