/**
 * Fair claiming: one account's thousand scheduled notes do not starve another account's one
 * note, and no claim takes two accounts' messages in one statement or transaction.
 */
import { expect, it } from 'vitest';
import { createTestContext } from '../../../test/context';
import { TEST_BOX } from '../../../test/mail/outbox-fixtures';
import { describeEachDialect } from '../../../test/store';
import { Temporal } from '../../core/time';
import { newId } from '../../db/ids';
import type { NewMessageRow } from '../../db/tables/message.table';
import { claimDue } from './outbox.repository';
import { runOutboxOnce } from './outbox.worker';

const NOW = '2026-12-01T17:00:00Z';

/** `n` scheduled outbound notes of one account, due a second apart from `firstDue`. */
const scheduled = (accountId: string, n: number, firstDue: Temporal.Instant): NewMessageRow[] =>
  Array.from({ length: n }, (_, i) => ({
    id: newId(),
    account_id: accountId,
    kind: 'check-in',
    direction: 'out',
    subject: `Note ${i}`,
    body: 'Hello',
    status: 'scheduled',
    send_at: firstDue.add({ seconds: i }).toString(),
    rfc_message_id: `<${accountId}-${i}@example.test>`,
    attempts: 0,
    created_at: NOW,
    updated_at: NOW,
  }));

describeEachDialect('fair outbox claiming', (t) => {
  /** Account A: 1000 notes due since the morning; account B: one note due just now (the newest). */
  const busyAndQuiet = async () => {
    const a = (await createTestContext(t.store)).actor.accountId;
    const b = (await createTestContext(t.store)).actor.accountId;
    const rows = scheduled(a, 1000, Temporal.Instant.from('2026-12-01T08:00:00Z'));
    for (let i = 0; i < rows.length; i += 100)
      await t.store.db
        .insertInto('message')
        .values(rows.slice(i, i + 100))
        .execute();
    const [bNote] = scheduled(b, 1, Temporal.Instant.from('2026-12-01T16:59:59Z'));
    if (!bNote) throw new Error('no note');
    await t.store.db.insertInto('message').values(bNote).execute();
    return { a, b, bNoteId: bNote.id };
  };

  it("claims the quiet account's one note among the first few, one claim at a time", async () => {
    const { a, bNoteId } = await busyAndQuiet();
    const order: string[] = [];
    let afterAccount: string | undefined;
    for (let i = 0; i < 5; i++) {
      const rows = await claimDue(t.store.db, t.dialect, {
        now: NOW,
        leaseUntil: '2026-12-01T17:05:00Z',
        limit: 1,
        ...(afterAccount ? { afterAccount } : {}),
      });
      order.push(...rows.map((r) => r.id));
      afterAccount = rows.at(-1)?.account_id;
    }
    expect(order).toHaveLength(5);
    expect(order.slice(0, 2)).toContain(bNoteId);
    // Within the busy account, oldest first.
    const aClaimed = await t.store.db
      .selectFrom('message')
      .select('subject')
      .where('account_id', '=', a)
      .where('status', '=', 'sending')
      .orderBy('send_at')
      .execute();
    expect(aClaimed.map((r) => r.subject)).toEqual(['Note 0', 'Note 1', 'Note 2', 'Note 3']);
  });

  it('shares a batch between the accounts, each account claimed on its own', async () => {
    const { a, b, bNoteId } = await busyAndQuiet();
    const rows = await claimDue(t.store.db, t.dialect, {
      now: NOW,
      leaseUntil: '2026-12-01T17:05:00Z',
      limit: 10,
    });
    expect(rows.map((r) => r.id)).toContain(bNoteId);
    // The quiet account's one note, and the busy account's share plus what the quiet one left.
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.account_id, (counts.get(r.account_id) ?? 0) + 1);
    expect(counts.get(b)).toBe(1);
    expect((counts.get(a) ?? 0) >= 5 && (counts.get(a) ?? 0) <= 9).toBe(true);
    // Grouped by account (one claim per account), never interleaved within one claim.
    const accountsInOrder = rows.map((r) => r.account_id).filter((x, i, all) => all[i - 1] !== x);
    expect(new Set(accountsInOrder).size).toBe(accountsInOrder.length);
  });

  it("the worker gets to the quiet account's note among its first outcomes", async () => {
    const { bNoteId } = await busyAndQuiet();
    const outcomes: string[] = [];
    // Neither account has a mail server: every note fails at once, in the order it was claimed.
    const report = await runOutboxOnce({
      db: t.store.db,
      dialect: t.dialect,
      box: TEST_BOX,
      now: () => Temporal.Instant.from(NOW),
      onOutcome: (o) => outcomes.push(o.messageId),
    });
    expect(report.claimed).toBe(1001);
    expect(outcomes.indexOf(bNoteId)).toBeGreaterThanOrEqual(0);
    expect(outcomes.indexOf(bNoteId)).toBeLessThan(3);
  }, 120_000); // 1,001 sends: 5-8 s alone, 41 s once on a machine busy with other suites
});
