import type { Insertable, Selectable } from 'kysely';

/**
 * A client's invitation of a career coach (hosted mode). Keyed by the client's account; the coach
 * is an address until accepted, then also an account id. Live: accepted and not revoked.
 */
export interface CoachGrantTable {
  account_id: string;
  id: string;
  /** Normalised (trimmed, lower case). */
  coach_email: string;
  coach_account_id: string | null;
  /** 1 when the client lets the coach read note bodies and debriefs. */
  share_notes: number;
  /** SHA-256 (hex) of the single-use invite token; null once accepted or revoked. */
  token_hash: string | null;
  created_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}
export type CoachGrantRow = Selectable<CoachGrantTable>;
export type NewCoachGrantRow = Insertable<CoachGrantTable>;
