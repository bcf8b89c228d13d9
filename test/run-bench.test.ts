import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

/** `npm run bench -- <args>` as npm runs it: the script with the words after `--`. */
const bench = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/run-bench.mjs', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    // A hang guard only: the whole hosted bench (what ran when flags were dropped) takes minutes.
    timeout: 60_000,
  });

it('passes the flags after the file filter on to the benchmark (hosted --help prints its own usage)', () => {
  // --help needs no build, and --seconds 50 is a flag's value, not a second file filter.
  const r = bench('hosted', '--seconds', '50', '--help');
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toContain('=== bench/hosted.bench.ts');
  expect(r.stdout).toContain('npm run bench -- hosted [flags]');
  expect(r.stdout).toContain('--max-connections N');
  // Only the hosted bench was chosen.
  expect(r.stdout.match(/^=== bench\//gm)).toHaveLength(1);
});

it('keeps --no-build for itself wherever it is, and words before the first flag pick files', () => {
  const r = bench('--no-build', 'hosted', '--help');
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).not.toContain('> npm run build');
  expect(r.stdout).toContain('npm run bench -- hosted [flags]');
  expect(r.stdout.match(/^=== bench\//gm)).toHaveLength(1);
});
