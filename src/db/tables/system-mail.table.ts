import type { Insertable, Selectable, Updateable } from 'kysely';

/** Where a system mail stands: waiting (or waiting to retry), with a worker, and how it ended. */
export type SystemMailStatus = 'scheduled' | 'sending' | 'sent' | 'failed' | 'uncertain';

/**
 * The server's own mails in hosted mode (confirm your address, reset your password, a coach's
 * invitation), queued in the caller's request and sent by the outbox loop through
 * AFTERVIEW_SYSTEM_SMTP_URL. Keyed by the account the mail concerns; no foreign key, because a
 * sign-up's confirmation is queued before the Afterview account row exists.
 */
export interface SystemMailTable {
  account_id: string;
  id: string;
  to_address: string;
  subject: string;
  body: string;
  /** Fixed when queued, so a retry is the same message to the receiving server. */
  rfc_message_id: string;
  status: SystemMailStatus;
  send_at: string;
  attempts: number;
  lease_until: string | null;
  last_error: string | null;
  sent_at: string | null;
  created_at: string;
  updated_at: string;
}
export type SystemMailRow = Selectable<SystemMailTable>;
export type NewSystemMailRow = Insertable<SystemMailTable>;
export type SystemMailUpdate = Updateable<SystemMailTable>;
