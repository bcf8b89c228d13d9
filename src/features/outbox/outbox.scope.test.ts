/**
 * PostgreSQL: the outbox worker acts per account in that account's row-level security scope.
 * A trigger (added for the test) refuses any write to a message, an event or a system mail made
 * under another scope than the row's own account: the worker with `forAccount` sends two
 * accounts' notes (and turns an ended lease into `uncertain`) without tripping it, and the same
 * run on the cross-account handle alone is refused, so the test can fail.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/context';
import { testDialects } from '../../../test/dialects';
import { draftTo, opportunityWithRecruiter, TEST_BOX } from '../../../test/mail/outbox-fixtures';
import { type SmtpHarness, startSmtpHarness } from '../../../test/mail/smtp-harness';
import { createTestStore } from '../../../test/store';
import { formatInstant } from '../../core/time';
import type { Store } from '../../db/connect';
import type { ServiceContext } from '../context';
import { setSmtpUrl } from '../mail/mail.service';
import { runOutboxOnce } from './outbox.worker';

let smtp: SmtpHarness;
beforeAll(async () => {
  smtp = await startSmtpHarness();
});
afterAll(async () => {
  await smtp.close();
});
beforeEach(() => smtp.reset());

describe.skipIf(!testDialects().includes('postgres'))('outbox in each account scope [postgres]', () => {
  async function setUp(store: Store) {
    await sql`create function afterview_test_scope() returns trigger language plpgsql as $$
      begin
        if current_setting('app.account_id', true) is distinct from new.account_id then
          raise exception 'write to % of account % under scope "%"', tg_table_name, new.account_id,
            coalesce(current_setting('app.account_id', true), '');
        end if;
        return new;
      end $$`.execute(store.db);
    for (const table of ['message', 'event', 'system_mail'])
      await sql`create trigger afterview_test_scope before insert or update on ${sql.table(table)}
        for each row execute function afterview_test_scope()`.execute(store.db);
  }

  /** A due note (and one whose claim's lease ended) in the account. */
  async function dueNotes(store: Store, ctx: ServiceContext) {
    await setSmtpUrl(ctx, TEST_BOX, `${smtp.url}&from=jo@example.test`);
    const opp = await opportunityWithRecruiter(ctx);
    const due = await draftTo(ctx, opp);
    const stale = await draftTo(ctx, opp, { subject: 'Earlier' });
    const now = formatInstant(ctx.now);
    await store.db
      .updateTable('message')
      .set({ status: 'scheduled', send_at: now, rfc_message_id: `<${randomUUID()}@example.test>` })
      .where('id', '=', due.id)
      .execute();
    await store.db
      .updateTable('message')
      .set({
        status: 'sending',
        attempts: 1,
        lease_until: formatInstant(ctx.now.subtract({ minutes: 1 })),
        rfc_message_id: `<${randomUUID()}@example.test>`,
      })
      .where('id', '=', stale.id)
      .execute();
    return { due: due.id, stale: stale.id };
  }

  it('sends two accounts’ notes and expires a lease, every write under the row’s own account', async () => {
    const store = await createTestStore('postgres');
    try {
      const a = await createTestContext(store);
      const b = await createTestContext(store);
      const notesA = await dueNotes(store, a);
      const notesB = await dueNotes(store, b);
      await setUp(store);

      const cfg = { db: store.db, dialect: 'postgres' as const, box: TEST_BOX, now: () => a.now };
      // The cross-account handle alone trips the trigger: the test can fail.
      await expect(runOutboxOnce(cfg)).rejects.toThrow(/under scope ""/);

      const report = await runOutboxOnce({ ...cfg, forAccount: store.forAccount });
      expect(report).toMatchObject({ sent: 2, expired: 2, failed: 0 });
      const status = async (id: string) =>
        (await store.db.selectFrom('message').select('status').where('id', '=', id).executeTakeFirst())
          ?.status;
      expect(await status(notesA.due)).toBe('sent');
      expect(await status(notesB.due)).toBe('sent');
      expect(await status(notesA.stale)).toBe('uncertain');
      expect(await status(notesB.stale)).toBe('uncertain');
      expect(smtp.accepted).toHaveLength(2);
    } finally {
      await store.close();
    }
  });
});
