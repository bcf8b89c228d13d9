import type { Selectable } from 'kysely';

/**
 * One failed sign-in, one password reset or confirmation mail asked for (per e-mail address), or
 * one request to a sign-in route from a client address (`client-*` kinds, per IP), counted here
 * so every app process of the installation spends the same budget.
 */
export interface AuthFailureTable {
  id: string;
  /** SHA-256 (hex) of the trimmed, lower-cased e-mail or client address: neither is stored here. */
  key_hash: string;
  kind:
    | 'sign-in'
    | 'reset'
    | 'verify'
    | 'client-sign-in'
    | 'client-sign-up'
    | 'client-reset-request'
    | 'client-reset'
    | 'client-verify';
  at: string;
}
export type AuthFailureRow = Selectable<AuthFailureTable>;
