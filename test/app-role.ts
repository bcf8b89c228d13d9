/**
 * The app's own PostgreSQL role, for row-level security tests: the test server's user is a
 * superuser, which skips every policy; this role is not (NOSUPERUSER, NOBYPASSRLS) and may only
 * read and write the tables, as the app's role in production.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { openStore, type Store } from '../src/db/connect';
import { withDatabase } from './global-setup';

export interface AppRole {
  /** A store connected as the role, to the same database as `admin`. */
  store: Store;
  /** Its connection URL (for a bare client that declares no account). */
  url: string;
  /** Close the store, then drop what the role owns and the role itself. */
  drop(): Promise<void>;
}

/** A fresh role named `prefix_…` on `admin`'s database, and a store opened as it. */
export async function openAsAppRole(admin: Store, prefix: string): Promise<AppRole> {
  const role = `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const dropRole = async () => {
    await sql`drop owned by ${sql.id(role)}`.execute(admin.db);
    await sql`drop role if exists ${sql.id(role)}`.execute(admin.db);
  };
  await sql`create role ${sql.id(role)} login password 'app-test' nosuperuser nobypassrls`.execute(admin.db);
  try {
    await sql`grant usage on schema public to ${sql.id(role)}`.execute(admin.db);
    await sql`grant select, insert, update, delete on all tables in schema public to ${sql.id(role)}`.execute(
      admin.db,
    );
    const { rows } = await sql<{ db: string }>`select current_database() as db`.execute(admin.db);
    const url = new URL(withDatabase(inject('pgAdminUrl'), rows[0]?.db ?? ''));
    url.username = role;
    url.password = 'app-test';
    const store = await openStore(url.toString(), { migrate: false });
    return {
      store,
      url: url.toString(),
      drop: async () => {
        await store.close();
        await dropRole();
      },
    };
  } catch (err) {
    await dropRole();
    throw err;
  }
}
