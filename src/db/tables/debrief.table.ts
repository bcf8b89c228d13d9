import type { Insertable, Selectable, Updateable } from 'kysely';

/** One debrief per interview. */
export interface DebriefTable {
  account_id: string;
  interview_id: string;
  feeling: string;
  went_well: string;
  /** PRIVATE "what to practise" (the column kept its first name). */
  improve: string;
  /** A point to add to one of the answers (may go into a note). */
  add_to_answer: string;
  /** Per-interview promise from before promises were per interviewer. */
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
  /** What the user promised this interviewer. */
  promise: string;
  updated_at: string;
}
export type DebriefNoteRow = Selectable<DebriefNoteTable>;
export type NewDebriefNoteRow = Insertable<DebriefNoteTable>;
