/**
 * Crash test: worker processes (the real CLI under tsx) sending a batch are killed with SIGKILL
 * at random points, again and again, then a last pass runs. The SMTP server's log must show
 * each message at most once, and every message must end sent, failed or uncertain: none lost,
 * none sent twice. On SQLite three workers share the file; on PostgreSQL four claim with
 * SKIP LOCKED.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testDialects } from '../../../test/dialects';
import { TEMPLATE_DB, withDatabase } from '../../../test/global-setup';
import { type SmtpHarness, startSmtpHarness } from '../../../test/mail/smtp-harness';
import { Temporal } from '../../core/time';
import { type Dialect, openStore, type Store } from '../../db/connect';
import { ensureLocalAccount } from '../accounts/account.service';
import { setSmtpUrl } from '../mail/mail.service';
import { addOpportunity } from '../opportunities/opportunity.service';
import { secretBoxFromKey } from '../secrets/secret-box';
import { runOutboxOnce } from './outbox.worker';

const ROOT = join(import.meta.dirname, '../../..');
const KEY_HEX = 'c4'.repeat(32);
const box = secretBoxFromKey(Buffer.from(KEY_HEX, 'hex'));
const NOW = Temporal.Instant.from('2026-11-01T00:00:00Z');

/** A small seeded PRNG: a failing run can be replayed with its printed seed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let smtp: SmtpHarness;
const children = new Set<ChildProcess>();
beforeAll(async () => {
  smtp = await startSmtpHarness();
});
afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  await smtp.close();
});

async function seed(store: Store, count: number): Promise<string[]> {
  const actor = await ensureLocalAccount(store.db, NOW);
  const ctx = { db: store.db, actor, now: NOW };
  await setSmtpUrl(ctx, box, `${smtp.url}&from=jo@example.test`);
  const opp = await addOpportunity(ctx, {
    company: 'Northwind Labs',
    role: 'Engineer',
    recruiter: 'Dana <dana@northwind.example>',
  });
  const ids: string[] = [];
  const at = NOW.toString();
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    await store.db
      .insertInto('message')
      .values({
        id,
        account_id: actor.accountId,
        kind: 'other',
        direction: 'out',
        opportunity_id: opp.id,
        interview_id: null,
        subject: `Note ${i}`,
        body: `Dear Dana,\n\nNote number ${i}.\n\nJo`,
        status: 'scheduled',
        send_at: at,
        sent_at: null,
        rfc_message_id: `<crash.${i}.${id}@example.test>`,
        in_reply_to: null,
        action_key: null,
        attempts: 0,
        lease_until: null,
        last_error: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await store.db
      .insertInto('message_contact')
      .values({
        account_id: actor.accountId,
        message_id: id,
        contact_id: opp.recruiterId as string,
        address: 'dana@northwind.example',
        role: 'to',
      })
      .execute();
    ids.push(id);
  }
  return ids;
}

/** Start `afterview worker` in its own process; resolves `firstOutcome` when it reports its first message. */
function startWorker(dataDir: string, env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/main.ts',
      '--data',
      dataDir,
      'worker',
      '--lease-seconds',
      '1',
      '--poll-ms',
      '100',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, TZ: 'UTC', AFTERVIEW_SECRET_KEY: KEY_HEX, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => children.delete(child));
  // Its first outcome line, or (nothing left to send) its start-up time, whichever comes first.
  const firstOutcome = new Promise<void>((resolve) => {
    child.stdout?.once('data', () => resolve());
    void exited.then(() => resolve());
    setTimeout(resolve, 10_000).unref();
  });
  child.stderr?.resume();
  return { child, firstOutcome, exited };
}

async function crashRounds(options: {
  dataDir: string;
  env: Record<string, string>;
  workers: number;
  rounds: number;
  random: () => number;
}): Promise<number> {
  let kills = 0;
  for (let round = 0; round < options.rounds; round++) {
    const running = Array.from({ length: options.workers }, () => startWorker(options.dataDir, options.env));
    // Once any of them is sending, each dies at its own random moment in the next 400 ms.
    await Promise.race(running.map((w) => w.firstOutcome));
    await Promise.all(
      running.map(async (w) => {
        await new Promise((r) => setTimeout(r, Math.floor(options.random() * 400)));
        if (w.child.exitCode === null && w.child.kill('SIGKILL')) kills += 1;
        await w.exited;
      }),
    );
    if (process.env.AFTERVIEW_CRASH_DEBUG)
      console.info(`round ${round}: ${kills} kills, ${smtp.accepted.length} accepted`);
  }
  return kills;
}

async function finalStates(store: Store, ids: string[]) {
  // Let every lease of a killed worker run out (1 s, rounded up to the second when stored, and
  // compared with a clock read truncated to the second), then one last pass in this process.
  await new Promise((r) => setTimeout(r, 3100));
  await runOutboxOnce({ db: store.db, dialect: store.dialect, box, now: () => Temporal.Now.instant() });
  const rows = await store.db
    .selectFrom('message')
    .select(['id', 'status', 'rfc_message_id', 'last_error', 'send_at', 'lease_until', 'attempts'])
    .where('id', 'in', ids)
    .execute();
  return rows;
}

function assertExactlyOnce(
  rows: { status: string; rfc_message_id: string | null; last_error: string | null; attempts: number }[],
  count: number,
) {
  const accepted = smtp.acceptedIds();
  const counts = new Map<string, number>();
  for (const id of accepted) counts.set(id, (counts.get(id) ?? 0) + 1);
  // At most once on the wire.
  expect([...counts.entries()].filter(([, n]) => n > 1)).toEqual([]);
  // Every message ended in a final state.
  expect(rows).toHaveLength(count);
  expect(
    rows.filter((r) => !['sent', 'failed', 'uncertain'].includes(r.status)).map((r) => JSON.stringify(r)),
  ).toEqual([]);
  // What is recorded sent really went out; what went out is recorded sent or uncertain, never failed.
  for (const r of rows) {
    const onWire = counts.has(r.rfc_message_id as string);
    if (r.status === 'sent') expect(onWire).toBe(true);
    if (r.status === 'failed') expect(onWire).toBe(false);
  }
  const by = (s: string) => rows.filter((r) => r.status === s).length;
  const reasons = new Map<string, number>();
  for (const r of rows.filter((x) => x.status === 'uncertain')) {
    const key = `${r.last_error?.slice(0, 50)} (attempts ${r.attempts})`;
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
  }
  return {
    sent: by('sent'),
    failed: by('failed'),
    uncertain: by('uncertain'),
    accepted: accepted.length,
    uncertainWhy: Object.fromEntries(reasons),
  };
}

const seedValue = Number(process.env.AFTERVIEW_CRASH_SEED ?? Date.now() % 100_000);

describe('outbox under SIGKILL', () => {
  it(`SQLite: 3 workers sharing the file, 15 kills, each message at most once (seed ${seedValue})`, {
    timeout: 180_000,
  }, async () => {
    smtp.reset();
    smtp.acceptDelayMs = 60;
    // Every 7th message is refused for good, so `failed` is part of the mix.
    smtp.next(
      ...Array.from({ length: 40 }, (_, i): 'accept' | 'reject' => (i % 7 === 6 ? 'reject' : 'accept')),
    );
    const dataDir = mkdtempSync(join(tmpdir(), 'afterview-crash-'));
    const store = await openStore(`sqlite:${join(dataDir, 'afterview.db')}`);
    try {
      const ids = await seed(store, 40);
      const kills = await crashRounds({ dataDir, env: {}, workers: 3, rounds: 5, random: prng(seedValue) });
      expect(kills).toBeGreaterThanOrEqual(12);
      const summary = assertExactlyOnce(await finalStates(store, ids), 40);
      console.info(`crash test [sqlite] seed ${seedValue}: ${kills} kills`, summary);
      // A claim covers one message: each killed worker leaves at most that one uncertain.
      expect(summary.uncertain).toBeLessThanOrEqual(kills);
      expect(summary.sent + summary.uncertain).toBeGreaterThan(0);
    } finally {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  const pg: Dialect = 'postgres';
  it.skipIf(!testDialects().includes(pg))(
    `PostgreSQL: 4 concurrent workers, 16 kills, each message at most once (seed ${seedValue})`,
    { timeout: 180_000 },
    async () => {
      smtp.reset();
      smtp.acceptDelayMs = 60;
      const adminUrl = inject('pgAdminUrl');
      const name = `afterview_crash_${randomUUID().replaceAll('-', '')}`;
      const { default: pgLib } = await import('pg');
      const admin = new pgLib.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
      const url = withDatabase(adminUrl, name);
      const dataDir = mkdtempSync(join(tmpdir(), 'afterview-crash-'));
      const store = await openStore(url);
      try {
        const ids = await seed(store, 60);
        const kills = await crashRounds({
          dataDir,
          env: { DATABASE_URL: url },
          workers: 4,
          rounds: 4,
          random: prng(seedValue + 1),
        });
        expect(kills).toBeGreaterThanOrEqual(12);
        const summary = assertExactlyOnce(await finalStates(store, ids), 60);
        console.info(`crash test [postgres] seed ${seedValue}: ${kills} kills`, summary);
        expect(summary.uncertain).toBeLessThanOrEqual(kills);
      } finally {
        await store.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
