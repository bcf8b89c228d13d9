import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY_FILE_NAME, loadSecretBox, parseSecretKey, secretBoxFromKey } from './secret-box';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'afterview-secrets-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('secret box', () => {
  it('seals with AES-256-GCM: the sealed text does not contain the password and opens back', () => {
    const box = secretBoxFromKey(Buffer.alloc(32, 7));
    const sealed = box.seal('hunter2-päss', 'smtp:acc1');
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('hunter2');
    expect(box.seal('hunter2-päss', 'smtp:acc1')).not.toBe(sealed); // fresh IV each time
    expect(box.open(sealed, 'smtp:acc1')).toBe('hunter2-päss');
  });

  it('refuses to open with another purpose or another key (tampering is detected)', () => {
    const box = secretBoxFromKey(Buffer.alloc(32, 7));
    const sealed = box.seal('pw', 'smtp:acc1');
    expect(() => box.open(sealed, 'smtp:acc2')).toThrow(/cannot be decrypted/);
    expect(() => secretBoxFromKey(Buffer.alloc(32, 8)).open(sealed, 'smtp:acc1')).toThrow(
      /cannot be decrypted/,
    );
  });

  it('creates the key file with 0600 permissions on first use only', () => {
    const dir = tempDir();
    const box = loadSecretBox({ dataDir: dir, env: {} });
    expect(() => statSync(join(dir, KEY_FILE_NAME))).toThrow(); // not yet used
    const sealed = box.seal('pw', 'imap:a');
    expect(statSync(join(dir, KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
    const key = readFileSync(join(dir, KEY_FILE_NAME), 'utf8');
    // A second process reading the same data dir gets the same key.
    expect(loadSecretBox({ dataDir: dir, env: {} }).open(sealed, 'imap:a')).toBe('pw');
    expect(readFileSync(join(dir, KEY_FILE_NAME), 'utf8')).toBe(key);
  });

  it('refuses a key file that other users can read', () => {
    const dir = tempDir();
    loadSecretBox({ dataDir: dir, env: {} }).seal('pw', 'x');
    chmodSync(join(dir, KEY_FILE_NAME), 0o644);
    expect(() => loadSecretBox({ dataDir: dir, env: {} }).seal('pw', 'x')).toThrow(/chmod 600/);
  });

  it('prefers AFTERVIEW_SECRET_KEY and writes no key file then', () => {
    const dir = tempDir();
    const hex = 'ab'.repeat(32);
    const sealed = loadSecretBox({ dataDir: dir, env: { AFTERVIEW_SECRET_KEY: hex } }).seal('pw', 'x');
    expect(() => statSync(join(dir, KEY_FILE_NAME))).toThrow();
    expect(secretBoxFromKey(Buffer.from(hex, 'hex')).open(sealed, 'x')).toBe('pw');
    expect(parseSecretKey(Buffer.alloc(32, 1).toString('base64'))).toEqual(Buffer.alloc(32, 1));
    expect(() => parseSecretKey('short')).toThrow(/32 bytes/);
  });
});
