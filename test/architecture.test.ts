/**
 * The arrows of STYLE.md, enforced: `core` imports nothing of ours outside core and no I/O,
 * database, HTTP or clock; `db` does not reach into features; features do not import the CLI or HTTP.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => (m[1] ?? m[2]) as string);
}

const FORBIDDEN_IN_CORE = [
  /^node:/,
  /^(fs|path|os|child_process|net|http|https|crypto)$/,
  /^kysely$/,
  /^better-sqlite3$/,
  /^pg$/,
  /^fastify/,
  /^nodemailer$/,
  /^imapflow$/,
  /^date-holidays$/,
  /^tesseract\.js/,
  /\.\.\/(db|features|cli|http)\b/,
];

const coreDir = join(root, 'src/core');

/** A relative import that resolves outside src/core (one core module may use another). */
function leavesCore(file: string, spec: string): boolean {
  if (!spec.startsWith('.')) return false;
  const target = relative(coreDir, resolve(dirname(file), spec));
  return target.startsWith('..');
}

describe('architecture', () => {
  it('keeps src/core pure: no I/O, database, server or outer-layer imports', () => {
    const offenders = sourceFiles(join(root, 'src/core')).flatMap((file) =>
      importsOf(file)
        .filter((spec) => FORBIDDEN_IN_CORE.some((re) => re.test(spec)) || leavesCore(file, spec))
        .map((spec) => `${relative(root, file)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps the clock out of src/core: now is always a parameter', () => {
    const offenders = sourceFiles(join(root, 'src/core')).filter((file) =>
      /\bDate\.now\(|new Date\(\)|Temporal\.Now\b/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it('keeps src/db and src/features free of the CLI and HTTP layers', () => {
    const offenders = [
      ...sourceFiles(join(root, 'src/db')),
      ...sourceFiles(join(root, 'src/features')),
    ].flatMap((file) =>
      importsOf(file)
        .filter((spec) => /\/(cli|http)\//.test(spec))
        .map((spec) => `${relative(root, file)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });
});
