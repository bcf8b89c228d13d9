import type { Selectable } from 'kysely';

/**
 * Hosted mode's sign-in tables (migration 2026-11-27T1600-hosted-auth). better-auth writes them
 * through its own Kysely adapter; Afterview reads them only to delete an account and to check a
 * password again. Times: Date on PostgreSQL, ISO text on SQLite.
 */
export interface AuthUserTable {
  id: string;
  name: string;
  email: string;
  email_verified: boolean | number;
  image: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}
export interface AuthSessionTable {
  id: string;
  account_id: string;
  token: string;
  expires_at: Date | string;
  ip_address: string | null;
  user_agent: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}
export interface AuthAccountTable {
  id: string;
  account_id: string;
  provider_account_id: string;
  provider_id: string;
  access_token: string | null;
  refresh_token: string | null;
  id_token: string | null;
  access_token_expires_at: Date | string | null;
  refresh_token_expires_at: Date | string | null;
  scope: string | null;
  password: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}
export interface AuthVerificationTable {
  id: string;
  identifier: string;
  value: string;
  expires_at: Date | string;
  created_at: Date | string;
  updated_at: Date | string;
}
export type AuthSessionRow = Selectable<AuthSessionTable>;
