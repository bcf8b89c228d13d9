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
import { runOutboxLoop } from './outbox.worker';

export interface MailBackground {
  /** Stop both loops and wait for the current pass to end. */
  stop(): Promise<void>;
}

export function startMailBackground(options: {
  db: Db;
  dialect: Dialect;
  box: SecretBox;
  now: () => Temporal.Instant;
  /** Outbox pause when nothing is due. Default 5 s. */
  pollMs?: number;
  /** Between IMAP passes; 0 turns reply detection off. Default 5 min. */
  syncEveryMs?: number;
  onError?: (err: unknown) => void;
}): MailBackground {
  const stop = new AbortController();
  const onError = options.onError ?? (() => {});
  const outbox = runOutboxLoop({
    db: options.db,
    dialect: options.dialect,
    box: options.box,
    now: options.now,
    signal: stop.signal,
    pollMs: options.pollMs ?? 5000,
    onError,
  }).catch(onError);

  const syncEvery = options.syncEveryMs ?? 5 * 60_000;
  let syncing: Promise<void> = Promise.resolve();
  const timer =
    syncEvery > 0
      ? setInterval(() => {
          syncing = syncing.then(async () => {
            const accounts = await options.db
              .selectFrom('mail_account')
              .select('account_id')
              .where('imap_url', 'is not', null)
              .execute();
            for (const { account_id } of accounts) {
              if (stop.signal.aborted) return;
              await syncReplies(
                { db: options.db, actor: { accountId: account_id, kind: 'local' }, now: options.now() },
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
