/**
 * Encryption at rest for mail passwords: AES-256-GCM with a key kept outside the database, from
 * `AFTERVIEW_SECRET_KEY` (32 bytes, base64 or hex) or a key file with 0600 permissions in the
 * data dir, created on first use. A stolen database file (or export) alone reveals nothing.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../core/errors';
import { ensurePrivateDir, writePrivateFileAtomic } from '../private-files';

/** Seals and opens secrets; `purpose` (e.g. `smtp:<accountId>`) is bound in, so a sealed value cannot be moved. */
export interface SecretBox {
  seal(plain: string, purpose: string): string;
  open(sealed: string, purpose: string): string;
}

export const KEY_FILE_NAME = 'secret.key';
const VERSION = 'v1';

/** A box over a known 32-byte key. */
export function secretBoxFromKey(key: Buffer): SecretBox {
  if (key.length !== 32) throw new AppError('invalid-input', 'The secret key must be 32 bytes.');
  return {
    seal(plain, purpose) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(purpose, 'utf8'));
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv.toString('base64url'), tag.toString('base64url'), ct.toString('base64url')].join(
        '.',
      );
    },
    open(sealed, purpose) {
      const [version, iv, tag, ct] = sealed.split('.');
      if (version !== VERSION || iv === undefined || tag === undefined || ct === undefined) {
        throw new AppError('invalid-input', 'A stored password is not in a format this Afterview can read.');
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(purpose, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString(
          'utf8',
        );
      } catch {
        throw new AppError(
          'unavailable',
          'A stored mail password cannot be decrypted with this secret key (was the key file or AFTERVIEW_SECRET_KEY changed?); set the mail URL again.',
        );
      }
    },
  };
}

/** Read `AFTERVIEW_SECRET_KEY`: 32 bytes as 64 hex digits or base64. */
export function parseSecretKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32) {
    throw new AppError('invalid-input', 'AFTERVIEW_SECRET_KEY must be 32 bytes, as 64 hex digits or base64.');
  }
  return key;
}

/**
 * The key file in `dataDir`, created with 0600 permissions when missing. It is written to a
 * temporary file, flushed and then linked into place, so a crash leaves the key whole or absent,
 * never empty, and two processes starting at once agree on one key. Refuses a key file other
 * users can read, as ssh does, and an empty or damaged one, rather than silently replacing it
 * (that would lose every stored password).
 */
export function loadOrCreateKeyFile(dataDir: string): Buffer {
  const path = join(dataDir, KEY_FILE_NAME);
  if (!existsSync(path)) {
    ensurePrivateDir(dataDir);
    writePrivateFileAtomic(path, `${randomBytes(32).toString('base64')}\n`, { exclusive: true });
  }
  const mode = statSync(path).mode & 0o777;
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new AppError(
      'forbidden',
      `The secret key file ${path} is readable by other users (mode ${mode.toString(8)}); run: chmod 600 ${path}`,
    );
  }
  const text = readFileSync(path, 'utf8').trim();
  if (text === '') {
    throw new AppError(
      'conflict',
      `The secret key file ${path} is empty, so stored mail passwords cannot be read; if you have not saved a mail password with it, delete the file and Afterview makes a new one, then set the mail URLs again.`,
    );
  }
  const key = Buffer.from(text, 'base64');
  if (key.length !== 32) {
    throw new AppError(
      'conflict',
      `The secret key file ${path} is damaged (not a 32-byte key); restore it from a copy, or delete it and set the mail URLs again.`,
    );
  }
  return key;
}

/**
 * The box for this installation: `AFTERVIEW_SECRET_KEY` when set, else the data dir's key file.
 * The key is read (or created) on first use, so commands that never touch a password never
 * create a key file.
 */
export function loadSecretBox(options: {
  dataDir: string;
  env: Record<string, string | undefined>;
}): SecretBox {
  let box: SecretBox | undefined;
  const get = (): SecretBox => {
    if (!box) {
      const fromEnv = options.env.AFTERVIEW_SECRET_KEY;
      box = secretBoxFromKey(fromEnv ? parseSecretKey(fromEnv) : loadOrCreateKeyFile(options.dataDir));
    }
    return box;
  };
  return {
    seal: (plain, purpose) => get().seal(plain, purpose),
    open: (sealed, purpose) => get().open(sealed, purpose),
  };
}
