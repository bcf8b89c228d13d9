import type { Insertable, Selectable } from 'kysely';

/** The timeline: what happened when, for the opportunity page and statistics. */
export interface EventTable {
  id: string;
  account_id: string;
  opportunity_id: string | null;
  interview_id: string | null;
  contact_id: string | null;
  message_id: string | null;
  /** e.g. `opportunity-created`, `stage-changed`, `interview-held`, `message-sent`, `reply-received`. */
  kind: string;
  at: string;
  /** JSON details, e.g. `{"from":"waiting","to":"rejected"}`. */
  data: string;
}
export type EventRow = Selectable<EventTable>;
export type NewEventRow = Insertable<EventTable>;
