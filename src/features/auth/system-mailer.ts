/**
 * The system mailer: hosted mode's own mails (confirm your address, reset your password, a coach's
 * invitation), sent from AFTERVIEW_SYSTEM_SMTP_URL, never from a user's mailbox. `send` only queues
 * the mail (a system_mail row, in the caller's request, so it is quick and survives a crash) and
 * wakes the outbox loop, which sends it once with retries (features/outbox/system-mail.worker.ts).
 * Without a configured server the mail cannot go out, and asking for a reset says so instead of
 * pretending it was sent.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../core/errors';
import { formatInstant, type Temporal } from '../../core/time';
import type { Db } from '../../db/database';
import { newId } from '../../db/ids';
import { parseMailUrl } from '../mail/mail-url';
import { accountIdForAddress, insertSystemMail } from '../outbox/system-mail.repository';

export interface SystemMail {
  to: string;
  subject: string;
  text: string;
  /**
   * The account the mail concerns (its row is keyed by it). Default: the account signed up with
   * `to`; for an address with no account yet (a coach's first invitation), pass the inviter's.
   */
  accountId?: string;
}

export interface SystemMailer {
  send(mail: SystemMail): Promise<void>;
}

/** Where queued mails go, and whom to nudge so they leave now rather than at the next poll. */
export interface SystemMailQueue {
  /** Cross-account handle: looking up the account of an address. */
  db: Db;
  /** The account's own handle (its row-level security scope on PostgreSQL); default `db`. */
  forAccount?: (accountId: string) => Db;
  now: () => Temporal.Instant;
  /** Wake the outbox loop (in this process, or the cluster primary's). */
  wake?: () => void;
}

/** Rows for addresses with no account and no `accountId` given. */
export const UNATTACHED_ACCOUNT = 'system';

/**
 * A mailer that queues for `smtpUrl` (smtp://user:pass@host:port?starttls=…), or one that refuses
 * when no server (or no queue) is given. The URL is checked here, so a bad one stops the server at
 * start-up.
 */
export function systemMailer(
  smtpUrl: string | undefined,
  from: string,
  queue?: SystemMailQueue,
): SystemMailer {
  if (!smtpUrl || !queue) {
    return {
      send: async () => {
        throw new AppError(
          'unavailable',
          'This server has no mail server for its own mails (AFTERVIEW_SYSTEM_SMTP_URL), so it cannot send this.',
        );
      },
    };
  }
  parseMailUrl(smtpUrl, 'smtp');
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'afterview.invalid';
  return {
    send: async (mail) => {
      const at = formatInstant(queue.now());
      const accountId =
        mail.accountId ?? (await accountIdForAddress(queue.db, mail.to)) ?? UNATTACHED_ACCOUNT;
      await insertSystemMail(queue.forAccount?.(accountId) ?? queue.db, {
        account_id: accountId,
        id: newId(),
        to_address: mail.to,
        subject: mail.subject,
        body: mail.text,
        rfc_message_id: `<${randomBytes(12).toString('hex')}.system@${domain}>`,
        status: 'scheduled',
        send_at: at,
        attempts: 0,
        lease_until: null,
        last_error: null,
        sent_at: null,
        created_at: at,
        updated_at: at,
      });
      queue.wake?.();
    },
  };
}
