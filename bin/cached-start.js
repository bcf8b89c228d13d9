// Fast start for the everyday read commands on Node versions without a built-in compile cache
// (Node 20): run the CommonJS build of the CLI (dist/cli/cli.cjs) through V8 with a code cache
// kept in the user's cache folder, so most of the bundle is neither parsed nor compiled again on
// the next run. Everything else, and any trouble here, goes through the regular ESM bundle.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

/**
 * Commands that take the cached path: frequent, read-mostly, and whose code never needs an
 * ES-module-only package (the CommonJS build loads external packages with require()).
 */
export const CACHED_COMMANDS = new Set([
  'help',
  'today',
  'opportunities',
  'people',
  'interviews',
  'opportunity',
  'interview',
  'debrief',
  'outcome',
  'done',
  'dismiss',
  'snooze',
]);

/** The command word of an argv (after global options); `help` when there is none. */
export function commandOf(argv) {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--data' || a === '--now') i++;
    else if (!a.startsWith('-')) return a;
  }
  return 'help';
}

/** The user's private cache folder for Afterview (never a shared temp dir: a cache is code). */
export function cacheDir(env, platform = process.platform) {
  if (env.AFTERVIEW_CACHE_DIR) return env.AFTERVIEW_CACHE_DIR;
  if (platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'Afterview');
  if (platform === 'win32')
    return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'Afterview', 'Cache');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'afterview');
}

/**
 * Start the CLI from `cjsPath` with a V8 code cache. Resolves to `null` when the cached path does
 * not apply (wrong command, no CommonJS build, disabled), so the caller starts the ESM bundle;
 * otherwise to the CLI's exit code.
 */
export async function startCached(cjsPath, argv, env) {
  const command = commandOf(argv);
  if (env.AFTERVIEW_NO_CODE_CACHE || !CACHED_COMMANDS.has(command)) return null;
  let start;
  let script;
  let cacheFile;
  let cachedData;
  let covered = new Set();
  try {
    const info = statSync(cjsPath);
    // The key changes with the bundle and the runtime: V8 rejects a cache made by another build
    // or version anyway; a new name avoids even reading it.
    const key = createHash('sha256')
      .update(`${info.size}:${info.mtimeMs}:${process.version}:${process.arch}:${cjsPath}`)
      .digest('hex')
      .slice(0, 16);
    // One cache for all the commands: each run compiles what its command needs on top of what
    // the cache holds, and a command not yet covered writes the larger cache back at exit.
    cacheFile = join(cacheDir(env), 'v8', `cli-${key}.bin`);
    try {
      cachedData = readFileSync(cacheFile);
      covered = new Set(readFileSync(`${cacheFile}.commands`, 'utf8').split('\n').filter(Boolean));
    } catch {
      cachedData = undefined;
    }
    const source = readFileSync(cjsPath, 'utf8');
    // The CommonJS wrapper, plus the module's own URL for the code that asks `import.meta.url`.
    const wrapped = `(function (exports, require, module, __filename, __dirname, __afterviewImportMetaUrl) {${source}\n})`;
    script = new vm.Script(wrapped, { filename: cjsPath, cachedData });
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
    if (typeof start !== 'function') return null;
  } catch (err) {
    if (env.AFTERVIEW_DEBUG) process.stderr.write(`afterview: code cache path unavailable: ${err}\n`);
    return null;
  }
  if (!cachedData || script.cachedDataRejected || !covered.has(command)) {
    // Made at exit, so the cache also holds every function this command compiled while running.
    const commands = script.cachedDataRejected ? new Set([command]) : new Set([...covered, command]);
    process.once('exit', () => writeCache(cacheFile, script, commands));
  }
  if (env.AFTERVIEW_DEBUG) {
    process.stderr.write(
      `afterview: code cache ${cachedData ? (script.cachedDataRejected ? 'rejected' : 'used') : 'created'}: ${cacheFile}\n`,
    );
  }
  return start(argv);
}

function writeCache(file, script, commands) {
  try {
    const dir = dirname(file);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
    renameSync(tmp, file);
    writeFileSync(`${file}.commands`, `${[...commands].join('\n')}\n`, { mode: 0o600 });
    // Caches of earlier builds or runtimes will never be read again.
    const own = file.slice(dir.length + 1);
    for (const name of readdirSync(dir)) {
      if (name.startsWith('cli-') && !name.startsWith(own)) rmSync(join(dir, name), { force: true });
    }
  } catch {
    // A read-only home only costs speed.
  }
}
