/**
 * The key file that unlocks stored mail passwords is never empty or half-written: it is written
 * beside its place, flushed, then linked in. A process killed mid-write leaves no key (or the old
 * one), and an empty key file found on disk is refused with a sentence instead of being used.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writePrivateFileAtomic } from '../private-files';
import { KEY_FILE_NAME, loadOrCreateKeyFile } from './secret-box';

const root = join(import.meta.dirname, '..', '..', '..');
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'afterview-keyfile-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Run writePrivateFileAtomic in a child process that is killed (SIGKILL) just before the rename. */
function crashWhileWriting(path: string, data: string, exclusive: boolean) {
  const script = `
    import { writePrivateFileAtomic } from ${JSON.stringify(join(root, 'src/features/private-files.ts'))};
    writePrivateFileAtomic(${JSON.stringify(path)}, ${JSON.stringify(data)}, {
      exclusive: ${exclusive},
      beforeRename: () => process.kill(process.pid, 'SIGKILL'),
    });`;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
  });
}

describe('the secret key file', () => {
  it('a process killed while creating the key leaves no key file, and the next start makes a whole one', () => {
    const dir = tempDir();
    const path = join(dir, KEY_FILE_NAME);
    const r = crashWhileWriting(path, `${Buffer.alloc(32, 1).toString('base64')}\n`, true);
    expect(r.signal).toBe('SIGKILL');
    expect(existsSync(path)).toBe(false);
    const key = loadOrCreateKeyFile(dir);
    expect(key).toHaveLength(32);
    expect(readFileSync(path, 'utf8').trim()).toBe(key.toString('base64'));
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('a process killed while replacing a file leaves the old content, never an empty file', () => {
    const dir = tempDir();
    const path = join(dir, 'check-in.liquid');
    writePrivateFileAtomic(path, 'old template');
    const r = crashWhileWriting(path, 'new template', false);
    expect(r.signal).toBe('SIGKILL');
    expect(readFileSync(path, 'utf8')).toBe('old template');
  });

  it('a failed write removes its temporary file and keeps the old one', () => {
    const dir = tempDir();
    const path = join(dir, 'thank-you.liquid');
    writePrivateFileAtomic(path, 'old');
    expect(() =>
      writePrivateFileAtomic(path, 'new', {
        beforeRename: () => {
          throw new Error('disk full');
        },
      }),
    ).toThrow('disk full');
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['thank-you.liquid']);
  });

  it('two creators agree on one key: the second keeps the first one’s file', () => {
    const dir = tempDir();
    const path = join(dir, KEY_FILE_NAME);
    expect(writePrivateFileAtomic(path, 'first\n', { exclusive: true })).toBe(true);
    expect(writePrivateFileAtomic(path, 'second\n', { exclusive: true })).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('first\n');
    expect(readdirSync(dir)).toEqual([KEY_FILE_NAME]);
  });

  it('refuses an existing empty key file with a sentence instead of using or replacing it', () => {
    const dir = tempDir();
    const path = join(dir, KEY_FILE_NAME);
    writeFileSync(path, '', { mode: 0o600 });
    expect(() => loadOrCreateKeyFile(dir)).toThrow(
      `The secret key file ${path} is empty, so stored mail passwords cannot be read`,
    );
    expect(readFileSync(path, 'utf8')).toBe('');
    writeFileSync(path, 'c2hvcnQ=\n', { mode: 0o600 });
    expect(() => loadOrCreateKeyFile(dir)).toThrow(/is damaged \(not a 32-byte key\)/);
  });
});
