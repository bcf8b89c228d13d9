/**
 * The outbox worker: claims due messages with a lease, sends each once through the account's
 * SMTP server, and records what happened. Temporary failures (4xx, a connection lost before the
 * message was handed over) are retried with backoff; permanent ones (5xx) fail with the
 * server's reason; a message whose fate cannot be known becomes `uncertain`, never resent.
 * Runs inside `afterview serve` and as `afterview worker`; any number may run at once.
 */
import { randomBytes } from 'node:crypto';
import { afterAttempt } from '../../core/mail/backoff';
import { classifySendFailure, type SendOutcome } from '../../core/mail/smtp-outcome';
import { formatInstant, type Temporal } from '../../core/time';
import type { Dialect } from '../../db/connect';
import type { Db } from '../../db/database';
import { newId } from '../../db/ids';
import type { MessageRow } from '../../db/tables/message.table';
import type { ServiceContext } from '../context';
import { recordEvent } from '../events/event.service';
import { errorFacts } from '../mail/connection-test';
import { loadSmtpAccount, type SmtpAccount } from '../mail/mail.service';
import { serverLabel } from '../mail/mail-url';
import { openSmtpSession, SmtpSendError, type SmtpSession } from '../mail/smtp-session';
import { countSend } from '../metrics/metrics';
import type { SecretBox } from '../secrets/secret-box';
import { buildRawMessage } from './compose';
import {
  accountsWithEndedLeases,
  claimDue,
  expireLeases,
  finishAttempt,
  finishAttemptWithEvent,
  listRecipients,
  outboxWork,
  releaseClaims,
} from './outbox.repository';
import { resolveUncertainFromSent } from './sent-folder';
import { runSystemMailOnce } from './system-mail.worker';
import type { OutboxWaker } from './waker';

export interface WorkerConfig {
  /** The cross-account handle: finding due mail and ended leases, across every account. */
  db: Db;
  /**
   * A handle scoped to one account (`Store.forAccount`): on PostgreSQL each account's claim,
   * send and record run under its row-level security scope, never two accounts in one
   * transaction. Default: `db` (SQLite has one local user and no policies).
   */
  forAccount?: (accountId: string) => Db;
  dialect: Dialect;
  box: SecretBox;
  /** The clock, read before each step (tests and `--now` pass a fixed one). */
  now: () => Temporal.Instant;
  /** How long a claim holds; a worker found `sending` after it is presumed dead. Default 300 s. */
  leaseSeconds?: number;
  /**
   * Messages claimed per statement. Default 1: a claim covers only the message about to be sent,
   * so a worker killed mid-send leaves at most that one message uncertain. Larger batches save
   * a statement per message at the price of more uncertain messages after a crash.
   */
  batchSize?: number;
  /** Only this account's messages. */
  accountId?: string;
  /** Only this message (send now). */
  messageId?: string;
  /** Called after each message's outcome is stored (for progress output). */
  onOutcome?: (o: DeliveryOutcome) => void;
  /**
   * The process is stopping: no new claim is made, a send already started finishes and is
   * recorded, and claimed messages not yet started are handed back (see `releaseClaims`).
   */
  signal?: AbortSignal;
}

export interface DeliveryOutcome {
  accountId: string;
  messageId: string;
  status: 'sent' | 'scheduled' | 'failed' | 'uncertain';
  reason: string | null;
}

export interface WorkerReport {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  uncertain: number;
  /** Found `sending` with an ended lease: their worker died mid-send. */
  expired: number;
  /** Uncertain messages found in the IMAP Sent folder and marked sent. */
  resolved: number;
  /** Claimed, not started when the process was asked to stop, and handed back as `scheduled`. */
  released: number;
}

const emptyReport = (): WorkerReport => ({
  claimed: 0,
  sent: 0,
  retried: 0,
  failed: 0,
  uncertain: 0,
  expired: 0,
  resolved: 0,
  released: 0,
});

const EXPIRED_REASON =
  'The worker stopped while sending this message; the mail server may or may not have accepted it.';

/** Per run: one SMTP account and one open session per Afterview account. */
class Connections {
  private readonly accounts = new Map<string, SmtpAccount | null>();
  private readonly sessions = new Map<string, SmtpSession>();
  constructor(private readonly cfg: WorkerConfig) {}

  async account(accountId: string): Promise<SmtpAccount | null> {
    if (!this.accounts.has(accountId))
      this.accounts.set(
        accountId,
        await loadSmtpAccount(dbFor(this.cfg, accountId), accountId, this.cfg.box),
      );
    return this.accounts.get(accountId) ?? null;
  }

  /** The open session, or a new one: a session that failed is not reused. */
  async session(accountId: string, account: SmtpAccount): Promise<SmtpSession> {
    const open = this.sessions.get(accountId);
    if (open?.usable()) return open;
    open?.close();
    this.sessions.delete(accountId);
    const fresh = await openSmtpSession(account.server);
    this.sessions.set(accountId, fresh);
    return fresh;
  }

  close(): void {
    for (const s of this.sessions.values()) s.close();
    this.sessions.clear();
  }
}

/** The account's own handle (its RLS scope on PostgreSQL). */
const dbFor = (cfg: WorkerConfig, accountId: string): Db => cfg.forAccount?.(accountId) ?? cfg.db;

const contextFor = (cfg: WorkerConfig, accountId: string): ServiceContext => ({
  db: dbFor(cfg, accountId),
  actor: { accountId, kind: 'local' },
  now: cfg.now(),
});

/**
 * One pass: turn dead claims into `uncertain` (resolving them from the Sent folder when IMAP is
 * connected), then send everything due, batch by batch, until nothing is due.
 */
export async function runOutboxOnce(cfg: WorkerConfig): Promise<WorkerReport> {
  const report = emptyReport();
  // Read first: an idle pass (the usual case) writes nothing, so it never waits for nor takes
  // SQLite's write lock.
  const work = await outboxWork(cfg.db, {
    now: formatInstant(cfg.now()),
    ...(cfg.accountId ? { accountId: cfg.accountId } : {}),
    ...(cfg.messageId ? { messageId: cfg.messageId } : {}),
  });
  if (work.expired) await expireDeadClaims(cfg, report);
  if (!work.due) return report;
  const connections = new Connections(cfg);
  // Where the round-robin over accounts stands: each claim starts after the last account served.
  let afterAccount: string | undefined;
  try {
    for (;;) {
      if (cfg.signal?.aborted) break;
      const now = cfg.now();
      const rows = await claimDue(cfg.db, cfg.dialect, {
        now: formatInstant(now),
        // Stored at second precision: round up, so a lease never ends before it should.
        leaseUntil: formatInstant(
          now
            .add({ seconds: cfg.leaseSeconds ?? 300 })
            .round({ smallestUnit: 'second', roundingMode: 'ceil' }),
        ),
        limit: cfg.messageId ? 1 : (cfg.batchSize ?? 1),
        ...(cfg.accountId ? { accountId: cfg.accountId } : {}),
        ...(cfg.messageId ? { messageId: cfg.messageId } : {}),
        ...(afterAccount ? { afterAccount } : {}),
        ...(cfg.forAccount ? { scoped: cfg.forAccount } : {}),
      });
      if (rows.length === 0) break;
      afterAccount = rows.at(-1)?.account_id;
      report.claimed += rows.length;
      for (const [i, row] of rows.entries()) {
        if (cfg.signal?.aborted) {
          // Stopping: hand back what has not started, so another worker sends it at once
          // instead of after the lease (it would otherwise become `uncertain` then).
          for (const left of rows.slice(i))
            report.released += await releaseClaims(
              dbFor(cfg, left.account_id),
              [left],
              formatInstant(cfg.now()),
            );
          break;
        }
        const outcome = await deliver(cfg, connections, row);
        if (outcome.status === 'sent') report.sent += 1;
        else if (outcome.status === 'scheduled') report.retried += 1;
        else if (outcome.status === 'failed') report.failed += 1;
        else report.uncertain += 1;
        cfg.onOutcome?.(outcome);
      }
      if (cfg.messageId) break;
    }
  } finally {
    connections.close();
  }
  return report;
}

/**
 * Run until `signal` aborts: a pass, then a pause of `pollMs` when nothing was due (cut short by
 * `waker`). A failing pass (database briefly unreachable) is reported and retried after the
 * pause, not fatal. With `systemMail`, each pass also sends the server's own due mails.
 */
export async function runOutboxLoop(
  cfg: WorkerConfig & {
    signal: AbortSignal;
    pollMs?: number;
    onError?: (err: unknown) => void;
    waker?: OutboxWaker;
    systemMail?: { smtpUrl: string; from: string };
  },
): Promise<WorkerReport> {
  const total = emptyReport();
  while (!cfg.signal.aborted) {
    let claimed = 0;
    try {
      const r = await runOutboxOnce(cfg);
      for (const k of Object.keys(total) as (keyof WorkerReport)[]) total[k] += r[k];
      claimed = r.claimed;
    } catch (err) {
      cfg.onError?.(err);
    }
    if (cfg.systemMail && !cfg.signal.aborted) {
      await runSystemMailOnce({
        db: cfg.db,
        ...(cfg.forAccount && { forAccount: cfg.forAccount }),
        dialect: cfg.dialect,
        now: cfg.now,
        signal: cfg.signal,
        ...cfg.systemMail,
        ...(cfg.leaseSeconds !== undefined && { leaseSeconds: cfg.leaseSeconds }),
      }).catch((err: unknown) => cfg.onError?.(err));
    }
    if (claimed === 0) {
      if (cfg.waker) await cfg.waker.pause(cfg.pollMs ?? 5000, cfg.signal);
      else await sleep(cfg.pollMs ?? 5000, cfg.signal);
    }
  }
  return total;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

async function expireDeadClaims(cfg: WorkerConfig, report: WorkerReport): Promise<void> {
  const now = formatInstant(cfg.now());
  // Which accounts have ended leases is a cross-account read; each account's rows are then
  // expired in that account's own transaction and scope.
  const accounts = cfg.accountId ? [cfg.accountId] : await accountsWithEndedLeases(cfg.db, now);
  const expired: MessageRow[] = [];
  for (const accountId of accounts) {
    const rows = await dbFor(cfg, accountId)
      .transaction()
      .execute(async (trx) => {
        const ended = await expireLeases(trx, now, EXPIRED_REASON, accountId);
        for (const row of ended) {
          const to = await listRecipients(trx, row.account_id, row.id);
          await recordEvent(trx, contextFor(cfg, row.account_id), {
            kind: 'message-uncertain',
            opportunityId: row.opportunity_id,
            contactId: to[0]?.contact_id ?? null,
            messageId: row.id,
            data: { reason: EXPIRED_REASON },
          });
        }
        return ended;
      });
    expired.push(...rows);
  }
  report.expired += expired.length;
  report.uncertain += expired.length;
  for (const accountId of new Set(expired.map((r) => r.account_id))) {
    try {
      const resolved = await resolveUncertainFromSent(contextFor(cfg, accountId), cfg.box);
      report.resolved += resolved;
      report.uncertain -= Math.min(resolved, report.uncertain);
    } catch {
      // IMAP down: the messages stay uncertain and are resolved by the next `sync` or by the user.
    }
  }
}

/** A new Message-ID's random part: 96 bits. */
export const messageIdRandom = (): string => randomBytes(12).toString('hex');

async function deliver(
  cfg: WorkerConfig,
  connections: Connections,
  row: MessageRow,
): Promise<DeliveryOutcome> {
  const accountId = row.account_id;
  let firstContact: string | null = null;
  let label = 'the mail server';
  let outcome: SendOutcome | { outcome: 'sent'; reason: null };
  try {
    const account = await connections.account(accountId);
    if (!account) {
      outcome = {
        outcome: 'permanent',
        reason: 'No mail server is connected: run afterview config set smtp URL.',
      };
    } else if (!row.rfc_message_id) {
      outcome = {
        outcome: 'permanent',
        reason: 'The message has no Message-ID; schedule it again with afterview send.',
      };
    } else {
      label = serverLabel(account.server);
      const recipients = (await listRecipients(dbFor(cfg, accountId), accountId, row.id)).filter(
        (r) => r.role === 'to',
      );
      firstContact = recipients[0]?.contact_id ?? null;
      const to = recipients
        .map((r) => ({
          name: r.display_name,
          address: r.address ?? (JSON.parse(r.emails) as string[])[0] ?? '',
        }))
        .filter((r) => r.address);
      if (to.length === 0) {
        outcome = { outcome: 'permanent', reason: 'The message has no recipient with an email address.' };
      } else {
        const raw = await buildRawMessage({
          from: { name: account.fromName, address: account.fromAddress },
          to,
          subject: row.subject,
          body: row.body,
          signature: account.signature,
          messageId: row.rfc_message_id,
          date: new Date(cfg.now().epochMilliseconds),
          inReplyTo: row.in_reply_to,
        });
        try {
          const session = await connections.session(accountId, account);
          await session.send({ from: account.fromAddress, to: to.map((r) => r.address) }, raw);
          outcome = { outcome: 'sent', reason: null };
        } catch (err) {
          // Connecting or signing in failed (nothing was sent), or the send itself did.
          const handedOver = err instanceof SmtpSendError && err.handedOver;
          const cause = err instanceof SmtpSendError ? err.cause : err;
          outcome = classifySendFailure(errorFacts(cause), handedOver, label);
        }
      }
    }
  } catch (err) {
    // Before anything reached the server (a sealed password that no longer opens, a bad row).
    outcome = { outcome: 'permanent', reason: errorFacts(err).message };
  }
  return record(cfg, row, outcome, firstContact);
}

async function record(
  cfg: WorkerConfig,
  row: MessageRow,
  result: SendOutcome | { outcome: 'sent'; reason: null },
  contactId: string | null,
): Promise<DeliveryOutcome> {
  const patch = afterAttempt(result, row.attempts, cfg.now());
  const { status, last_error: reason, updated_at: at } = patch;
  const ctx = contextFor(cfg, row.account_id);
  const event = {
    kind: status === 'sent' ? 'message-sent' : status === 'failed' ? 'message-failed' : 'message-uncertain',
    opportunityId: row.opportunity_id,
    contactId,
    messageId: row.id,
    data: status === 'sent' ? { kind: row.kind, via: 'smtp' } : { kind: row.kind, reason },
  };
  if (cfg.dialect === 'postgres' && status !== 'scheduled') {
    await finishAttemptWithEvent(dbFor(cfg, row.account_id), row.account_id, row.id, row.attempts, patch, {
      id: newId(),
      account_id: row.account_id,
      opportunity_id: event.opportunityId,
      interview_id: null,
      contact_id: event.contactId,
      message_id: row.id,
      kind: event.kind,
      at,
      data: JSON.stringify(event.data),
    });
  } else {
    await dbFor(cfg, row.account_id)
      .transaction()
      .execute(async (trx) => {
        const mine = await finishAttempt(trx, row.account_id, row.id, row.attempts, patch);
        if (!mine || status === 'scheduled') return;
        await recordEvent(trx, ctx, event);
      });
  }
  countSend(status);
  return { accountId: row.account_id, messageId: row.id, status, reason };
}
