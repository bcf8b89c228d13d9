import type { Insertable, Selectable } from 'kysely';

/** What reply detection did with one inbound message (see the 2026-11-27T1300 migration). */
export type InboundOutcome = 'reply' | 'auto-reply' | 'bounce' | 'unreadable';

export interface InboundMailTable {
  account_id: string;
  id: string;
  mailbox: string;
  uidvalidity: string;
  uid: string;
  rfc_message_id: string | null;
  outcome: InboundOutcome;
  reason: string | null;
  recorded_at: string;
}
export type InboundMailRow = Selectable<InboundMailTable>;
export type NewInboundMailRow = Insertable<InboundMailTable>;
