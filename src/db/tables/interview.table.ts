import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Interview, ParticipantRole } from '../../core/types';

export interface InterviewTable {
  id: string;
  account_id: string;
  opportunity_id: string;
  round: string;
  /** UTC instants, ISO-8601 with `Z`. */
  start_at: string;
  end_at: string;
  time_zone: string;
  format: string | null;
  location: string | null;
  status: Interview['status'];
  /** iCalendar UID and SEQUENCE when imported from an invite, so a later update replaces it. */
  source_uid: string | null;
  source_sequence: number | null;
  created_at: string;
  updated_at: string;
}
export type InterviewRow = Selectable<InterviewTable>;
export type NewInterviewRow = Insertable<InterviewTable>;
export type InterviewUpdate = Updateable<InterviewTable>;

export interface InterviewParticipantTable {
  account_id: string;
  interview_id: string;
  contact_id: string;
  role: ParticipantRole;
}
export type InterviewParticipantRow = Selectable<InterviewParticipantTable>;
export type NewInterviewParticipantRow = Insertable<InterviewParticipantTable>;
