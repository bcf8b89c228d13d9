/**
 * Hosted mode's sign-in tables, in the shape better-auth's schema asks for (its `user`, `session`,
 * `account` and `verification` models, renamed `auth_*` so they never clash with Afterview's own
 * `account`, with snake_case columns mapped in features/auth/auth.ts). A better-auth user's id IS
 * the Afterview account id, so `account_id` names the owner in every table that has one.
 *
 * These tables are found by e-mail or session token before anyone's account is known, so they are
 * keyed by their own id, not (account_id, id): on a distributed PostgreSQL they would be
 * reference/coordinator tables, not ones distributed by account.
 *
 * Times are `timestamptz` (PostgreSQL gives better-auth real dates back; SQLite keeps the ISO
 * text the adapter writes), flags `boolean` (SQLite stores 0/1).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('auth_user')
    /** Equal to account.id; the account row is created with it at sign-up. */
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    /** Lower-cased by better-auth before it is stored. */
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('email_verified', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('image', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('auth_session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('auth_user.id').onDelete('cascade'))
    /** The random value in the (signed) session cookie. */
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ip_address', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('auth_session_account_idx').on('auth_session').column('account_id').execute();
  await db.schema
    .createTable('auth_account')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('auth_user.id').onDelete('cascade'))
    /** better-auth's `accountId`: the id at the provider (for e-mail and password, the user id). */
    .addColumn('provider_account_id', 'text', (c) => c.notNull())
    /** `credential` for e-mail and password. */
    .addColumn('provider_id', 'text', (c) => c.notNull())
    .addColumn('access_token', 'text')
    .addColumn('refresh_token', 'text')
    .addColumn('id_token', 'text')
    .addColumn('access_token_expires_at', 'timestamptz')
    .addColumn('refresh_token_expires_at', 'timestamptz')
    .addColumn('scope', 'text')
    /** The scrypt hash (salt:key); never the password. */
    .addColumn('password', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('auth_account_account_idx').on('auth_account').column('account_id').execute();
  await db.schema
    .createTable('auth_verification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** What the value proves (a reset token, an e-mail to verify); no account column in better-auth's schema. */
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('auth_verification_identifier_idx')
    .on('auth_verification')
    .column('identifier')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['auth_verification', 'auth_account', 'auth_session', 'auth_user']) {
    await db.schema.dropTable(t).execute();
  }
}
