/**
 * Test stores on real databases: a fresh in-memory SQLite, or a fresh PostgreSQL database copied
 * from the migrated template. Use `describeEachDialect` to run a suite on every tested dialect.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, inject } from 'vitest';
import { type Dialect, openStore, type Store } from '../src/db/connect';
import { testDialects } from './dialects';
import { TEMPLATE_DB, withDatabase } from './global-setup';

export async function createTestStore(dialect: Dialect): Promise<Store> {
  if (dialect === 'sqlite') return openStore('sqlite::memory:');
  const adminUrl = inject('pgAdminUrl');
  if (!adminUrl) throw new Error('The postgres dialect is not set up (see test/global-setup.ts).');
  const name = `afterview_t_${randomUUID().replaceAll('-', '')}`;
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const store = await openStore(withDatabase(adminUrl, name));
  return {
    ...store,
    close: async () => {
      await store.close();
      const drop = new pg.Client({ connectionString: adminUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => drop.end());
    },
  };
}

/**
 * Run `fn` once per tested dialect, each test with a fresh store:
 * `describeEachDialect('opportunities', (t) => { it('...', async () => { t.store.db ... }) })`.
 */
export function describeEachDialect(
  name: string,
  fn: (t: { readonly store: Store; dialect: Dialect }) => void,
): void {
  for (const dialect of testDialects()) {
    describe(`${name} [${dialect}]`, () => {
      const holder: { store: Store; dialect: Dialect } = { store: undefined as unknown as Store, dialect };
      beforeEach(async () => {
        holder.store = await createTestStore(dialect);
      });
      afterEach(async () => {
        await holder.store.close();
      });
      fn(holder);
    });
  }
}
