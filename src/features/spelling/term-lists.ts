/**
 * Everyday software and business words the general dictionary lacks ("Kubernetes", "idempotent",
 * "Datadog", "Salesforce"), from the maintained cspell word lists @cspell/dict-software-terms and
 * @cspell/dict-companies. Their plain-text lists are read once per process, on first use.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

// The lists of each package worth knowing in a note (not POSIX signal names or error codes).
const LISTS: ReadonlyArray<{ pkg: string; files: string[] }> = [
  {
    pkg: '@cspell/dict-software-terms',
    files: [
      'softwareTerms.txt.gz',
      'software-tools.txt',
      'networkingTerms.txt',
      'webServices.txt',
      'computing-acronyms.txt',
      'coding-compound-terms.txt',
    ],
  },
  { pkg: '@cspell/dict-companies', files: ['companies.txt'] },
];

/**
 * The words of one cspell list: comments and forbidden entries (`!word`) dropped, the
 * compound markers (`*Auth*`, `+`) and the case/accent markers (`~`) stripped, phrases split.
 */
export function parseCspellList(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('!')) continue;
    for (const part of line.replace(/[*+~]/g, '').split(/\s+/)) {
      if (/^[\p{L}\p{N}][\p{L}\p{N}'.-]*$/u.test(part) && /\p{L}/u.test(part)) out.push(part);
    }
  }
  return out;
}

let loaded: Promise<ReadonlySet<string>> | null = null;

/** Every word of the lists, read once per process (later calls share the same set). */
export function loadTermLists(): Promise<ReadonlySet<string>> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const words = new Set<string>();
    for (const { pkg, files } of LISTS) {
      const dir = join(dirname(require.resolve(`${pkg}/cspell-ext.json`)), 'dict');
      for (const file of files) {
        const bytes = await readFile(join(dir, file));
        const text = file.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
        for (const w of parseCspellList(text)) words.add(w);
      }
    }
    return words;
  })().catch((error: unknown) => {
    loaded = null; // let a later call try again
    throw error;
  });
  return loaded;
}
