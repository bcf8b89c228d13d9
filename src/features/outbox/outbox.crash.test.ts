/**
 * Crash test: worker processes (the real CLI under tsx) sending a batch are killed with SIGKILL
 * at random points, again and again, then a last pass runs. The SMTP server's log must show
 * each message at most once, and every message must end sent, failed or uncertain: none lost,
 * none sent twice. On SQLite three workers share the file; on PostgreSQL four claim with
 * SKIP LOCKED.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnNode } from '../../../test/child-process';
import { testDialects } from '../../../test/dialects';
import { hostedDatabase } from '../../../test/hosted-process';
import { seedDueNotes } from '../../../test/mail/due-notes';
import { smtpHarnessPerFile } from '../../../test/mail/smtp-harness-per-file';
import { Temporal } from '../../core/time';
import { type Dialect, openStore, type Store } from '../../db/connect';
import { secretBoxFromKey } from '../secrets/secret-box';
import { runOutboxOnce } from './outbox.worker';

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

const smtp = smtpHarnessPerFile();
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

const seed = (store: Store, count: number) =>
  seedDueNotes(store, { count, smtpUrl: `${smtp.url}&from=jo@example.test`, box, now: NOW, tag: 'crash' });

/** Start `afterview worker` in its own process; resolves `firstOutcome` when it reports its first message. */
function startWorker(dataDir: string, env: Record<string, string>) {
  const { child, exited } = spawnNode(
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
    { TZ: 'UTC', AFTERVIEW_SECRET_KEY: KEY_HEX, ...env },
  );
  children.add(child);
  void exited.then(() => children.delete(child));
  // Its first outcome line, or (nothing left to send) its start-up time, whichever comes first.
  const firstOutcome = new Promise<void>((resolve) => {
    child.stdout?.once('data', () => resolve());
    void exited.then(() => resolve());
    setTimeout(resolve, 10_000).unref();
  });
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
    const db = await hostedDatabase('sqlite');
    const store = await openStore(`sqlite:${join(db.dataDir, 'afterview.db')}`);
    try {
      const ids = await seed(store, 40);
      const kills = await crashRounds({
        dataDir: db.dataDir,
        env: db.env,
        workers: 3,
        rounds: 5,
        random: prng(seedValue),
      });
      expect(kills).toBeGreaterThanOrEqual(12);
      const summary = assertExactlyOnce(await finalStates(store, ids), 40);
      console.info(`crash test [sqlite] seed ${seedValue}: ${kills} kills`, summary);
      // A claim covers one message: each killed worker leaves at most that one uncertain.
      expect(summary.uncertain).toBeLessThanOrEqual(kills);
      expect(summary.sent + summary.uncertain).toBeGreaterThan(0);
    } finally {
      await store.close();
      await db.drop();
    }
  });

  const pg: Dialect = 'postgres';
  it.skipIf(!testDialects().includes(pg))(
    `PostgreSQL: 4 concurrent workers, 16 kills, each message at most once (seed ${seedValue})`,
    { timeout: 180_000 },
    async () => {
      smtp.reset();
      smtp.acceptDelayMs = 60;
      const db = await hostedDatabase(pg);
      const store = await openStore(db.env.DATABASE_URL ?? '');
      try {
        const ids = await seed(store, 60);
        const kills = await crashRounds({
          dataDir: db.dataDir,
          env: db.env,
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
        await db.drop();
      }
    },
  );
});
