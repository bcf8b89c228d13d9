/**
 * Files only their owner may read, written so a crash never leaves half of one. The data folder
 * holds contacts, notes and the key that unlocks mail passwords: other local users must not read
 * it whatever the umask, and a reader must see the old file or the new one, never a torn one.
 */
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Owner-only folder permissions. */
export const PRIVATE_DIR_MODE = 0o700;
/** Owner-only file permissions. */
export const PRIVATE_FILE_MODE = 0o600;

const onPosix = process.platform !== 'win32';

/** Create `dir` (and missing parents) owner-only; a folder that already exists is left as it is. */
export function ensurePrivateDir(dir: string): void {
  if (existsSync(dir)) return;
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  // mkdir's mode passes through the umask; chmod does not.
  if (onPosix) chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Make an existing file owner-only (a no-op where POSIX modes do not exist). */
export function makePrivate(path: string): void {
  if (onPosix && existsSync(path)) chmodSync(path, PRIVATE_FILE_MODE);
}

/**
 * Write `data` to `path` atomically with mode 0600: a temporary file beside it is written,
 * flushed to disk and renamed over `path`, and the folder is flushed so the rename survives a
 * power cut. On any failure the temporary file is removed and `path` is untouched.
 *
 * With `exclusive`, an existing `path` is kept and false returned (the file is published with a
 * hard link, which fails when the name exists, instead of a rename, which would replace it): two
 * processes creating the same key at once agree on one.
 *
 * `beforeRename` runs after the data is on disk (tests use it to simulate a crash there).
 */
export function writePrivateFileAtomic(
  path: string,
  data: string | Buffer,
  options: { exclusive?: boolean; beforeRename?: (tempPath: string) => void } = {},
): boolean {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', PRIVATE_FILE_MODE);
  let renamed = false;
  try {
    try {
      if (onPosix) chmodSync(temp, PRIVATE_FILE_MODE);
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let off = 0;
      while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    options.beforeRename?.(temp);
    if (options.exclusive) {
      try {
        linkSync(temp, path);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw err;
      }
      rmSync(temp, { force: true });
    } else {
      renameSync(temp, path);
    }
    renamed = true;
    syncDir(dir);
    return true;
  } finally {
    if (!renamed) rmSync(temp, { force: true });
  }
}

/** Flush a folder's entries (the rename) to disk; not every platform can open a folder. */
function syncDir(dir: string): void {
  if (!onPosix) return;
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Best effort: the file itself is already on disk.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
