/**
 * Two small tables for hosted mode (issue 12).
 *
 * `account_template`: a hosted user's own draft templates. They lived as files in the data dir,
 * which in hosted mode is the installation's, not the user's: one user's edit became everyone's
 * template. Keyed by the account like every tenant row (deleted with it, under row-level security).
 *
 * `auth_failure`: failed sign-ins and reset requests, counted in the database so that several app
 * processes share one budget. Keyed by a SHA-256 of the normalised address, never the address: the
 * count starts before anyone's account is known and must cover addresses with no account too
 * (counting only real accounts would tell a guesser which addresses have one), so, like
 * better-auth's own tables, it is outside the tenant model (src/db/tenancy.test.ts lists it).
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('account_template')
    .addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_template_pk', ['account_id', 'name'])
    .execute();

  await db.schema
    .createTable('auth_failure')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** SHA-256 (hex) of the trimmed, lower-cased address. */
    .addColumn('key_hash', 'text', (c) => c.notNull())
    /** `sign-in` (a failed sign-in), `reset` (a password reset asked for), `verify` (a confirmation link asked for again). */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('auth_failure_key_idx')
    .on('auth_failure')
    .columns(['key_hash', 'kind', 'at'])
    .execute();
  await db.schema.createIndex('auth_failure_at_idx').on('auth_failure').column('at').execute();

  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  // The same policy as every tenant table (2026-11-27T1700-tenant-keys-rls).
  const mine = sql`account_id = current_setting('app.account_id', true) or current_setting('app.all_accounts', true) = 'on'`;
  await sql`create policy account_isolation on account_template using (${mine}) with check (${mine})`.execute(
    db,
  );
  await sql`alter table account_template enable row level security`.execute(db);
  await sql`alter table account_template force row level security`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('auth_failure').execute();
  await db.schema.dropTable('account_template').execute();
}
