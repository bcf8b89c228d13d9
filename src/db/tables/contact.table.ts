import type { Insertable, Selectable, Updateable } from 'kysely';

/** A person. List-valued fields are JSON text so SQLite and PostgreSQL store them alike. */
export interface ContactTable {
  id: string;
  account_id: string;
  display_name: string;
  title: string | null;
  company: string | null;
  /** JSON string[]; lower-cased addresses. */
  emails: string;
  /** JSON string[]: addresses that bounced. */
  bad_emails: string;
  /** JSON string[] */
  phones: string;
  /** JSON string[] */
  links: string;
  /** JSON Provenance[]: where each detail came from. */
  provenance: string;
  notes: string;
  created_at: string;
  updated_at: string;
}
export type ContactRow = Selectable<ContactTable>;
export type NewContactRow = Insertable<ContactTable>;
export type ContactUpdate = Updateable<ContactTable>;
