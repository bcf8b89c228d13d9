import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from './connect';
import { sqliteSchemaIsCurrent } from './migrate';
import { migrationNames } from './migrations/index';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDb = () => {
  const dir = mkdtempSync(join(tmpdir(), 'afterview-migrate-'));
  dirs.push(dir);
  return join(dir, 'afterview.db');
};

describe('the fast "already migrated" check', () => {
  it('is false for a new file and true once every known migration is applied', async () => {
    const file = tempDb();
    const raw = new Sqlite(file);
    expect(sqliteSchemaIsCurrent(raw)).toBe(false);
    const store = await openStore(`sqlite:${file}`);
    await store.close();
    expect(sqliteSchemaIsCurrent(raw)).toBe(true);
    raw.close();
  });

  it('sends a file with a pending or an unknown migration through the Migrator and its checks', async () => {
    const file = tempDb();
    await (await openStore(`sqlite:${file}`)).close();
    const raw = new Sqlite(file);
    const last = migrationNames.at(-1) as string;
    raw.prepare('delete from kysely_migration where name = ?').run(last);
    expect(sqliteSchemaIsCurrent(raw)).toBe(false);
    raw
      .prepare('insert into kysely_migration (name, timestamp) values (?, ?)')
      .run(last, new Date().toISOString());
    raw
      .prepare('insert into kysely_migration (name, timestamp) values (?, ?)')
      .run('2099-01-01T0000-from-the-future', new Date().toISOString());
    expect(sqliteSchemaIsCurrent(raw)).toBe(false);
    raw.close();
    await expect(openStore(`sqlite:${file}`)).rejects.toThrow(
      /^This database was last opened by a newer Afterview \(it has migration 2099-01-01T0000-from-the-future, which this version does not know\)\. Update Afterview/,
    );
  });
});
