/**
 * IMAP polling load, for docs/scaling.md: what one reply-detection pass costs when nothing new
 * has arrived (the common case: most polls find nothing), against a real Dovecot on loopback.
 * A pass is connect, log in, open INBOX read-only, UID SEARCH past the last UID seen, log out.
 * Reported: wall time per pass, one at a time and `--concurrency` at once, and this process's CPU
 * per pass — the worker's cost, independent of the network's round trips.
 * Needs dovecot-imapd (Debian); skipped without it.
 *
 *   node --import tsx bench/imap-poll.bench.ts [--passes 200] [--concurrency 10]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Temporal } from '../src/core/time';
import { openStore } from '../src/db/connect';
import { ensureLocalAccount } from '../src/features/accounts/account.service';
import { setImapUrl } from '../src/features/mail/mail.service';
import { syncReplies } from '../src/features/replies/replies.service';
import { secretBoxFromKey } from '../src/features/secrets/secret-box';
import { dovecotSkipReason, startDovecot } from '../test/mail/dovecot-harness';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : fallback;
};
const PASSES = arg('passes', 200);
const CONCURRENCY = arg('concurrency', 10);
const NOW = Temporal.Instant.from('2026-11-26T09:00:00Z');

const missing = dovecotSkipReason();
if (missing) {
  console.log(`imap-poll bench: skipped (${missing})`);
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'afterview-imap-bench-'));
const dovecot = await startDovecot();
const store = await openStore(`sqlite:${join(dir, 'afterview.db')}`);
try {
  const box = secretBoxFromKey(Buffer.alloc(32, 7));
  const actor = await ensureLocalAccount(store.db, NOW);
  const ctx = { db: store.db, actor, now: NOW };
  await setImapUrl(ctx, box, dovecot.url);
  await syncReplies(ctx, box); // the first pass reads the recent past; later ones only what is new
  const run = async (concurrency: number) => {
    let next = 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next++ < PASSES) await syncReplies(ctx, box);
      }),
    );
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return {
      perPass: wall / PASSES,
      perSecond: (PASSES * 1000) / wall,
      cpuMs: (cpu.user + cpu.system) / 1000 / PASSES,
    };
  };
  for (const c of [1, CONCURRENCY]) {
    const r = await run(c);
    console.log(
      `${PASSES} passes with nothing new, ${c} at once: ${r.perPass.toFixed(1)} ms each, ${r.perSecond.toFixed(0)} passes/s, worker CPU ${r.cpuMs.toFixed(2)} ms/pass`,
    );
  }
} finally {
  await store.close();
  await dovecot.stop();
  rmSync(dir, { recursive: true, force: true });
}
