import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/store';
import { Temporal } from '../core/time';
import { createAccount } from '../features/accounts/account.service';
import { openStore, type Store } from './connect';
import type { DbOrTrx } from './database';
import { selectRows } from './select-rows';
import { sqlText } from './sql-text';

/** An account made as sign-up makes one, on day `day` of January 2026 (the order they list in). */
const addAccount = (db: DbOrTrx, id: string, day: number) =>
  createAccount(db, Temporal.Instant.from(`2026-01-0${day}T00:00:00Z`), { id, timeZone: 'Europe/Berlin' });

const accountIds = (db: DbOrTrx) =>
  selectRows(db, sqlText<{ id: string }>`select "id" from "account" order by "created_at", "id"`).then(
    (rows) => rows.map((r) => r.id),
  );

describeEachDialect('selectRows', (t) => {
  it('reads what the query builder reads, values bound, in and out of a transaction', async () => {
    const db = t.store.db;
    await addAccount(db, 'a1', 1);
    await addAccount(db, 'a2', 2);
    const built = await db.selectFrom('account').selectAll().where('id', '=', 'a2').execute();
    expect(await selectRows(db, sqlText`select * from "account" where "id" = ${'a2'}`)).toEqual(built);
    await db.transaction().execute(async (trx) => {
      await addAccount(trx, 'a3', 3);
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
  await addAccount(store.db, 'a1', 1);
  return store;
}

/**
 * A transaction that has written account a2 and stays open until `release` is called; `done`
 * settles when it has committed.
 */
async function heldTransaction(db: Store['db']) {
  let release!: () => void;
  const held = new Promise<void>((r) => {
    release = r;
  });
  let inserted!: () => void;
  const insertedYet = new Promise<void>((r) => {
    inserted = r;
  });
  const done = db.transaction().execute(async (trx) => {
    await addAccount(trx, 'a2', 2);
    inserted();
    await held;
  });
  await insertedYet;
  return { release, done };
}

it('on one SQLite connection, a direct read waits for a running transaction and never sees its rows early', async () => {
  const { db } = await fileStore(false);
  const transaction = await heldTransaction(db);
  let read: string[] | null = null;
  const reading = accountIds(db).then((ids) => {
    read = ids;
  });
  await new Promise((r) => setTimeout(r, 50));
  expect(read).toBeNull();
  transaction.release();
  await transaction.done;
  await reading;
  expect(read).toEqual(['a1', 'a2']);
});

it('beside a running transaction (as `serve` opens the file), a direct read answers at once from the last commit', async () => {
  const { db } = await fileStore(true);
  const transaction = await heldTransaction(db);
  expect(await accountIds(db)).toEqual(['a1']);
  transaction.release();
  await transaction.done;
  expect(await accountIds(db)).toEqual(['a1', 'a2']);
});
