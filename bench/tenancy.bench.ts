/**
 * Figures for docs/scaling.md, on PostgreSQL only (DATABASE_URL must name a server whose user may
 * create databases and roles; the run creates and drops its own):
 *  1. rows and bytes per active user: `--accounts` accounts seeded with the demo job hunt at
 *     `--scale` opportunities each, then pg_total_relation_size (table + indexes + TOAST) and rows
 *     per table, divided by the accounts;
 *  2. what row-level security costs on the Today path: getToday for two accounts in turn (so every
 *     call's connection changes account and declares it again) through a non-superuser role under
 *     the policies, against the same calls as the superuser (policies skipped), interleaved.
 *
 *   DATABASE_URL=postgres://… node --import tsx bench/tenancy.bench.ts [--accounts 20] [--scale 30] [--calls 200]
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { Temporal } from '../src/core/time';
import { openStore, type Store } from '../src/db/connect';
import { createAccount } from '../src/features/accounts/account.service';
import { seedDemo } from '../src/features/demo/demo.service';
import { getToday } from '../src/features/plan/plan.service';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : fallback;
};
const ACCOUNTS = arg('accounts', 20);
const SCALE = arg('scale', 30);
const CALLS = arg('calls', 200);
const NOW = Temporal.Instant.from('2026-11-26T09:00:00Z');

const base = process.env.DATABASE_URL;
if (!base?.startsWith('postgres')) {
  console.log('tenancy bench: skipped (set DATABASE_URL=postgres://… to a server that may create databases)');
  process.exit(0);
}
const urlFor = (database: string, user?: string, password?: string) => {
  const u = new URL(base);
  u.pathname = `/${database}`;
  if (user) u.username = user;
  if (password) u.password = password;
  return u.toString();
};

const name = `afterview_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const role = `${name}_app`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`create database ${name}`);
let store: Store | undefined;
let app: Store | undefined;
try {
  store = await openStore(urlFor(name));
  const ids: string[] = [];
  const seedStarted = performance.now();
  for (let i = 0; i < ACCOUNTS; i++) {
    const actor = await createAccount(store.db, NOW, { timeZone: 'Europe/London', holidayRegion: 'GB' });
    await seedDemo({ db: store.db, actor, now: NOW }, { scale: SCALE, seed: 1000 + i });
    ids.push(actor.accountId);
  }
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  await sql`vacuum analyze`.execute(store.db);
  const tables = await sql<{ table: string; rows: string; bytes: string }>`
    select c.relname as table, c.reltuples::bigint::text as rows, pg_total_relation_size(c.oid)::text as bytes
    from pg_class c join pg_namespace s on s.oid = c.relnamespace
    where s.nspname = current_schema() and c.relkind = 'r' and c.relname not like 'kysely_%'
    order by pg_total_relation_size(c.oid) desc`.execute(store.db);
  let totalRows = 0;
  let totalBytes = 0;
  console.log(`\n1. ${ACCOUNTS} accounts × demo --scale ${SCALE} (seeded in ${seedSeconds.toFixed(1)} s)`);
  console.log('   table                    rows/account   bytes/account (table+indexes+toast)');
  for (const t of tables.rows) {
    const rows = Math.max(0, Number(t.rows)) / ACCOUNTS;
    const bytes = Number(t.bytes) / ACCOUNTS;
    totalRows += rows;
    totalBytes += bytes;
    console.log(
      `   ${t.table.padEnd(24)} ${rows.toFixed(1).padStart(12)} ${Math.round(bytes).toString().padStart(15)}`,
    );
  }
  console.log(
    `   ${'total'.padEnd(24)} ${totalRows.toFixed(1).padStart(12)} ${Math.round(totalBytes).toString().padStart(15)}  (${(totalBytes / 1024).toFixed(0)} KiB)`,
  );

  // 2. The app's role: no superuser, no BYPASSRLS, so the policies apply.
  await admin.query(`create role ${role} login password 'bench' nosuperuser nobypassrls`);
  await sql`grant usage on schema public to ${sql.id(role)}`.execute(store.db);
  await sql`grant select, insert, update, delete on all tables in schema public to ${sql.id(role)}`.execute(
    store.db,
  );
  app = await openStore(urlFor(name, role, 'bench'), { migrate: false });
  const [a, b] = [ids[0] ?? '', ids[1] ?? ids[0] ?? ''];
  const today = (s: Store, accountId: string, scoped = true) =>
    getToday({ db: scoped ? s.forAccount(accountId) : s.db, actor: { accountId, kind: 'user' }, now: NOW });
  // Same answer under the policies as without them.
  const [viaRole, viaSuper] = [await today(app, a), await today(store, a)];
  if (JSON.stringify(viaRole) !== JSON.stringify(viaSuper))
    throw new Error('Today differs under row-level security');
  const times: { rls: number[]; plain: number[]; unscoped: number[] } = { rls: [], plain: [], unscoped: [] };
  for (let i = 0; i < CALLS; i++) {
    const accountId = i % 2 === 0 ? a : b;
    // The store's own handle never changes its declaration: what the declaration round trip costs.
    const u0 = performance.now();
    await today(store, accountId, false);
    times.unscoped.push(performance.now() - u0);
    for (const [kind, s] of (i % 2 === 0
      ? [
          ['rls', app],
          ['plain', store],
        ]
      : [
          ['plain', store],
          ['rls', app],
        ]) as [keyof typeof times, Store][]) {
      const t0 = performance.now();
      await today(s, accountId);
      times[kind].push(performance.now() - t0);
    }
  }
  const pct = (xs: number[], p: number) =>
    [...xs].sort((x, y) => x - y)[Math.floor((xs.length - 1) * p)] ?? 0;
  console.log(`\n2. getToday, ${CALLS} calls alternating two accounts at scale ${SCALE}, interleaved`);
  const label = {
    unscoped: 'superuser, one scope, no declarations',
    plain: 'superuser, account declared per call  ',
    rls: 'app role, declared, policies applied  ',
  };
  for (const kind of ['unscoped', 'plain', 'rls'] as const)
    console.log(
      `   ${label[kind]}  p50 ${pct(times[kind], 0.5).toFixed(2)} ms  p99 ${pct(times[kind], 0.99).toFixed(2)} ms`,
    );
} finally {
  await app?.close();
  await store?.close();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`drop role if exists ${role}`);
  await admin.end();
}
