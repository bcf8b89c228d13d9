/**
 * Outbox benchmark, all in one run against the same loopback SMTP server (smtp-server):
 *  1. the server's raw accept rate: a plain nodemailer loop sending N messages over one
 *     connection (and, for reference, four connections at once);
 *  2. N scheduled messages sent by 4 outbox workers (claim with a lease, send, record, event),
 *     as a ratio of (1) (target ≥ 50%), and the duplicates the server saw (must be 0).
 * A missed target is reported, not fatal; a duplicate makes the run exit 1.
 *
 *   node --import tsx bench/outbox.bench.ts [--n 10000] [--workers 4] [--batch 1]
 *   DATABASE_URL=postgres://… node --import tsx bench/outbox.bench.ts   # PostgreSQL instead of SQLite
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import nodemailer from 'nodemailer';
import { Temporal } from '../src/core/time';
import { openStore } from '../src/db/connect';
import { runOutboxLoop } from '../src/features/outbox/outbox.worker';
import { secretBoxFromKey } from '../src/features/secrets/secret-box';
import { seedDueNotes } from '../test/mail/due-notes';
import { startSmtpHarness } from '../test/mail/smtp-harness';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : fallback;
};
const N = arg('n', 10_000);
const WORKERS = arg('workers', 4);
const BATCH = arg('batch', 1);
const NOW = Temporal.Instant.from('2026-11-01T00:00:00Z');
const box = secretBoxFromKey(Buffer.alloc(32, 5));

const BODY =
  'Dear Dana,\n\nThank you for walking me through the platform team at Northwind Labs today. ' +
  'I enjoyed our conversation about the migration to event sourcing, and the problem you raised ' +
  'about replaying old events made me think of a small proposal I would be glad to share.\n\nBest regards,\nJo';

async function plainLoop(port: number, n: number, connections: number): Promise<number> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    ignoreTLS: true,
    pool: true,
    maxConnections: connections,
    maxMessages: Number.POSITIVE_INFINITY,
    logger: false,
  });
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < n) {
        const i = next++;
        await transport.sendMail({
          from: 'Jo <jo@example.test>',
          to: 'Dana Whitfield <dana@northwind.example>',
          subject: `Thank you, Dana (${i})`,
          text: BODY,
          html: `<p>${BODY.replaceAll('\n\n', '</p><p>')}</p>`,
          messageId: `<plain.${connections}.${i}@example.test>`,
        });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  return n / seconds;
}

async function main(): Promise<void> {
  const smtp = await startSmtpHarness();
  const dataDir = mkdtempSync(join(tmpdir(), 'afterview-outbox-bench-'));
  const url = process.env.DATABASE_URL || `sqlite:${join(dataDir, 'afterview.db')}`;
  const store = await openStore(url);
  try {
    console.log(
      `Outbox bench: ${N} messages, ${WORKERS} workers (claim batch ${BATCH}), ${store.dialect}, ${availableParallelism()} cores, load ${loadavg()[0]?.toFixed(2)}`,
    );
    // Warm-up: JIT and the server's code paths.
    await plainLoop(smtp.port, Math.min(200, N), 1);
    const plain1 = await plainLoop(smtp.port, N, 1);
    const plain4 = await plainLoop(smtp.port, N, 4);
    smtp.reset();

    await seedDueNotes(store, {
      count: N,
      smtpUrl: `${smtp.url}&from=${encodeURIComponent('Jo <jo@example.test>')}`,
      box,
      now: NOW,
      tag: 'bench',
      kind: 'thank-you',
      recruiter: 'Dana Whitfield <dana@northwind.example>',
      subject: (i) => `Thank you, Dana (${i})`,
      body: () => BODY,
    });

    // Fresh statistics, as autovacuum would gather within a minute of a burst: without them
    // PostgreSQL guesses a handful of due rows and sorts all 10,000 on every claim.
    await sql`analyze`.execute(store.db);

    const stop = new AbortController();
    const started = performance.now();
    const loops = Array.from({ length: WORKERS }, () =>
      runOutboxLoop({
        db: store.db,
        dialect: store.dialect,
        box,
        now: () => Temporal.Now.instant(),
        batchSize: BATCH,
        pollMs: 20,
        signal: stop.signal,
      }),
    );
    // Stop once nothing is left to send.
    for (;;) {
      await new Promise((r) => setTimeout(r, 100));
      const left = await store.db
        .selectFrom('message')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', 'in', ['scheduled', 'sending'])
        .executeTakeFirstOrThrow();
      if (Number(left.n) === 0) break;
    }
    const seconds = (performance.now() - started) / 1000;
    stop.abort();
    const reports = await Promise.all(loops);
    const outboxRate = N / seconds;

    const counts = new Map<string, number>();
    for (const id of smtp.acceptedIds()) counts.set(id, (counts.get(id) ?? 0) + 1);
    const duplicates = [...counts.values()].filter((c) => c > 1).length;
    const states = await store.db
      .selectFrom('message')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    const ratio = outboxRate / plain1;

    console.log('');
    console.log(`  plain nodemailer loop, 1 connection     ${plain1.toFixed(0)} msg/s`);
    console.log(`  plain nodemailer loop, 4 connections    ${plain4.toFixed(0)} msg/s (reference)`);
    console.log(
      `  outbox, ${WORKERS} workers                      ${outboxRate.toFixed(0)} msg/s = ${(ratio * 100).toFixed(0)}% of the plain loop (target ≥ 50%)${ratio >= 0.5 ? '' : '  MISSED'}; ${((outboxRate / plain4) * 100).toFixed(0)}% of 4 connections`,
    );
    console.log(`  accepted by the server                  ${smtp.accepted.length} of ${N}`);
    console.log(`  duplicates                              ${duplicates} (must be 0)`);
    console.log(
      `  final states                            ${states.map((s) => `${s.status} ${s.n}`).join(', ')}`,
    );
    console.log(`  worker reports (sent)                   ${reports.map((r) => r.sent).join(' + ')}`);
    if (duplicates > 0 || smtp.accepted.length !== N) process.exitCode = 1;
  } finally {
    await store.close();
    await smtp.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
