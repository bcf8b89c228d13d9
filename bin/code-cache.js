// Fast start on Node 20, which keeps no compiled code between runs for ES modules
// (`module.enableCompileCache` came with Node 22.1): `afterview today` runs from the CommonJS
// build of its path (dist/cli/fast-start.cjs, from src/cli/fast-start.ts) through V8's code cache,
// so the bundle is neither parsed nor compiled again on the next run. The cache is code: it lives
// only in the user's private cache folder, never in the shared temporary folder, and a cache that
// is missing, damaged, foreign or made by another build or Node is ignored and made again. Any
// trouble before the command starts sends it to the regular ESM bundle instead.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

// Loaded when used: `afterview --help` and the other commands never need them.
const require = createRequire(import.meta.url);
const sha256 = (data) => require('node:crypto').createHash('sha256').update(data).digest();

/** The commands the CommonJS build holds (src/cli/fast-start.ts: the program and the today group). */
const FAST_COMMANDS = new Set(['today']);

/** Global options that take a value, as in src/cli/commands/index.ts (`commandWord`). */
const WITH_VALUE = new Set(['--data', '--now']);

/** The command word of an argv, read as src/cli/commands/index.ts reads it (a test keeps them equal). */
export function commandWord(argv) {
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

/** True when `argv` runs a command of the CommonJS build. */
export function takesFastPath(argv) {
  return FAST_COMMANDS.has(commandWord(argv) ?? '');
}

/** The user's private cache folder for Afterview. */
export function cacheHome(env = process.env) {
  if (env.AFTERVIEW_CACHE_DIR) return env.AFTERVIEW_CACHE_DIR;
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'Afterview');
  if (process.platform === 'win32')
    return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'Afterview', 'Cache');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'afterview');
}

/** The build's content hash, written by scripts/build-cli.mjs on the bundle's first line. */
const BUILD_LINE = /^\/\/ afterview-build ([0-9a-f]{64})\n/;
/** A cache file: this magic, the SHA-256 of the V8 data, then the data (V8 checks no checksum). */
const MAGIC = Buffer.from('afterview-v8-cache-1\n');
const DIGEST = 32;

/**
 * Run the CLI from the CommonJS build at `cjsPath` with a code cache. Resolves to its exit code,
 * or to null when the build is missing or cannot start (the caller then starts the ESM bundle).
 */
export async function startFast(cjsPath, argv, env = process.env) {
  let script;
  let start;
  let cacheFile = null;
  let cached = null;
  try {
    const source = readFileSync(cjsPath, 'utf8');
    const build = BUILD_LINE.exec(source.slice(0, 100))?.[1];
    if (!build) return null;
    const folder = privateFolder(join(cacheHome(env), 'v8'));
    if (folder) {
      // V8 refuses a cache made by another V8 version or with other flags; the name keeps the
      // caches of other builds and Node versions apart, so each is made once.
      cacheFile = join(folder, `fast-start-${build.slice(0, 16)}-${process.version}-${process.arch}.bin`);
      cached = readCache(cacheFile);
    }
    // The CommonJS wrapper, plus the bundle's own URL for the code that asks `import.meta.url`.
    const wrapped = `(function (exports, require, module, __filename, __dirname, __afterviewImportMetaUrl) {${source}\n})`;
    script = new (require('node:vm').Script)(wrapped, { filename: cjsPath, cachedData: cached ?? undefined });
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
  if (cacheFile && !used && code === 0 && !asksHelp(argv)) writeCache(cacheFile, script);
  return code;
}

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

/** The V8 data of a cache file, or null when it is missing or fails its checksum. */
function readCache(file) {
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  const head = MAGIC.length + DIGEST;
  if (bytes.length <= head || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const data = bytes.subarray(head);
  const digest = sha256(data);
  return digest.equals(bytes.subarray(MAGIC.length, head)) ? data : null;
}

/** Write the cache whole or not at all (a reader sees the old file or the new one), owner-only. */
function writeCache(file, script) {
  try {
    const data = script.createCachedData();
    const digest = sha256(data);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.concat([MAGIC, digest, data]), { mode: 0o600 });
    renameSync(tmp, file);
    // The caches of earlier builds or Node versions will not be read again.
    const own = basename(file);
    for (const name of readdirSync(dirname(file))) {
      if (name.startsWith('fast-start-') && !name.startsWith(own))
        rmSync(join(dirname(file), name), { force: true });
    }
  } catch {
    // A read-only or full disk only costs speed.
  }
}

function debug(env, text) {
  if (env.AFTERVIEW_DEBUG) process.stderr.write(`afterview: ${text}\n`);
}
