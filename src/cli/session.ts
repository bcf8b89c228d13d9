/**
 * What every command needs: the store (opened and migrated), the local account, the clock
 * reading and the output mode, resolved once from the global options and the environment.
 */
import { join, resolve } from 'node:path';
import type { Locale } from '../core/drafts/locale';
import { AppError, invalid } from '../core/errors';
import { parseUserInstant, type Temporal } from '../core/time';
import { openStore, type Store } from '../db/connect';
import { localAccount } from '../features/accounts/account.service';
import type { Actor, ServiceContext } from '../features/context';
import { setPersistentHolidayCache } from '../features/holidays/holiday.service';
import { fileHolidayCache } from '../features/holidays/holiday-cache';
import { ensurePrivateDir } from '../features/private-files';
import { defaultDataDir } from './data-dir';
import type { CliIo } from './io';

export interface GlobalOptions {
  data?: string;
  now?: string;
  json?: boolean;
}

/** What a command needs of its session beyond the global options. */
export interface SessionOptions {
  /**
   * The command serves the web app: it stays open and answers requests side by side, so plain
   * reads get their own SQLite connection (connect.ts). A one-shot command does without it.
   */
  serves?: boolean;
}

export interface Session {
  ctx: ServiceContext;
  store: Store;
  dataDir: string;
  json: boolean;
  io: CliIo;
  /** The user's zone, for reading times typed without an offset and for printing. */
  timeZone: string;
  /** The user's English, for printing calendar dates ("Fri 18 Dec" or "Fri, Dec 18"). */
  locale: Locale;
  close(): Promise<void>;
}

export function resolveDataDir(opts: GlobalOptions, io: CliIo): string {
  return resolve(io.cwd, opts.data ?? io.env.AFTERVIEW_DATA ?? defaultDataDir(io.env));
}

/** The store URL: DATABASE_URL (hosted) or the SQLite file in the data dir. */
export function storeUrl(dataDir: string, env: Record<string, string | undefined>): string {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  // Owner-only whatever the umask: the folder holds contacts, notes and the mail-password key.
  ensurePrivateDir(dataDir);
  return `sqlite:${join(dataDir, 'afterview.db')}`;
}

export async function openSession(
  opts: GlobalOptions,
  io: CliIo,
  options: SessionOptions = {},
): Promise<Session> {
  const dataDir = resolveDataDir(opts, io);
  const store = await openStore(storeUrl(dataDir, io.env), { concurrentReads: options.serves === true });
  setPersistentHolidayCache(fileHolidayCache(join(dataDir, 'cache', 'holidays.json')));
  try {
    const provisional = readNow(opts, io, 'UTC');
    const account = await localAccount(store.db, provisional);
    const actor: Actor = { accountId: account.id, kind: 'local' };
    // A --now without an offset is wall-clock time in the user's zone, known only now.
    const now = readNow(opts, io, account.timeZone);
    return {
      ctx: { db: store.db, actor, now },
      store,
      dataDir,
      json: Boolean(opts.json),
      io,
      timeZone: account.timeZone,
      locale: account.locale,
      close: () => store.close(),
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}

function readNow(opts: GlobalOptions, io: CliIo, zone: string): Temporal.Instant {
  const text = opts.now ?? io.env.AFTERVIEW_NOW;
  if (!text) return parseUserInstant(new Date().toISOString(), 'UTC');
  try {
    return parseUserInstant(text, zone);
  } catch {
    throw invalid(
      `--now: "${text}" is not an ISO-8601 time such as 2026-12-08T10:00 or 2026-12-08T18:00Z.`,
      'now',
    );
  }
}

/** Run `fn` with an open session and always close it. */
export async function withSession<T>(
  opts: GlobalOptions,
  io: CliIo,
  fn: (s: Session) => Promise<T>,
  options: SessionOptions = {},
): Promise<T> {
  const session = await openSession(opts, io, options);
  try {
    return await fn(session);
  } finally {
    await session.close();
  }
}

export { AppError };
