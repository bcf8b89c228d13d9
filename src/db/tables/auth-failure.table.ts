import type { Selectable } from 'kysely';

/** One failed sign-in, or one password reset asked for, counted per address across processes. */
export interface AuthFailureTable {
  id: string;
  /** SHA-256 (hex) of the trimmed, lower-cased address: the address itself is never stored here. */
  key_hash: string;
  kind: 'sign-in' | 'reset' | 'verify';
  at: string;
}
export type AuthFailureRow = Selectable<AuthFailureTable>;
