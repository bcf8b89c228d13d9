import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Direction, MessageKind, MessageStatus } from '../../core/types';

/**
 * A note, outbound or inbound. Outbound rows double as the transactional outbox: `status`,
 * `send_at`, `lease_until` and `attempts` are what workers claim and update.
 */
export interface MessageTable {
  id: string;
  account_id: string;
  kind: MessageKind;
  direction: Direction;
  opportunity_id: string | null;
  interview_id: string | null;
  subject: string;
  body: string;
  status: MessageStatus;
  send_at: string | null;
  sent_at: string | null;
  /** RFC 5322 Message-ID, chosen before the first attempt. */
  rfc_message_id: string | null;
  in_reply_to: string | null;
  action_key: string | null;
  /** Outbox: how many attempts so far, when the current claim expires, the server's last answer. */
  attempts: number;
  lease_until: string | null;
  last_error: string | null;
  /**
   * When the user last saved this draft's words themselves; null while it is exactly as Afterview
   * drafted it, so drafting again may refresh it (and must not otherwise).
   */
  edited_at: string | null;
  created_at: string;
  updated_at: string;
}
export type MessageRow = Selectable<MessageTable>;
export type NewMessageRow = Insertable<MessageTable>;
export type MessageUpdate = Updateable<MessageTable>;

/** Who a message is to (out) or from (in). `address` is the exact address used. */
export interface MessageContactTable {
  account_id: string;
  message_id: string;
  contact_id: string;
  address: string | null;
  role: string;
}
export type MessageContactRow = Selectable<MessageContactTable>;
export type NewMessageContactRow = Insertable<MessageContactTable>;
