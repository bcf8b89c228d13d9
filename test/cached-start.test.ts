/**
 * bin/cached-start.js: the everyday read commands start from a CommonJS build through a V8 code
 * cache (Node 20 has no module compile cache), with the regular ESM bundle for everything else.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module of the installed command, without type declarations
import { cacheDir, commandOf, startCached } from '../bin/cached-start.js';

const root = resolve(import.meta.dirname, '..');
const loader = join(root, 'bin', 'cached-start.js');
const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'afterview-cache-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Run startCached in a fresh process (the cache is written at process exit). */
function runLoader(cjs: string, argv: string[], env: Record<string, string>) {
  const code = `import(${JSON.stringify(`file://${loader}`)}).then((m) => m.startCached(${JSON.stringify(cjs)}, ${JSON.stringify(argv)}, process.env)).then((c) => { process.exitCode = c === null ? 99 : c; })`;
  return spawnSync(process.execPath, ['-e', code], { env: { ...process.env, ...env }, encoding: 'utf8' });
}

describe('cached start of the CLI', () => {
  it('finds the command word after the global options', () => {
    expect(commandOf(['--data', 'd', '--now', '2026-12-01T10:00', 'today', '--json'])).toBe('today');
    expect(commandOf(['--json', 'people'])).toBe('people');
    expect(commandOf(['--help'])).toBe('help');
    expect(commandOf([])).toBe('help');
  });

  it('keeps the cache in the user’s own cache folder', () => {
    expect(cacheDir({ AFTERVIEW_CACHE_DIR: '/x' })).toBe('/x');
    expect(cacheDir({ XDG_CACHE_HOME: '/home/u/.cache' }, 'linux')).toBe('/home/u/.cache/afterview');
    expect(cacheDir({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32')).toMatch(
      /Afterview[\\/]Cache$/,
    );
  });

  it('declines other commands, a missing build and the opt-out, so the ESM bundle runs', async () => {
    const dir = temp();
    expect(await startCached(join(dir, 'cli.cjs'), ['serve'], {})).toBe(null);
    expect(await startCached(join(dir, 'cli.cjs'), ['check', 'note.txt'], {})).toBe(null);
    expect(await startCached(join(dir, 'cli.cjs'), ['today'], { AFTERVIEW_CACHE_DIR: dir })).toBe(null);
    writeFileSync(join(dir, 'cli.cjs'), 'exports.start = async () => 5;');
    expect(await startCached(join(dir, 'cli.cjs'), ['today'], { AFTERVIEW_NO_CODE_CACHE: '1' })).toBe(null);
  });

  it('creates the cache on the first run and uses it on the next, with the same result', () => {
    const dir = temp();
    const cjs = join(dir, 'cli.cjs');
    writeFileSync(
      cjs,
      'exports.start = async (argv) => { process.stdout.write(JSON.stringify({ argv, url: __afterviewImportMetaUrl, file: __filename })); return 7; };',
    );
    const env = { AFTERVIEW_CACHE_DIR: join(dir, 'cache'), AFTERVIEW_DEBUG: '1' };
    const first = runLoader(cjs, ['--json', 'today'], env);
    expect(first.status).toBe(7);
    expect(JSON.parse(first.stdout)).toEqual({ argv: ['--json', 'today'], url: `file://${cjs}`, file: cjs });
    expect(first.stderr).toMatch(/code cache created/);
    const v8dir = join(dir, 'cache', 'v8');
    const files = readdirSync(v8dir).sort();
    expect(files).toEqual([
      expect.stringMatching(/^cli-[0-9a-f]{16}\.bin$/),
      expect.stringMatching(/^cli-[0-9a-f]{16}\.bin\.commands$/),
    ]);
    expect(statSync(join(v8dir, files[0] as string)).mode & 0o777).toBe(0o600);
    const second = runLoader(cjs, ['--json', 'today'], env);
    expect([second.status, second.stdout]).toEqual([7, first.stdout]);
    expect(second.stderr).toMatch(/code cache used/);
    // Another command adds itself to the same cache; a rebuilt bundle replaces the old cache.
    expect(runLoader(cjs, ['people'], env).status).toBe(7);
    expect(readFileSync(join(v8dir, files[1] as string), 'utf8')).toBe('today\npeople\n');
    writeFileSync(cjs, 'exports.start = async () => 8;');
    expect(runLoader(cjs, ['today'], env).status).toBe(8);
    expect(readdirSync(v8dir).filter((f) => f.endsWith('.bin'))).toHaveLength(1);
    expect(readdirSync(v8dir)).not.toContain(files[0]);
  });

  it('gives the built CLI the same answer on the cached and the regular path', () => {
    const bin = join(root, 'bin', 'afterview.js');
    expect(existsSync(join(root, 'dist', 'cli', 'cli.cjs')), 'run `npm run build` first').toBe(true);
    const data = temp();
    const env = {
      ...process.env,
      AFTERVIEW_DATA: data,
      AFTERVIEW_NOW: '2026-11-26T09:00:00Z',
      AFTERVIEW_CACHE_DIR: join(data, 'cache'),
    };
    const run = (args: string[], extra: Record<string, string> = {}) =>
      spawnSync(process.execPath, [bin, ...args], { env: { ...env, ...extra }, encoding: 'utf8' });
    expect(run(['demo', '--scale', '4']).status).toBe(0);
    const regular = run(['today', '--json'], { AFTERVIEW_NO_CODE_CACHE: '1' });
    const first = run(['today', '--json']);
    const cached = run(['today', '--json']);
    expect(regular.status).toBe(0);
    expect(JSON.parse(regular.stdout).actions.length).toBeGreaterThan(0);
    expect([first.stdout, cached.stdout]).toEqual([regular.stdout, regular.stdout]);
    expect(readdirSync(join(data, 'cache', 'v8'))).toHaveLength(2);
    const bad = run(['people', '--now', 'yesterday']);
    expect([bad.status, bad.stderr]).toEqual([
      2,
      expect.stringMatching(/^afterview: --now: "yesterday" is not an ISO-8601 time/),
    ]);
  });
});
