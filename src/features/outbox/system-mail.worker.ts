/**
 * Sends the server's own mails (system_mail rows) through AFTERVIEW_SYSTEM_SMTP_URL, each at most
 * once: claim one row with a lease, send, record. A temporary failure (4xx, a connection lost
 * before the data was handed over) is retried with the outbox's backoff and given up after its
 * last attempt with the reason kept; a 5xx fails at once; a send whose answer was lost after the
 * data went out becomes `uncertain` and is never resent. Runs inside the outbox loop.
 */
import { type AttemptStatus, afterAttempt } from '../../core/mail/backoff';
import { classifySendFailure, type SendOutcome } from '../../core/mail/smtp-outcome';
import { formatInstant, type Temporal } from '../../core/time';
import type { Dialect } from '../../db/connect';
import type { Db } from '../../db/database';
import type { SystemMailRow } from '../../db/tables/system-mail.table';
import { errorFacts } from '../mail/connection-test';
import { type MailServer, parseMailUrl, serverLabel } from '../mail/mail-url';
import { openSmtpSession, SmtpSendError, type SmtpSession } from '../mail/smtp-session';
import { buildRawMessage } from './compose';
import {
  claimSystemMail,
  expireSystemMailLeases,
  finishSystemMail,
  releaseSystemMail,
  systemMailWork,
} from './system-mail.repository';
import type { OutboxWaker } from './waker';

export interface SystemMailConfig {
  /** Cross-account handle: finding and claiming due mail (one row per claim). */
  db: Db;
  /** The account's own handle for recording an outcome (its RLS scope on PostgreSQL). */
  forAccount?: (accountId: string) => Db;
  dialect: Dialect;
  /** AFTERVIEW_SYSTEM_SMTP_URL. */
  smtpUrl: string;
  /** The From header, e.g. `Afterview <no-reply@afterview.example.org>`. */
  from: string;
  now: () => Temporal.Instant;
  /** Default 300 s, as for the message outbox. */
  leaseSeconds?: number;
  /** Stopping: no new claim; a send already started finishes and is recorded. */
  signal?: AbortSignal;
}

export interface SystemMailReport {
  sent: number;
  retried: number;
  failed: number;
  uncertain: number;
  expired: number;
}

const EXPIRED_REASON =
  'The worker stopped while sending this mail; the mail server may or may not have accepted it.';

/** `Name <address>` or a bare address. */
export function parseFrom(from: string): { name: string | null; address: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  if (m?.[2]) return { name: m[1]?.trim() || null, address: m[2].trim() };
  return { name: null, address: from.trim() };
}

/** One pass: expire dead claims, then send every due system mail, one claim at a time. */
export async function runSystemMailOnce(cfg: SystemMailConfig): Promise<SystemMailReport> {
  const report: SystemMailReport = { sent: 0, retried: 0, failed: 0, uncertain: 0, expired: 0 };
  // Read first: an idle pass writes nothing (and takes no SQLite write lock).
  const work = await systemMailWork(cfg.db, formatInstant(cfg.now()));
  if (work.expired) {
    report.expired = await expireSystemMailLeases(cfg.db, formatInstant(cfg.now()), EXPIRED_REASON);
    report.uncertain += report.expired;
  }
  if (!work.due) return report;
  const server = parseMailUrl(cfg.smtpUrl, 'smtp');
  let session: SmtpSession | null = null;
  try {
    for (;;) {
      if (cfg.signal?.aborted) break;
      const now = cfg.now();
      const row = await claimSystemMail(cfg.db, cfg.dialect, {
        now: formatInstant(now),
        leaseUntil: formatInstant(
          now
            .add({ seconds: cfg.leaseSeconds ?? 300 })
            .round({ smallestUnit: 'second', roundingMode: 'ceil' }),
        ),
      });
      if (!row) break;
      if (cfg.signal?.aborted) {
        await releaseSystemMail(cfg.forAccount?.(row.account_id) ?? cfg.db, row, formatInstant(cfg.now()));
        break;
      }
      let outcome: SendOutcome | { outcome: 'sent'; reason: null };
      try {
        if (!session?.usable()) {
          session?.close();
          session = await openSmtpSession(server);
        }
        outcome = await sendOne(cfg, session, server, row);
      } catch (err) {
        // Connecting or signing in failed: nothing was handed over.
        outcome = classifySendFailure(errorFacts(err), false, serverLabel(server));
        session?.close();
        session = null;
      }
      const status = await record(cfg, row, outcome);
      report[status === 'sent' ? 'sent' : status === 'scheduled' ? 'retried' : status] += 1;
    }
  } finally {
    session?.close();
  }
  return report;
}

async function sendOne(
  cfg: SystemMailConfig,
  session: SmtpSession,
  server: MailServer,
  row: SystemMailRow,
): Promise<SendOutcome | { outcome: 'sent'; reason: null }> {
  const from = parseFrom(cfg.from);
  const raw = await buildRawMessage({
    from,
    to: [{ name: '', address: row.to_address }],
    subject: row.subject,
    body: row.body,
    signature: null,
    messageId: row.rfc_message_id,
    date: new Date(cfg.now().epochMilliseconds),
  });
  try {
    await session.send({ from: from.address, to: [row.to_address] }, raw);
    return { outcome: 'sent', reason: null };
  } catch (err) {
    const handedOver = err instanceof SmtpSendError && err.handedOver;
    const cause = err instanceof SmtpSendError ? err.cause : err;
    return classifySendFailure(errorFacts(cause), handedOver, serverLabel(server));
  }
}

async function record(
  cfg: SystemMailConfig,
  row: SystemMailRow,
  result: SendOutcome | { outcome: 'sent'; reason: null },
): Promise<AttemptStatus> {
  const patch = afterAttempt(result, row.attempts, cfg.now());
  await finishSystemMail(cfg.forAccount?.(row.account_id) ?? cfg.db, row, patch);
  return patch.status;
}

/**
 * Only the system mails, until `signal` aborts (tests, and a host that wants them in their own
 * loop): a pass, then a pause of `pollMs` that a `waker` cuts short.
 */
export async function runSystemMailLoop(
  cfg: SystemMailConfig & {
    signal: AbortSignal;
    waker: OutboxWaker;
    pollMs?: number;
    onError?: (err: unknown) => void;
  },
): Promise<void> {
  while (!cfg.signal.aborted) {
    await runSystemMailOnce(cfg).catch((err: unknown) => cfg.onError?.(err));
    await cfg.waker.pause(cfg.pollMs ?? 5000, cfg.signal);
  }
}
