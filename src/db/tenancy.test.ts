/**
 * Ready to be distributed by tenant, read from the migrated database itself (not from the
 * migration files): every table carries the account, every primary key and unique index starts
 * with it, every foreign key carries it to the row it points at; on PostgreSQL every tenant table
 * is under a row-level security policy that a non-superuser connection cannot escape.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type AppRole, openAsAppRole } from '../../test/app-role';
import { testDialects } from '../../test/dialects';
import { createTestStore } from '../../test/store';
import type { Store } from './connect';

/**
 * Tables outside the tenant model, each for a reason:
 * - Kysely's own bookkeeping of applied migrations (one schema, all tenants).
 * - better-auth's sign-in tables: a user is found by e-mail and a session by its cookie before
 *   anyone's account is known, so they are keyed by their own ids (reference tables when
 *   distributed; see docs/scaling.md).
 * - auth_failure: failed sign-ins counted by a hash of the address, before any account is known
 *   and for addresses with no account alike (counting real accounts only would reveal them).
 */
const GLOBAL_TABLES = new Set([
  'kysely_migration',
  'kysely_migration_lock',
  'auth_user',
  'auth_session',
  'auth_account',
  'auth_verification',
  'auth_failure',
]);

/**
 * Known departures, each listed on purpose. SQLite keeps the account's feed-token UNIQUE: it is
 * an inline constraint only a rebuild of the account table could drop, every row cascades from
 * that table, and SQLite is never distributed (PostgreSQL drops it in 2026-11-27T1700).
 */
const SQLITE_UNIQUE_EXCEPTIONS = new Set(['account.feed_token']);

/** The tenant column: the account table is the tenant, keyed by its own id. */
const tenantColumn = (table: string) => (table === 'account' ? 'id' : 'account_id');

interface Schema {
  columns: Map<string, string[]>;
  primaryKeys: Map<string, string[]>;
  /** Unique indexes other than the primary key: table → column lists. */
  uniques: { table: string; columns: string[] }[];
  foreignKeys: { table: string; from: string[]; refTable: string; to: string[] }[];
}

function readSqlite(store: Store): Schema {
  const raw = store.sqlite;
  if (!raw) throw new Error('not a SQLite store');
  const tables = raw
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
    .all() as { name: string }[];
  const schema: Schema = { columns: new Map(), primaryKeys: new Map(), uniques: [], foreignKeys: [] };
  for (const { name } of tables) {
    const cols = raw.prepare('select name, pk from pragma_table_info(?)').all(name) as {
      name: string;
      pk: number;
    }[];
    schema.columns.set(
      name,
      cols.map((c) => c.name),
    );
    schema.primaryKeys.set(
      name,
      cols
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
    );
    const indexes = raw
      .prepare('select name, origin from pragma_index_list(?) where "unique" = 1')
      .all(name) as { name: string; origin: string }[];
    for (const ix of indexes.filter((i) => i.origin !== 'pk')) {
      const ixCols = raw.prepare('select name from pragma_index_info(?) order by seqno').all(ix.name) as {
        name: string;
      }[];
      schema.uniques.push({ table: name, columns: ixCols.map((c) => c.name) });
    }
    const fks = raw.prepare('select id, "table", "from", "to" from pragma_foreign_key_list(?)').all(name) as {
      id: number;
      table: string;
      from: string;
      to: string | null;
    }[];
    for (const id of new Set(fks.map((f) => f.id))) {
      const parts = fks.filter((f) => f.id === id);
      schema.foreignKeys.push({
        table: name,
        from: parts.map((p) => p.from),
        refTable: parts[0]?.table ?? '',
        to: parts.map((p) => p.to ?? ''),
      });
    }
  }
  return schema;
}

async function readPostgres(store: Store): Promise<Schema> {
  const cols = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`.execute(store.db);
  const indexes = await sql<{ table_name: string; is_primary: boolean; columns: string[] }>`
    select t.relname as table_name, ix.indisprimary as is_primary,
      array(select a.attname::text from unnest(ix.indkey) with ordinality k(n, o)
            join pg_attribute a on a.attrelid = t.oid and a.attnum = k.n order by k.o) as columns
    from pg_index ix join pg_class t on t.oid = ix.indrelid join pg_namespace s on s.oid = t.relnamespace
    where s.nspname = current_schema() and (ix.indisprimary or ix.indisunique)`.execute(store.db);
  const fks = await sql<{ table_name: string; from_cols: string[]; ref_table: string; to_cols: string[] }>`
    select t.relname as table_name, f.relname as ref_table,
      array(select a.attname::text from unnest(c.conkey) with ordinality k(n, o)
            join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.o) as from_cols,
      array(select a.attname::text from unnest(c.confkey) with ordinality k(n, o)
            join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.o) as to_cols
    from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_class f on f.oid = c.confrelid
    join pg_namespace s on s.oid = t.relnamespace
    where c.contype = 'f' and s.nspname = current_schema()`.execute(store.db);
  const schema: Schema = { columns: new Map(), primaryKeys: new Map(), uniques: [], foreignKeys: [] };
  for (const r of cols.rows)
    schema.columns.set(r.table_name, [...(schema.columns.get(r.table_name) ?? []), r.column_name]);
  for (const r of indexes.rows) {
    if (r.is_primary) schema.primaryKeys.set(r.table_name, r.columns);
    else schema.uniques.push({ table: r.table_name, columns: r.columns });
  }
  for (const r of fks.rows)
    schema.foreignKeys.push({ table: r.table_name, from: r.from_cols, refTable: r.ref_table, to: r.to_cols });
  return schema;
}

const readSchema = (store: Store) =>
  store.dialect === 'sqlite' ? Promise.resolve(readSqlite(store)) : readPostgres(store);

for (const dialect of testDialects()) {
  describe(`the schema is ready to be distributed by account [${dialect}]`, () => {
    it('keys every table, primary key, unique index and foreign key by the account', async () => {
      const store = await createTestStore(dialect);
      try {
        const schema = await readSchema(store);
        const tables = [...schema.columns.keys()].filter((t) => !GLOBAL_TABLES.has(t)).sort();
        // The schema was read at all (a broken query would pass every check below vacuously).
        expect(tables).toEqual(expect.arrayContaining(['account', 'contact', 'message', 'plan_wake']));
        const problems: string[] = [];
        for (const table of tables) {
          const tenant = tenantColumn(table);
          if (!schema.columns.get(table)?.includes(tenant)) problems.push(`${table}: no ${tenant} column`);
          const pk = schema.primaryKeys.get(table) ?? [];
          if (pk[0] !== tenant)
            problems.push(`${table}: primary key (${pk.join(', ')}) does not start with ${tenant}`);
        }
        for (const u of schema.uniques.filter((x) => !GLOBAL_TABLES.has(x.table))) {
          const label = `${u.table}.${u.columns.join(',')}`;
          if (dialect === 'sqlite' && SQLITE_UNIQUE_EXCEPTIONS.has(label)) continue;
          if (u.columns[0] !== tenantColumn(u.table))
            problems.push(
              `${u.table}: unique index (${u.columns.join(', ')}) does not start with ${tenantColumn(u.table)}`,
            );
        }
        for (const fk of schema.foreignKeys.filter((x) => !GLOBAL_TABLES.has(x.table))) {
          const i = fk.from.indexOf(tenantColumn(fk.table));
          if (i < 0 || fk.to[i] !== tenantColumn(fk.refTable))
            problems.push(
              `${fk.table}: foreign key (${fk.from.join(', ')}) → ${fk.refTable}(${fk.to.join(', ')}) does not carry the account`,
            );
        }
        expect(problems).toEqual([]);
      } finally {
        await store.close();
      }
    });
  });
}

describe.runIf(testDialects().includes('postgres'))('row-level security [postgres]', () => {
  it('puts every tenant table under a forced policy on its account column', async () => {
    const store = await createTestStore('postgres');
    try {
      const tables = [...(await readPostgres(store)).columns.keys()].filter((t) => !GLOBAL_TABLES.has(t));
      const rls = await sql<{ relname: string; on: boolean; forced: boolean; qual: string | null }>`
        select c.relname, c.relrowsecurity as on, c.relforcerowsecurity as forced,
          (select p.qual from pg_policies p where p.schemaname = current_schema() and p.tablename = c.relname limit 1) as qual
        from pg_class c join pg_namespace s on s.oid = c.relnamespace
        where s.nspname = current_schema() and c.relkind = 'r'`.execute(store.db);
      const byTable = new Map(rls.rows.map((r) => [r.relname, r]));
      const problems = tables.flatMap((t) => {
        const r = byTable.get(t);
        if (!r?.on || !r.forced) return [`${t}: row-level security is not enabled and forced`];
        if (!r.qual?.includes(tenantColumn(t)) || !r.qual.includes('app.account_id'))
          return [`${t}: no policy on ${tenantColumn(t)}`];
        return [];
      });
      expect(tables.length).toBeGreaterThan(10);
      expect(problems).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it("returns only the caller's rows to a query that leaves out the account filter", async () => {
    const admin = await createTestStore('postgres');
    // The test server's user is a superuser, which skips every policy: the app's role is not.
    let role: AppRole | undefined;
    try {
      const [a, b] = ['acct-a', 'acct-b'];
      for (const id of [a, b]) {
        await sql`insert into account (id, time_zone, created_at, updated_at)
          values (${id}, 'UTC', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z')`.execute(admin.db);
        for (const n of [1, 2])
          await sql`insert into contact (id, account_id, display_name, created_at, updated_at)
            values (${`${id}-c${n}`}, ${id}, ${`Contact ${n} of ${id}`}, '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z')`.execute(
            admin.db,
          );
      }
      role = await openAsAppRole(admin, 'afterview_app');
      const app = role.store;

      // No account filter at all: the policy alone decides.
      const contactsOf = async (accountId: string) =>
        (
          await app
            .forAccount(accountId)
            .selectFrom('contact')
            .select(['id', 'account_id'])
            .orderBy('id')
            .execute()
        ).map((r) => r.id);
      expect(await contactsOf(a)).toEqual(['acct-a-c1', 'acct-a-c2']);
      // The same pooled connection changing hands declares the new account before its query.
      expect(await contactsOf(b)).toEqual(['acct-b-c1', 'acct-b-c2']);
      expect(await contactsOf(a)).toEqual(['acct-a-c1', 'acct-a-c2']);
      // Inside a transaction, and for another table joined in, the same.
      const inTrx = await app
        .forAccount(b)
        .transaction()
        .execute((trx) =>
          trx
            .selectFrom('account')
            .innerJoin('contact', 'contact.account_id', 'account.id')
            .select('contact.id')
            .execute(),
        );
      expect(inTrx.map((r) => r.id).sort()).toEqual(['acct-b-c1', 'acct-b-c2']);
      // Writing another account's row is refused, and updating one finds nothing to update.
      await expect(
        sql`insert into contact (id, account_id, display_name, created_at, updated_at)
          values ('x', ${b}, 'Planted', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z')`.execute(
          app.forAccount(a),
        ),
      ).rejects.toThrow(/row-level security/);
      const upd = await app.forAccount(a).updateTable('contact').set({ notes: 'changed' }).executeTakeFirst();
      expect(Number(upd.numUpdatedRows)).toBe(2);
      const changed = await admin.db
        .selectFrom('contact')
        .select('id')
        .where('notes', '=', 'changed')
        .execute();
      expect(changed.map((r) => r.id).sort()).toEqual(['acct-a-c1', 'acct-a-c2']);
      // A connection that declared nothing sees nothing (fail closed).
      const { default: pg } = await import('pg');
      const bareClient = new pg.Client({ connectionString: role.url });
      await bareClient.connect();
      const bare = await bareClient
        .query<{ n: string }>('select count(*)::text as n from contact')
        .finally(() => bareClient.end());
      expect(bare.rows[0]?.n).toBe('0');
      // The store's cross-account handle (outbox claim, migrations) declares itself and sees both.
      expect(await app.db.selectFrom('contact').select('id').execute()).toHaveLength(4);
      // Many at once, the pools handing connections from one account to the next and the
      // cross-account handle in between: every query runs under its own scope, none under a stale one.
      const rounds = await Promise.all(
        Array.from({ length: 30 }, async (_, i) => {
          if (i % 3 === 2) return (await app.db.selectFrom('contact').select('id').execute()).length;
          const id = i % 3 === 0 ? a : b;
          return (await contactsOf(id)).join() === `${id}-c1,${id}-c2` ? 2 : -1;
        }),
      );
      expect(rounds).toEqual(Array.from({ length: 30 }, (_, i) => (i % 3 === 2 ? 4 : 2)));
    } finally {
      await role?.drop();
      await admin.close();
    }
  });
});
