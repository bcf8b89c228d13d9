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
    const { store, url } = await grantAndOpen(admin, role);
    return {
      store,
      url,
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

/** The one role the hosted route tests serve as (test/http.ts): made once per server, never dropped. */
const ROUTE_TEST_ROLE = 'afterview_route_test_app';

/**
 * `admin`'s database opened as ROUTE_TEST_ROLE. One role for every hosted route test, not one
 * each: a role is a cluster-wide catalog write, and these tests make hundreds of stores. Two test
 * workers may race to make it: one wins, the other finds it made.
 */
export async function openAsRouteTestRole(admin: Store): Promise<Store> {
  await sql`do $$ begin
      create role ${sql.raw(ROUTE_TEST_ROLE)} login password 'app-test' nosuperuser nobypassrls nocreaterole;
    exception when duplicate_object or unique_violation then null;
    end $$`.execute(admin.db);
  return (await grantAndOpen(admin, ROUTE_TEST_ROLE)).store;
}

/** Give `role` the rows of `admin`'s database (nothing more) and open a store as it. */
async function grantAndOpen(admin: Store, role: string): Promise<{ store: Store; url: string }> {
  await sql`grant usage on schema public to ${sql.id(role)}`.execute(admin.db);
  await sql`grant select, insert, update, delete on all tables in schema public to ${sql.id(role)}`.execute(
    admin.db,
  );
  const { rows } = await sql<{ db: string }>`select current_database() as db`.execute(admin.db);
  const url = new URL(withDatabase(inject('pgAdminUrl'), rows[0]?.db ?? ''));
  url.username = role;
  url.password = 'app-test';
  return { store: await openStore(url.toString(), { migrate: false }), url: url.toString() };
}
