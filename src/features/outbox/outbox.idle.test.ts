/**
 * An idle outbox poll reads and writes nothing: it asks "anything due, any claim expired?" with a
 * plain read before opening any write transaction, so an idle SQLite server no longer takes the
 * write lock every 5 s (and never waits for it behind another process's write).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/context';
import { draftTo, opportunityWithRecruiter, TEST_BOX } from '../../../test/mail/outbox-fixtures';
import { describeEachDialect } from '../../../test/store';
import { formatInstant, Temporal } from '../../core/time';
import { openStore } from '../../db/connect';
import { outboxWork } from './outbox.repository';
import { runOutboxOnce } from './outbox.worker';

describeEachDialect('outbox: is there work?', (t) => {
  it('says no for drafts and future sends, yes for a due send or an ended lease, per account', async () => {
    const ctx = await createTestContext(t.store);
    const opp = await opportunityWithRecruiter(ctx);
    const draft = await draftTo(ctx, opp);
    const now = formatInstant(ctx.now);
    const later = formatInstant(ctx.now.add({ hours: 1 }));
    const earlier = formatInstant(ctx.now.subtract({ minutes: 1 }));
    const set = (patch: { status: 'scheduled' | 'sending'; send_at?: string; lease_until?: string }) =>
      t.store.db.updateTable('message').set(patch).where('id', '=', draft.id).execute();

    expect(await outboxWork(t.store.db, { now })).toEqual({ due: false, expired: false });
    await set({ status: 'scheduled', send_at: later });
    expect(await outboxWork(t.store.db, { now })).toEqual({ due: false, expired: false });
    await set({ status: 'scheduled', send_at: earlier });
    expect(await outboxWork(t.store.db, { now })).toEqual({ due: true, expired: false });
    expect(await outboxWork(t.store.db, { now, accountId: 'someone-else' })).toEqual({
      due: false,
      expired: false,
    });
    expect(await outboxWork(t.store.db, { now, messageId: 'another-message' })).toMatchObject({ due: false });
    await set({ status: 'sending', lease_until: later });
    expect(await outboxWork(t.store.db, { now })).toEqual({ due: false, expired: false });
    await set({ status: 'sending', lease_until: earlier });
    expect(await outboxWork(t.store.db, { now })).toEqual({ due: false, expired: true });
  });
});

describe('outbox: an idle poll on SQLite', () => {
  it('completes promptly while another connection holds the write lock, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'afterview-idle-'));
    const file = join(dir, 'afterview.db');
    const store = await openStore(`sqlite:${file}`);
    const holder = new Sqlite(file);
    try {
      const ctx = await createTestContext(store);
      const opp = await opportunityWithRecruiter(ctx);
      const draft = await draftTo(ctx, opp);
      // Scheduled for tomorrow: present, not due.
      await store.db
        .updateTable('message')
        .set({ status: 'scheduled', send_at: formatInstant(ctx.now.add({ hours: 24 })) })
        .where('id', '=', draft.id)
        .execute();
      holder.pragma('busy_timeout = 0');
      holder.exec('BEGIN IMMEDIATE');
      const version = holder.pragma('data_version', { simple: true });
      for (let pass = 0; pass < 2; pass += 1) {
        const started = performance.now();
        const report = await runOutboxOnce({
          db: store.db,
          dialect: 'sqlite',
          box: TEST_BOX,
          now: () => Temporal.Instant.from(ctx.now.toString()),
        });
        const ms = performance.now() - started;
        // busy_timeout is 5 s: a pass that asked for the write lock would wait that long, then fail.
        expect(ms).toBeLessThan(3_000); // far from the 5 s a wait for the lock takes, even on a busy machine
        expect(report.claimed + report.expired).toBe(0);
      }
      expect(holder.pragma('data_version', { simple: true })).toBe(version);
      holder.exec('ROLLBACK');
      const row = await store.db
        .selectFrom('message')
        .select(['status', 'attempts', 'lease_until'])
        .where('id', '=', draft.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'scheduled', attempts: 0, lease_until: null });
    } finally {
      holder.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
