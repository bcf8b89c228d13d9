/**
 * The mail work a long-running process does in the background (`afterview serve`): the outbox
 * worker loop, and an IMAP pass for every account with IMAP connected every few minutes. One
 * call to start, one to stop; failures are reported through `onError`, never thrown.
 */
import type { Temporal } from '../../core/time';
import type { Dialect } from '../../db/connect';
import type { Db } from '../../db/database';
import { countImapSyncError } from '../metrics/metrics';
import { syncReplies } from '../replies/replies.service';
import type { SecretBox } from '../secrets/secret-box';
import { accountsWithImap } from './background.repository';
import { runOutboxLoop } from './outbox.worker';
import type { OutboxWaker } from './waker';

export interface MailBackground {
  /** Stop both loops and wait for the current pass to end. */
  stop(): Promise<void>;
}

export function startMailBackground(options: {
  /** The cross-account handle (finding work). */
  db: Db;
  /** One account's handle (`Store.forAccount`); each account's work runs on it. Default `db`. */
  forAccount?: (accountId: string) => Db;
  dialect: Dialect;
  box: SecretBox;
  now: () => Temporal.Instant;
  /** Outbox pause when nothing is due. Default 5 s. */
  pollMs?: number;
  /** Between IMAP passes; 0 turns reply detection off. Default 5 min. */
  syncEveryMs?: number;
  onError?: (err: unknown) => void;
  /** Hosted mode: the server's own mails, sent through this SMTP server with this From. */
  systemMail?: { smtpUrl: string; from: string };
  /** Lets a request that queued mail start a pass at once. */
  waker?: OutboxWaker;
}): MailBackground {
  const stop = new AbortController();
  const dbFor = (accountId: string) => options.forAccount?.(accountId) ?? options.db;
  const onError = options.onError ?? (() => {});
  const outbox = runOutboxLoop({
    db: options.db,
    dialect: options.dialect,
    box: options.box,
    now: options.now,
    signal: stop.signal,
    ...(options.forAccount && { forAccount: options.forAccount }),
    pollMs: options.pollMs ?? 5000,
    onError,
    ...(options.systemMail && { systemMail: options.systemMail }),
    ...(options.waker && { waker: options.waker }),
  }).catch(onError);

  const syncEvery = options.syncEveryMs ?? 5 * 60_000;
  let syncing: Promise<void> = Promise.resolve();
  const timer =
    syncEvery > 0
      ? setInterval(() => {
          syncing = syncing.then(async () => {
            for (const accountId of await accountsWithImap(options.db)) {
              if (stop.signal.aborted) return;
              // Each account in its own scope (row-level security on PostgreSQL).
              await syncReplies(
                { db: dbFor(accountId), actor: { accountId, kind: 'local' }, now: options.now() },
                options.box,
              ).catch((err: unknown) => {
                countImapSyncError();
                onError(err);
              });
            }
          }, onError);
        }, syncEvery)
      : undefined;
  timer?.unref();

  return {
    stop: async () => {
      stop.abort();
      if (timer) clearInterval(timer);
      await Promise.all([outbox, syncing]);
    },
  };
}
