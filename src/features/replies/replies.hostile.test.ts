/**
 * Reply detection against hostile and rebuilt mailboxes on a real Dovecot (Debian package
 * dovecot-imapd; skipped when it is missing unless AFTERVIEW_REQUIRE_SYSTEM_DEPS=1): a message
 * mailparser cannot read is skipped and recorded, not a stop for good; a mailbox rebuilt under a
 * new UIDVALIDITY records no reply, auto-reply or bounce a second time.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { at, createTestContext } from '../../../test/context';
import { type DovecotServer, dovecotSkipReason, startDovecot } from '../../../test/mail/dovecot-harness';
import { appendMail, bounceMail, plainMail } from '../../../test/mail/imap-mail';
import { draftTo, opportunityWithRecruiter, TEST_BOX } from '../../../test/mail/outbox-fixtures';
import { type SmtpHarness, startSmtpHarness } from '../../../test/mail/smtp-harness';
import { describeEachDialect } from '../../../test/store';
import { listEvents } from '../events/event.repository';
import { addInterview } from '../interviews/interview.service';
import { setImapUrl, setSmtpUrl } from '../mail/mail.service';
import { listMessages } from '../messages/message.service';
import { sendNow } from '../outbox/outbox.service';
import { listUnreadable } from './replies.repository';
import { syncReplies } from './replies.service';

const skip = dovecotSkipReason();
if (skip) console.warn(`hostile reply-detection tests skipped: ${skip}`);

/** 2.3 MB of header lines and no blank line: past mailparser's 1 MiB header limit. */
function hugeHeaderMail(): string {
  const filler = Array.from({ length: 30_000 }, (_, i) => `X-Filler-${i}: ${'a'.repeat(60)}`);
  return [
    'From: spam@elsewhere.example',
    'Subject: huge',
    'Message-ID: <huge@elsewhere.example>',
    ...filler,
    '',
  ].join('\n');
}

/** 1,100 MIME parts: past mailparser's 1,000 child nodes. */
function manyPartsMail(): string {
  const parts = Array.from({ length: 1_100 }, (_, i) => `--B\nContent-Type: text/plain\n\npart ${i}\n`);
  return [
    'From: spam@elsewhere.example',
    'Subject: many parts',
    'Message-ID: <many@elsewhere.example>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="B"',
    '',
    ...parts,
    '--B--',
    '',
  ].join('\n');
}

let smtp: SmtpHarness;
beforeAll(async () => {
  smtp = await startSmtpHarness();
});
afterAll(async () => {
  await smtp.close();
});

describeEachDialect(`reply detection on hostile mailboxes${skip ? ` (skipped: ${skip})` : ''}`, (t) => {
  let dovecot: DovecotServer;
  beforeEach(async (c) => {
    if (skip) c.skip();
    smtp.reset();
    dovecot = await startDovecot();
  });
  afterEach(async () => {
    await dovecot?.stop();
  });

  async function setup() {
    const ctx = await createTestContext(t.store);
    await setSmtpUrl(ctx, TEST_BOX, `${smtp.url}&from=jo@example.test`);
    await setImapUrl(ctx, TEST_BOX, dovecot.url);
    const opp = await opportunityWithRecruiter(ctx);
    const interview = await addInterview(ctx, {
      opportunityId: opp.id,
      start: '2026-11-30T18:00:00Z',
      end: '2026-11-30T19:00:00Z',
      interviewers: ['Priya Raman <priya@northwind.example>'],
    });
    const priya = interview.participants[0]?.contactId as string;
    const note = (await sendNow(ctx, { dialect: t.dialect, box: TEST_BOX }, (await draftTo(ctx, opp)).id))
      .message;
    return { ctx, opp, priya, sentId: note.rfcMessageId as string };
  }

  it('skips and records a message it cannot parse, moves past it, and still records the reply after it', async () => {
    const { ctx, opp, sentId } = await setup();
    const [hugeUid, manyUid] = await appendMail(
      dovecot,
      'INBOX',
      hugeHeaderMail(),
      manyPartsMail(),
      plainMail({
        from: 'dana@northwind.example',
        subject: 'Re: Thank you',
        messageId: '<real@northwind.example>',
        inReplyTo: sentId,
      }),
    );
    const report = await syncReplies(at(ctx, '2026-12-02T18:00:00Z'), TEST_BOX);
    expect(report.replies).toBe(1);
    expect(report.unreadable.map((u) => [u.uid, u.reason])).toEqual([
      [hugeUid, expect.stringMatching(/header size/i)],
      [manyUid, expect.stringMatching(/child nodes/i)],
    ]);
    expect(report.mailboxes[0]).toMatchObject({ fetched: 3, lastUid: 3 });
    const inbound = (await listMessages(ctx)).filter((m) => m.direction === 'in');
    expect(inbound.map((m) => m.rfcMessageId)).toEqual(['<real@northwind.example>']);
    expect(
      (await listEvents(ctx.db, ctx.actor.accountId, opp.id)).filter((e) => e.kind === 'reply-received'),
    ).toHaveLength(1);
    const stored = await listUnreadable(ctx.db, ctx.actor.accountId);
    expect(stored.map((u) => [u.mailbox, Number(u.uid)]).sort()).toEqual([
      ['INBOX', hugeUid],
      ['INBOX', manyUid],
    ]);
    expect(stored.every((u) => (u.reason ?? '').length > 0)).toBe(true);

    // The next sync does not stumble on them again: the mailbox state moved past them.
    const next = await syncReplies(at(ctx, '2026-12-02T19:00:00Z'), TEST_BOX);
    expect(next).toMatchObject({ replies: 0, unreadable: [] });
    expect(next.mailboxes[0]?.fetched).toBe(0);
  }, 60_000);

  it('records no reply, auto-reply or bounce twice when the mailbox is rebuilt under a new UIDVALIDITY', async () => {
    const { ctx, opp, sentId } = await setup();
    await appendMail(
      dovecot,
      'INBOX',
      plainMail({
        from: 'dana@northwind.example',
        subject: 'Re: Thank you',
        messageId: '<r1@northwind.example>',
        inReplyTo: sentId,
      }),
      plainMail({
        from: 'Priya Raman <priya@northwind.example>',
        subject: 'Automatic reply: Thank you',
        messageId: '<ooo1@northwind.example>',
        extra: 'Auto-Submitted: auto-replied\nX-Autoreply: yes',
      }),
      bounceMail('priya@northwind.example', sentId, '<dsn1@mx.northwind.example>'),
    );
    const first = await syncReplies(at(ctx, '2026-12-02T18:00:00Z'), TEST_BOX);
    expect(first).toMatchObject({ replies: 1, autoReplies: 1, bounces: 1, duplicates: 0 });
    const eventsBefore = (await listEvents(ctx.db, ctx.actor.accountId)).map((e) => e.kind).sort();

    // Rebuild INBOX: without its index and UID list Dovecot numbers the same messages under a new
    // UIDVALIDITY. Its `dovecot-uidvalidity*` files stay: they are the counter that makes the new
    // value differ from the last one. Without them Dovecot takes the clock in seconds, which is
    // the old value again when the rebuild falls in the second INBOX was created (then no reset).
    for (const f of readdirSync(dovecot.mailDir)) {
      if (f.startsWith('dovecot') && !f.startsWith('dovecot-uidvalidity'))
        rmSync(join(dovecot.mailDir, f), { recursive: true, force: true });
    }
    const again = await syncReplies(at(ctx, '2026-12-02T19:00:00Z'), TEST_BOX);
    expect(again.mailboxes[0]?.uidValidity).not.toBe(first.mailboxes[0]?.uidValidity);
    expect(again.mailboxes[0]).toMatchObject({ reset: true, fetched: 3 });
    expect(again).toMatchObject({ replies: 0, autoReplies: 0, bounces: 0, duplicates: 3 });
    expect((await listEvents(ctx.db, ctx.actor.accountId)).map((e) => e.kind).sort()).toEqual(eventsBefore);
    expect(
      (await listEvents(ctx.db, ctx.actor.accountId, opp.id)).filter((e) => e.kind === 'auto-reply-received'),
    ).toHaveLength(1);
  }, 60_000);
});
