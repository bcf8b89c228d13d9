/**
 * The Node 20 fast start (bin/code-cache.cjs over dist/cli/fast-start.cjs; run `npm run build`
 * first): `afterview today` answers exactly what the ESM bundle answers, keeps its V8 code cache
 * only in the user's private cache folder, ignores a damaged or foreign cache and makes it again,
 * never uses a folder others can write to, and AFTERVIEW_NO_CODE_CACHE turns it off.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commandWord as binCommandWord, cacheHome, takesFastPath } from '../../bin/code-cache.cjs';
import { commandWord } from './commands/index';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'afterview.cjs');
const NOW = '2026-12-01T17:00:00Z';
// Node >= 22.1 has its own compile cache for ES modules; the fast start is Node 20's.
const node20 = !('enableCompileCache' in module);

let dir: string;
let home: string;
let temp: string;
let cache: string;
beforeAll(() => {
  expect(existsSync(join(root, 'dist', 'cli', 'fast-start.cjs')), 'run `npm run build` first').toBe(true);
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'afterview-fast-'));
  home = join(dir, 'home');
  temp = join(dir, 'tmp');
  cache = join(dir, 'cache');
  mkdirSync(home);
  mkdirSync(temp);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Run the built CLI with a home, a temp folder and a cache folder of its own. */
function afterview(args: string[], env: Record<string, string | undefined> = {}) {
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    AFTERVIEW_DATA: join(dir, 'data'),
    AFTERVIEW_NOW: NOW,
    AFTERVIEW_CACHE_DIR: cache,
    HOME: home,
    TMPDIR: temp,
    TZ: 'UTC',
  };
  for (const k of ['DATABASE_URL', 'AFTERVIEW_DEBUG', 'AFTERVIEW_NO_CODE_CACHE', 'XDG_CACHE_HOME'])
    delete base[k];
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: dir,
    env: { ...base, ...env },
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

/** Every file under `folder`, relative to it. */
function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(folder, join(e.parentPath, e.name)))
    .sort();
}

const cacheFiles = (folder = cache) =>
  filesUnder(join(folder, 'v8')).filter((f) => f.startsWith('fast-start-'));

/** A seeded account, and what the ESM bundle (no code cache) answers for it. */
function seeded() {
  afterview(['config', 'set', 'timezone', 'America/New_York']);
  afterview(['demo', '--scale', '4', '--seed', '3', '--json']);
  const off = { AFTERVIEW_NO_CODE_CACHE: '1' };
  return { json: afterview(['today', '--json'], off), text: afterview(['today'], off) };
}

describe('which commands take the fast start', () => {
  it("reads an argv's command word as the CLI does", () => {
    const argvs = [
      [],
      ['today'],
      ['--json', 'today'],
      ['--data', 'today', 'opportunities'],
      ['--now', '2026-12-01T10:00Z', 'today', '--json'],
      ['help', 'today'],
      ['help'],
      ['--', 'today'],
      ['--data=x', 'today'],
      ['done', 'today'],
    ];
    for (const argv of argvs) expect(binCommandWord(argv), argv.join(' ')).toBe(commandWord(argv));
    expect(takesFastPath(['--json', 'today'])).toBe(true);
    expect(takesFastPath(['--data', 'today', 'opportunities'])).toBe(false);
    expect(takesFastPath(['--help'])).toBe(true);
    expect(takesFastPath(['--json', '-h'])).toBe(true);
    expect(takesFastPath([])).toBe(false);
    expect(takesFastPath(['help'])).toBe(false);
    expect(takesFastPath(['opportunity', '--help'])).toBe(false);
  });

  it('keeps the cache in AFTERVIEW_CACHE_DIR, else under XDG_CACHE_HOME', () => {
    expect(cacheHome({ AFTERVIEW_CACHE_DIR: '/x/cache' })).toBe('/x/cache');
    if (process.platform === 'linux')
      expect(cacheHome({ XDG_CACHE_HOME: '/x/xdg' })).toBe('/x/xdg/afterview');
  });
});

// Each test runs the built CLI several times over; 60 s is a hang guard on a busy machine.
describe.runIf(node20)('the code cache of `afterview today` (Node 20)', { timeout: 60_000 }, () => {
  it('answers what the ESM bundle answers, and keeps an owner-only cache it then uses', () => {
    const expected = seeded();
    expect(cacheFiles()).toEqual([]);
    expect(afterview(['today', '--json'])).toBe(expected.json);
    const [file] = cacheFiles();
    expect(file).toMatch(/^fast-start-[0-9a-f]{16}-v\d+\.\d+\.\d+-\w+-today\.bin$/);
    const path = join(cache, 'v8', file ?? '');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(cache, 'v8')).mode & 0o777).toBe(0o700);
    const made = statSync(path);
    // Accepted: a cache V8 refused would be made again (a new file in its place).
    expect(afterview(['today', '--json'])).toBe(expected.json);
    expect(afterview(['today'])).toBe(expected.text);
    const after = statSync(path);
    expect([after.ino, after.mtimeMs]).toEqual([made.ino, made.mtimeMs]);
    expect(cacheFiles()).toEqual([file]);
  });

  it('answers as the ESM bundle on the paths that load zod from node_modules (saved playbook, verify)', () => {
    // The fast-start build leaves zod out (scripts/build-cli.mjs): these are the today paths that need it.
    seeded();
    const playbook = join(dir, 'playbook.json');
    writeFileSync(playbook, JSON.stringify({ thankYou: { withinHours: 12 } }));
    afterview(['config', 'set', 'playbook', playbook]);
    const off = { AFTERVIEW_NO_CODE_CACHE: '1' };
    const expected = afterview(['today', '--json'], off);
    expect(afterview(['config', 'show', '--json'], off)).toContain('"withinHours": 12');
    expect(afterview(['today', '--json'])).toBe(expected);
    expect(cacheFiles()).toHaveLength(1);
    expect(afterview(['today', '--json'])).toBe(expected);
    expect(afterview(['today', '--json'], { AFTERVIEW_VERIFY_PLAN: '1' })).toBe(expected);
  });

  it('ignores a damaged or foreign cache file, answers right and makes it again', () => {
    const expected = seeded();
    afterview(['today', '--json']);
    const [file] = cacheFiles();
    const path = join(cache, 'v8', file ?? '');
    const good = readFileSync(path);

    // Damaged inside, its header intact: V8 checks no checksum there unless asked (this crashed).
    const damaged = Buffer.from(good);
    for (let i = damaged.length - 4000; i < damaged.length - 3000; i++) damaged[i] = (damaged[i] ?? 0) ^ 0x5a;
    writeFileSync(path, damaged);
    expect(afterview(['today', '--json'])).toBe(expected.json);
    const remade = statSync(path);
    expect(readFileSync(path).equals(damaged)).toBe(false);
    // The one made again is accepted: the next run leaves it as it is.
    expect(afterview(['today'])).toBe(expected.text);
    expect([statSync(path).ino, statSync(path).mtimeMs]).toEqual([remade.ino, remade.mtimeMs]);

    // Foreign: not a cache at all, and one cut short.
    for (const foreign of [Buffer.from('#!/bin/sh\necho planted\n'), good.subarray(0, good.length >> 1)]) {
      writeFileSync(path, foreign);
      expect(afterview(['today', '--json'])).toBe(expected.json);
      expect(readFileSync(path).length).toBeGreaterThan(foreign.length);
    }
  });

  it('writes nothing outside the cache folder: not the temp folder, not the data folder, not home', () => {
    const expected = seeded();
    const before = { data: filesUnder(join(dir, 'data')), home: filesUnder(home), temp: filesUnder(temp) };
    expect(afterview(['today', '--json'])).toBe(expected.json);
    expect(afterview(['today', '--json'])).toBe(expected.json);
    expect(cacheFiles()).toHaveLength(1);
    expect(filesUnder(temp)).toEqual(before.temp);
    expect(filesUnder(home)).toEqual(before.home);
    expect(filesUnder(join(dir, 'data'))).toEqual(before.data);

    // Without AFTERVIEW_CACHE_DIR: the platform's cache folder (XDG on Linux), and nowhere else.
    if (process.platform !== 'linux') return;
    const xdg = join(dir, 'xdg');
    expect(afterview(['today', '--json'], { AFTERVIEW_CACHE_DIR: undefined, XDG_CACHE_HOME: xdg })).toBe(
      expected.json,
    );
    expect(cacheFiles(join(xdg, 'afterview'))).toHaveLength(1);
    expect(filesUnder(temp)).toEqual(before.temp);
    expect(filesUnder(home)).toEqual(before.home);
  });

  it('neither reads nor writes a cache folder others can write to', () => {
    const expected = seeded();
    mkdirSync(join(cache, 'v8'), { recursive: true });
    chmodSync(join(cache, 'v8'), 0o777);
    expect(afterview(['today', '--json'])).toBe(expected.json);
    expect(cacheFiles()).toEqual([]);
  });

  it('is off with AFTERVIEW_NO_CODE_CACHE, and `today --help` makes no cache', () => {
    const expected = seeded();
    expect(afterview(['today', '--json'], { AFTERVIEW_NO_CODE_CACHE: '1' })).toBe(expected.json);
    expect(afterview(['today', '--help'])).toContain('Usage: afterview today');
    expect(existsSync(join(cache, 'v8')) ? cacheFiles() : []).toEqual([]);
  });

  it("prints the program's help from a cache of its own, which leaves today's alone", () => {
    const expected = seeded();
    const help = afterview(['--help'], { AFTERVIEW_NO_CODE_CACHE: '1' });
    expect(help).toContain('Usage: afterview [options] [command]');
    expect(afterview(['today', '--json'])).toBe(expected.json);
    expect(afterview(['--help'])).toBe(help);
    const files = cacheFiles();
    expect(files.map((f) => f.replace(/^.*-/, ''))).toEqual(['help.bin', 'today.bin']);
    const today = statSync(join(cache, 'v8', files[1] ?? ''));
    expect(afterview(['--help'])).toBe(help);
    expect(afterview(['today', '--json'])).toBe(expected.json);
    const after = statSync(join(cache, 'v8', files[1] ?? ''));
    expect([after.ino, after.mtimeMs]).toEqual([today.ino, today.mtimeMs]);
  });
});
