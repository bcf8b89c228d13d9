// Fast start on Node 20, which keeps no compiled code between runs for ES modules
// (`module.enableCompileCache` came with Node 22.1): `afterview today` runs from the CommonJS
// build of its path (dist/cli/fast-start.cjs, from src/cli/fast-start.ts) through V8's code cache,
// so the bundle is neither parsed nor compiled again on the next run. The cache is code: it lives
// only in the user's private cache folder, never in the shared temporary folder, and a cache that
// is missing, damaged, foreign or made by another build or Node is ignored and made again. Any
// trouble before the command starts sends it to the regular ESM bundle instead.
//
// A damaged cache must never run: V8 checks a code cache's version, flags and length, but its
// checksum only under --verify-snapshot-checksum, off in release builds (a cache damaged inside,
// its header intact, crashed the process). The flag is on while the cache is read and while it
// is made, and only then: while it is on, V8 also refuses Node's own built-in code caches, so a
// built-in module loaded meanwhile would compile from source. node:v8 costs less to load than
// hashing the cache with node:crypto (~2 against ~5 ms).
//
// CommonJS, as is bin/afterview.cjs: an ES module entry costs every start Node's ESM loader (with
// fs/promises, readline and the stream machinery it brings), ~10-15 ms of a ~150 ms `today`.
'use strict';
const {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} = require('node:fs');
// Module.createRequire from the loader already running this file: `require('node:module')` is the
// same class, but loading it by name also loads the ES module loader and source maps (~1 ms).
const { createRequire } = module.constructor;
const { dirname, join } = require('node:path');
const { pathToFileURL } = require('node:url');

/**
 * The commands the CommonJS build holds (src/cli/fast-start.ts: the program and the today group),
 * and the program's own help (commands/index.ts lists the commands from their manifest).
 */
const FAST_COMMANDS = new Set(['today']);

/** Global options that take a value, as in src/cli/commands/index.ts (`commandWord`). */
const WITH_VALUE = new Set(['--data', '--now']);

/** The command word of an argv, read as src/cli/commands/index.ts reads it (a test keeps them equal). */
function commandWord(argv) {
  const words = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const a = argv[i] ?? '';
    if (a === '--') break;
    if (WITH_VALUE.has(a)) i++;
    else if (!a.startsWith('-')) words.push(a);
  }
  const [first, second] = words;
  return first === 'help' ? (second ?? null) : (first ?? null);
}

/** True when `argv` runs a command of the CommonJS build, or asks for the program's help. */
function takesFastPath(argv) {
  const word = commandWord(argv);
  return word === null ? asksHelp(argv) : FAST_COMMANDS.has(word);
}

/**
 * Which cache a run uses: the program's help compiles a little of the build, `today` most of it,
 * so each keeps its own (one made by a help run would leave today compiling the rest each time).
 */
const cacheKind = (argv) => (commandWord(argv) === null ? 'help' : 'today');

/** The user's private cache folder for Afterview. */
function cacheHome(env = process.env) {
  if (env.AFTERVIEW_CACHE_DIR) return env.AFTERVIEW_CACHE_DIR;
  const { homedir } = require('node:os');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'Afterview');
  if (process.platform === 'win32')
    return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'Afterview', 'Cache');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'afterview');
}

/** The build's content hash, written by scripts/build-cli.mjs on the bundle's first line. */
const BUILD_LINE = /^\/\/ afterview-build ([0-9a-f]{64})\n/;

/** Run `work` with V8 checking code-cache checksums (see the top of this file). */
function withChecksums(work) {
  const v8 = require('node:v8');
  // Left on when the user turned it on for the whole process.
  const userSet = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) =>
    a.includes('verify-snapshot-checksum'),
  );
  v8.setFlagsFromString('--verify-snapshot-checksum');
  try {
    return work();
  } finally {
    if (!userSet) v8.setFlagsFromString('--no-verify-snapshot-checksum');
  }
}

/**
 * Run the CLI from the CommonJS build at `cjsPath` with a code cache. Resolves to its exit code,
 * or to null when the build is missing or cannot start (the caller then starts the ESM bundle).
 */
async function startFast(cjsPath, argv, env = process.env) {
  let script;
  let start;
  let cacheFile = null;
  let prefix = '';
  let cached = null;
  try {
    const source = readFileSync(cjsPath, 'utf8');
    const build = BUILD_LINE.exec(source.slice(0, 100))?.[1];
    if (!build) return null;
    const folder = privateFolder(join(cacheHome(env), 'v8'));
    if (folder) {
      // V8 refuses a cache made by another V8 version or with other flags; the name keeps the
      // caches of other builds and Node versions apart, so each is made once.
      prefix = cachePrefix(build);
      cacheFile = join(folder, `${prefix}${cacheKind(argv)}.bin`);
      cached = readCache(cacheFile);
    }
    // The CommonJS wrapper, plus the bundle's own URL for the code that asks `import.meta.url`.
    const wrapped = `(function (exports, require, module, __filename, __dirname, __afterviewImportMetaUrl) {${source}\n})`;
    const { Script } = require('node:vm');
    const options = { filename: cjsPath, cachedData: cached ?? undefined };
    // With a cache (or one to make) V8 checks and writes its checksum; V8 refuses a damaged one.
    script = cacheFile ? withChecksums(() => new Script(wrapped, options)) : new Script(wrapped, options);
    const mod = { exports: {} };
    script.runInThisContext()(
      mod.exports,
      createRequire(cjsPath),
      mod,
      cjsPath,
      dirname(cjsPath),
      pathToFileURL(cjsPath).href,
    );
    start = mod.exports.start;
  } catch (err) {
    debug(env, `the fast start is unavailable (${err instanceof Error ? err.message : String(err)})`);
    return null;
  }
  if (typeof start !== 'function') return null;
  const used = cached !== null && !script.cachedDataRejected;
  const code = await start(argv);
  // Made after a whole run, so the cache also holds the functions V8 compiled only when called.
  // `today --help` compiles little of today: it makes no cache.
  const partial = cacheKind(argv) === 'today' && asksHelp(argv);
  if (cacheFile && !used && code === 0 && !partial) writeCache(cacheFile, script, prefix);
  return code;
}

/** The start of the names of this build's caches on this Node. */
const cachePrefix = (build) => `fast-start-${build.slice(0, 16)}-${process.version}-${process.arch}-`;

/** `--help` or `-h` before any `--`: a run that compiles little of the command. */
function asksHelp(argv) {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/**
 * `dir`, created owner-only when missing; null when it is not a folder only its owner (us) can
 * write to: a cache is code, and code others could plant must never run.
 */
function privateFolder(dir) {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const s = statSync(dir);
    if (!s.isDirectory()) return null;
    if (process.platform !== 'win32' && (s.uid !== process.getuid?.() || (s.mode & 0o022) !== 0)) return null;
    return dir;
  } catch {
    return null;
  }
}

/** The bytes of a cache file (V8 judges them), or null when there is none. */
function readCache(file) {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

/** Write the cache whole or not at all (a reader sees the old file or the new one), owner-only. */
function writeCache(file, script, prefix) {
  try {
    const data = withChecksums(() => script.createCachedData());
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, data, { mode: 0o600 });
    renameSync(tmp, file);
    // The caches of earlier builds or Node versions will not be read again.
    for (const name of readdirSync(dirname(file))) {
      if (name.startsWith('fast-start-') && !name.startsWith(prefix))
        rmSync(join(dirname(file), name), { force: true });
    }
  } catch {
    // A read-only or full disk only costs speed.
  }
}

function debug(env, text) {
  if (env.AFTERVIEW_DEBUG) process.stderr.write(`afterview: ${text}\n`);
}

module.exports = { cacheHome, commandWord, startFast, takesFastPath };
