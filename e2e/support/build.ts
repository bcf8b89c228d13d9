/**
 * The e2e tests run the app as `npm start` does: the built CLI and the built web app. Build them
 * when missing or older than their sources, once, even when several test files ask at the same time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const ROOT = join(import.meta.dirname, '..', '..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path);
    newest = Math.max(newest, st.isDirectory() ? newestMtime(path) : st.mtimeMs);
  }
  return newest;
}

function isStale(): boolean {
  const outputs = ['dist/cli/cli.js', 'dist/web/index.html'].map((f) => join(ROOT, f));
  if (!outputs.every(existsSync)) return true;
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  return newestMtime(join(ROOT, 'src')) > built || newestMtime(join(ROOT, 'web')) > built;
}

export async function ensureBuilt(): Promise<void> {
  const lock = join(ROOT, 'dist', '.e2e-build-lock');
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  for (let i = 0; i < 600; i++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      await sleep(200);
    }
  }
  try {
    // vitest sets NODE_ENV=test, which would give Vite a development build of React.
    if (isStale()) {
      execFileSync('npm', ['run', '--silent', 'build'], {
        cwd: ROOT,
        stdio: 'inherit',
        env: { ...process.env, NODE_ENV: 'production' },
      });
    }
  } finally {
    rmdirSync(lock);
  }
}
