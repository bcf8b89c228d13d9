import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { at, createTestContext } from '../../../test/context';
import { CLEAN_BODY, draftTo, opportunityWithRecruiter, TEST_BOX } from '../../../test/mail/outbox-fixtures';
import { smtpHarnessPerFile } from '../../../test/mail/smtp-harness-per-file';
import { createTestStore, describeEachDialect } from '../../../test/store';
import { MAX_ATTEMPTS } from '../../core/mail/backoff';
import { Temporal } from '../../core/time';
import type { ServiceContext } from '../context';
import { listEvents } from '../events/event.repository';
import { setSmtpUrl, updateMailIdentity } from '../mail/mail.service';
import { startMailBackground } from './background';
import { claimDue } from './outbox.repository';
import { getOutboxEntry, listOutbox, scheduleSend, sendNow } from './outbox.service';
import { runOutboxOnce } from './outbox.worker';

const smtp = smtpHarnessPerFile();

describeEachDialect('outbox', (t) => {
  const deps = () => ({ dialect: t.dialect, box: TEST_BOX });
  const worker = (ctx: ServiceContext) =>
    runOutboxOnce({
      db: ctx.db,
      dialect: t.dialect,
      box: TEST_BOX,
      now: () => ctx.now,
      accountId: ctx.actor.accountId,
    });

  async function connected() {
    const ctx = await createTestContext(t.store);
    await setSmtpUrl(ctx, TEST_BOX, `${smtp.url}&from=${encodeURIComponent('Jo Díaz <jo@example.test>')}`);
    await updateMailIdentity(ctx, { signature: 'Jo Díaz\n+1 555 0100' });
    const opp = await opportunityWithRecruiter(ctx);
    return { ctx, opp };
  }

  it('sends now: one message with the stored Message-ID, text + HTML alternative and the signature', async () => {
    const { ctx, opp } = await connected();
    const draft = await draftTo(ctx, opp, { subject: 'Merci — thank you, Dana' });
    const { message } = await sendNow(ctx, deps(), draft.id);
    expect(message).toMatchObject({
      status: 'sent',
      sentAt: '2026-12-01T17:00:00Z',
      attempts: 1,
      lastError: null,
    });
    expect(message.rfcMessageId).toMatch(/^<[0-9a-z]+\.[0-9a-f]{24}@example\.test>$/);
    expect(smtp.acceptedIds()).toEqual([message.rfcMessageId]);
    const sent = smtp.accepted[0];
    expect(sent?.to).toEqual(['dana@northwind.example']);
    const parsed = await simpleParser(sent?.raw ?? '');
    expect(parsed.subject).toBe('Merci — thank you, Dana');
    expect(parsed.from?.value).toEqual([{ name: 'Jo Díaz', address: 'jo@example.test' }]);
    expect(parsed.text).toBe(`${CLEAN_BODY}\n\n-- \nJo Díaz\n+1 555 0100\n`);
    expect(parsed.html).toContain('<p>Dear Dana,</p>');
    expect(parsed.html).toContain('<p class="signature">-- <br>\nJo Díaz<br>\n+1 555 0100</p>');
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    const events = await listEvents(ctx.db, ctx.actor.accountId, opp.id);
    expect(events.map((e) => e.kind)).toEqual(['opportunity-created', 'message-scheduled', 'message-sent']);
  });

  it('retries a 4xx with backoff, keeping the Message-ID, and sends it once', async () => {
    const { ctx, opp } = await connected();
    const draft = await draftTo(ctx, opp);
    smtp.next('defer');
    const first = await sendNow(ctx, deps(), draft.id);
    expect(first.message).toMatchObject({ status: 'scheduled', attempts: 1, sendAt: '2026-12-01T17:01:00Z' });
    expect(first.message.lastError).toMatch(/451 4\.3\.0 Mailbox busy/);
    expect(smtp.accepted).toHaveLength(0);
    // Not yet due 59 s later; due after a minute.
    expect((await worker(at(ctx, '2026-12-01T17:00:59Z'))).claimed).toBe(0);
    const later = await worker(at(ctx, '2026-12-01T17:01:00Z'));
    expect(later).toMatchObject({ claimed: 1, sent: 1 });
    const done = await getOutboxEntry(ctx, draft.id);
    expect(done).toMatchObject({ status: 'sent', attempts: 2, rfcMessageId: first.message.rfcMessageId });
    expect(smtp.acceptedIds()).toEqual([first.message.rfcMessageId]);
  });

  it(`gives up after ${MAX_ATTEMPTS} temporary failures`, async () => {
    const { ctx, opp } = await connected();
    const draft = await draftTo(ctx, opp);
    smtp.fallback = 'defer';
    await sendNow(ctx, deps(), draft.id);
    let now = Temporal.Instant.from('2026-12-01T17:00:00Z');
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      now = now.add({ hours: 13 });
      await worker(at(ctx, now.toString()));
    }
    const m = await getOutboxEntry(ctx, draft.id);
    expect(m.status).toBe('failed');
    expect(m.attempts).toBe(MAX_ATTEMPTS);
    expect(m.lastError).toMatch(new RegExp(`^Gave up after ${MAX_ATTEMPTS} attempts: .*451`));
    expect(smtp.accepted).toHaveLength(0);
  });

  it("fails a 5xx at once with the server's reason and never retries it", async () => {
    const { ctx, opp } = await connected();
    const draft = await draftTo(ctx, opp);
    smtp.next('reject');
    const { message } = await sendNow(ctx, deps(), draft.id);
    expect(message.status).toBe('failed');
    expect(message.lastError).toBe(
      `127.0.0.1:${smtp.port} answered: 554 5.7.1 Message rejected as spam by content filter`,
    );
    expect((await worker(at(ctx, '2026-12-03T17:00:00Z'))).claimed).toBe(0);
    expect(smtp.accepted).toHaveLength(0);
    const kinds = (await listEvents(ctx.db, ctx.actor.accountId, opp.id)).map((e) => e.kind);
    expect(kinds).toContain('message-failed');
  });

  it('retries a connection dropped before the data, but marks one dropped after the data uncertain', async () => {
    const { ctx, opp } = await connected();
    const a = await draftTo(ctx, opp, { subject: 'a' });
    smtp.next('drop-before-data');
    expect((await sendNow(ctx, deps(), a.id)).message.status).toBe('scheduled');
    const b = await draftTo(ctx, opp, { subject: 'b' });
    smtp.next('drop-after-data');
    const uncertain = (await sendNow(ctx, deps(), b.id)).message;
    expect(uncertain.status).toBe('uncertain');
    expect(uncertain.lastError).toMatch(/^Connection lost/);
    await worker(at(ctx, '2026-12-02T17:00:00Z'));
    expect((await getOutboxEntry(ctx, a.id)).status).toBe('sent');
    expect((await getOutboxEntry(ctx, b.id)).status).toBe('uncertain');
    expect(smtp.acceptedIds()).toEqual([(await getOutboxEntry(ctx, a.id)).rfcMessageId]);
  });

  it("schedules for later in the user's zone and sends only when due", async () => {
    const { ctx, opp } = await connected();
    const draft = await draftTo(ctx, opp);
    // The test account lives in America/Los_Angeles: 08:30 there is 16:30Z.
    const { message } = await scheduleSend(ctx, deps(), draft.id, { at: '2026-12-02T08:30' });
    expect(message).toMatchObject({ status: 'scheduled', sendAt: '2026-12-02T16:30:00Z' });
    expect((await worker(at(ctx, '2026-12-02T16:29:59Z'))).sent).toBe(0);
    expect((await worker(at(ctx, '2026-12-02T16:30:00Z'))).sent).toBe(1);
    expect((await listOutbox(ctx)).map((m) => m.status)).toEqual(['sent']);
  });

  it('refuses a note with checker errors unless forced, and changes nothing', async () => {
    const { ctx, opp } = await connected();
    const draft = await draftTo(ctx, opp, {
      body: 'Dear {{name}},\n\nThank you for your time at Northwind Labs.\n\nJo',
    });
    await expect(scheduleSend(ctx, deps(), draft.id)).rejects.toMatchObject({
      code: 'check-failed',
      findings: expect.arrayContaining([expect.objectContaining({ rule: 'placeholder', severity: 'error' })]),
    });
    expect((await getOutboxEntry(ctx, draft.id)).status).toBe('draft');
    const forced = await scheduleSend(ctx, deps(), draft.id, { force: true });
    expect(forced.message.status).toBe('scheduled');
  });

  it('refuses without a connected mail server, and will not send a sent message again', async () => {
    const ctx = await createTestContext(t.store);
    const opp = await opportunityWithRecruiter(ctx);
    const draft = await draftTo(ctx, opp);
    await expect(scheduleSend(ctx, deps(), draft.id)).rejects.toThrow(/No mail server is connected/);
    await setSmtpUrl(ctx, TEST_BOX, `${smtp.url}&from=jo@example.test`);
    await sendNow(ctx, deps(), draft.id);
    await expect(scheduleSend(ctx, deps(), draft.id)).rejects.toThrow(
      /is already sent; it will not be sent again/,
    );
    expect(smtp.accepted).toHaveLength(1);
  });

  it('turns a claim whose lease ended into uncertain, never resending it', async () => {
    const { ctx, opp } = await connected();
    const draft = await draftTo(ctx, opp);
    await scheduleSend(ctx, deps(), draft.id);
    // A worker claims it and dies before sending (no outcome is recorded).
    const claimed = await claimDue(ctx.db, t.dialect, {
      now: '2026-12-01T17:00:00Z',
      leaseUntil: '2026-12-01T17:05:00Z',
      limit: 10,
    });
    expect(claimed.map((r) => r.id)).toEqual([draft.id]);
    expect((await worker(at(ctx, '2026-12-01T17:04:59Z'))).expired).toBe(0);
    const report = await worker(at(ctx, '2026-12-01T17:05:01Z'));
    expect(report).toMatchObject({ expired: 1, uncertain: 1, sent: 0, claimed: 0 });
    const m = await getOutboxEntry(ctx, draft.id);
    expect(m.status).toBe('uncertain');
    expect(m.lastError).toMatch(/may or may not have accepted/);
    expect(smtp.accepted).toHaveLength(0);
  });

  it('gives concurrent claims disjoint messages, each at most its limit', async () => {
    const { ctx, opp } = await connected();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const d = await draftTo(ctx, opp, { subject: `n${i}` });
      await t.store.db
        .updateTable('message')
        .set({ status: 'scheduled', send_at: '2026-12-01T17:00:00Z', rfc_message_id: `<n${i}@example.test>` })
        .where('id', '=', d.id)
        .execute();
      ids.push(d.id);
    }
    const claim = () =>
      claimDue(ctx.db, t.dialect, {
        now: '2026-12-01T17:00:00Z',
        leaseUntil: '2026-12-01T17:05:00Z',
        limit: 5,
      });
    const batches = await Promise.all([claim(), claim(), claim(), claim()]);
    // Each claim takes at most its limit (a LIMIT … SKIP LOCKED subquery re-run per row would take all).
    expect(batches.map((b) => b.length).every((n) => n <= 5)).toBe(true);
    const got = batches.flat().map((r) => r.id);
    expect(new Set(got).size).toBe(got.length);
    expect(got.sort()).toEqual([...ids].sort());
    expect(batches.flat().every((r) => r.status === 'sending' && r.attempts === 1)).toBe(true);
  });
});

describe('background mail work', () => {
  it('sends a scheduled message from the background loop and stops cleanly', async () => {
    const store = await createTestStore('sqlite');
    try {
      const ctx = await createTestContext(store);
      await setSmtpUrl(ctx, TEST_BOX, `${smtp.url}&from=jo@example.test`);
      const opp = await opportunityWithRecruiter(ctx);
      const draft = await draftTo(ctx, opp);
      await scheduleSend(ctx, { box: TEST_BOX }, draft.id);
      const bg = startMailBackground({
        db: store.db,
        dialect: 'sqlite',
        box: TEST_BOX,
        now: () => ctx.now,
        pollMs: 20,
        syncEveryMs: 0,
      });
      for (let i = 0; i < 100 && (await getOutboxEntry(ctx, draft.id)).status !== 'sent'; i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      await bg.stop();
      expect((await getOutboxEntry(ctx, draft.id)).status).toBe('sent');
      expect(smtp.accepted).toHaveLength(1);
    } finally {
      await store.close();
    }
  });
});
