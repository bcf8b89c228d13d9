import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/store';
import { openStore, type Store } from './connect';
import type { DbOrTrx } from './database';
import { selectRows } from './select-rows';
import { sqlText } from './sql-text';

const account = (id: string, created: string) => ({
  id,
  time_zone: 'Europe/Berlin',
  holiday_region: null,
  own_emails: '[]',
  playbook: '{}',
  signature: null,
  display_name: null,
  locale: null,
  feed_token: null,
  created_at: created,
  updated_at: created,
});

const accountIds = (db: DbOrTrx) =>
  selectRows(db, sqlText<{ id: string }>`select "id" from "account" order by "created_at", "id"`).then(
    (rows) => rows.map((r) => r.id),
  );

describeEachDialect('selectRows', (t) => {
  it('reads what the query builder reads, values bound, in and out of a transaction', async () => {
    const db = t.store.db;
    await db
      .insertInto('account')
      .values([account('a1', '2026-01-01T00:00:00Z'), account('a2', '2026-01-02T00:00:00Z')])
      .execute();
    const built = await db.selectFrom('account').selectAll().where('id', '=', 'a2').execute();
    expect(await selectRows(db, sqlText`select * from "account" where "id" = ${'a2'}`)).toEqual(built);
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('account').values(account('a3', '2026-01-03T00:00:00Z')).execute();
      // Inside the transaction it reads through it: its own uncommitted row included.
      expect(await accountIds(trx)).toEqual(['a1', 'a2', 'a3']);
    });
    expect(await accountIds(db)).toEqual(['a1', 'a2', 'a3']);
  });
});

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A migrated SQLite file, opened as the CLI opens it (one connection) or as `serve` does (two). */
async function fileStore(concurrentReads: boolean): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'afterview-select-rows-'));
  dirs.push(dir);
  const store = await openStore(`sqlite:${join(dir, 'afterview.db')}`, { concurrentReads });
  stores.push(store);
  await store.db.insertInto('account').values(account('a1', '2026-01-01T00:00:00Z')).execute();
  return store;
}

it('on one SQLite connection, a direct read waits for a running transaction and never sees its rows early', async () => {
  const { db } = await fileStore(false);
  let release!: () => void;
  const held = new Promise<void>((r) => {
    release = r;
  });
  let inserted!: () => void;
  const insertedYet = new Promise<void>((r) => {
    inserted = r;
  });
  const transaction = db.transaction().execute(async (trx) => {
    await trx.insertInto('account').values(account('a2', '2026-01-02T00:00:00Z')).execute();
    inserted();
    await held;
  });
  await insertedYet;
  let read: string[] | null = null;
  const reading = accountIds(db).then((ids) => {
    read = ids;
  });
  await new Promise((r) => setTimeout(r, 50));
  expect(read).toBeNull();
  release();
  await transaction;
  await reading;
  expect(read).toEqual(['a1', 'a2']);
});

it('beside a running transaction (as `serve` opens the file), a direct read answers at once from the last commit', async () => {
  const { db } = await fileStore(true);
  let release!: () => void;
  const held = new Promise<void>((r) => {
    release = r;
  });
  let inserted!: () => void;
  const insertedYet = new Promise<void>((r) => {
    inserted = r;
  });
  const transaction = db.transaction().execute(async (trx) => {
    await trx.insertInto('account').values(account('a2', '2026-01-02T00:00:00Z')).execute();
    inserted();
    await held;
  });
  await insertedYet;
  expect(await accountIds(db)).toEqual(['a1']);
  release();
  await transaction;
  expect(await accountIds(db)).toEqual(['a1', 'a2']);
});
