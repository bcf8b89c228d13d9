import type { Insertable, Selectable, Updateable } from 'kysely';

/** One debrief per interview. */
export interface DebriefTable {
  account_id: string;
  interview_id: string;
  feeling: string;
  went_well: string;
  improve: string;
  promises: string;
  updated_at: string;
}
export type DebriefRow = Selectable<DebriefTable>;
export type NewDebriefRow = Insertable<DebriefTable>;
export type DebriefUpdate = Updateable<DebriefTable>;

/** Per interviewer: what was memorable, what they talked about, a problem they raised. */
export interface DebriefNoteTable {
  account_id: string;
  interview_id: string;
  contact_id: string;
  memorable: string;
  topics: string;
  problem: string;
  updated_at: string;
}
export type DebriefNoteRow = Selectable<DebriefNoteTable>;
export type NewDebriefNoteRow = Insertable<DebriefNoteTable>;
