import type { Insertable, Selectable, Updateable } from 'kysely';

/** One user (local mode) or one tenant (hosted). Its id is the `account_id` on every other row. */
export interface AccountTable {
  id: string;
  time_zone: string;
  holiday_region: string | null;
  /** JSON array of the user's own email addresses. */
  own_emails: string;
  /** JSON of the user's playbook overrides (validated before it is written). */
  playbook: string;
  signature: string | null;
  display_name: string | null;
  /** The locale the user chose ('en-US' | 'en-GB'); null follows the time zone. */
  locale: string | null;
  /** Secret token of the private calendar feed URL; null when revoked. */
  feed_token: string | null;
  created_at: string;
  updated_at: string;
}
export type AccountRow = Selectable<AccountTable>;
export type NewAccountRow = Insertable<AccountTable>;
export type AccountUpdate = Updateable<AccountTable>;
