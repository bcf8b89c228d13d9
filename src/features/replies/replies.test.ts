import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { at, createTestContext } from '../../../test/context';
import { type DovecotServer, dovecotSkipReason, startDovecot } from '../../../test/mail/dovecot-harness';
import { appendMail, bounceMail, plainMail, recreateMailbox } from '../../../test/mail/imap-mail';
import { draftTo, opportunityWithRecruiter, TEST_BOX } from '../../../test/mail/outbox-fixtures';
import { type SmtpHarness, startSmtpHarness } from '../../../test/mail/smtp-harness';
import { describeEachDialect } from '../../../test/store';
import { getContact } from '../contacts/contact.service';
import { listEvents } from '../events/event.repository';
import { addInterview } from '../interviews/interview.service';
import { setImapUrl, setSmtpUrl } from '../mail/mail.service';
import { listMessages } from '../messages/message.service';
import { claimDue } from '../outbox/outbox.repository';
import { getOutboxEntry, scheduleSend, sendNow } from '../outbox/outbox.service';
import { runOutboxOnce } from '../outbox/outbox.worker';
import { syncReplies } from './replies.service';

const skip = dovecotSkipReason();
if (skip) console.warn(`replies tests skipped: ${skip}`);

let smtp: SmtpHarness;
beforeAll(async () => {
  smtp = await startSmtpHarness();
});
afterAll(async () => {
  await smtp.close();
});

describeEachDialect(`reply detection over IMAP${skip ? ` (skipped: ${skip})` : ''}`, (t) => {
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
    return { ctx, opp, priya, dana: opp.recruiterId as string, sentId: note.rfcMessageId as string };
  }

  it('records replies by thread and by sender, not auto-replies; a bounce marks the address bad', async () => {
    const { ctx, opp, priya, dana, sentId } = await setup();
    await appendMail(
      dovecot,
      'INBOX',
      plainMail({
        from: 'Dana Whitfield <Dana@Northwind.example>',
        subject: 'Re: Thank you, Dana',
        messageId: '<r1@northwind.example>',
        inReplyTo: sentId,
      }),
      plainMail({
        from: 'Priya Raman <priya@northwind.example>',
        subject: 'Automatic reply: Thank you',
        messageId: '<ooo1@northwind.example>',
        extra: 'Auto-Submitted: auto-replied\nX-Autoreply: yes',
      }),
      bounceMail('priya@northwind.example', '<lost@example.test>', '<dsn1@mx.northwind.example>'),
      plainMail({
        from: 'priya@northwind.example',
        subject: 'Following up',
        messageId: '<r2@northwind.example>',
      }),
      plainMail({
        from: 'news@elsewhere.example',
        subject: 'Weekly digest',
        messageId: '<n1@elsewhere.example>',
      }),
    );
    const later = at(ctx, '2026-12-02T18:00:00Z');
    const report = await syncReplies(later, TEST_BOX);
    expect(report).toMatchObject({ replies: 2, autoReplies: 1, bounces: 1, unmatched: 1, duplicates: 0 });
    expect(report.mailboxes).toEqual([
      expect.objectContaining({ mailbox: 'INBOX', fetched: 5, lastUid: 5, reset: false }),
    ]);

    const inbound = (await listMessages(ctx)).filter((m) => m.direction === 'in');
    expect(inbound.map((m) => [m.kind, m.contactIds, m.opportunityId, m.rfcMessageId, m.sentAt])).toEqual([
      ['reply', [dana], opp.id, '<r1@northwind.example>', '2026-12-02T17:15:00Z'],
      ['reply', [priya], opp.id, '<r2@northwind.example>', '2026-12-02T17:15:00Z'],
    ]);
    const events = (await listEvents(ctx.db, ctx.actor.accountId, opp.id)).map((e) => [
      e.kind,
      JSON.parse(e.data).matchedBy,
    ]);
    expect(events).toEqual(
      expect.arrayContaining([
        ['reply-received', 'thread'],
        ['reply-received', 'sender'],
        ['auto-reply-received', undefined],
      ]),
    );
    expect(events.filter(([k]) => k === 'reply-received')).toHaveLength(2);
    const bounced = await getContact(ctx, priya);
    expect(bounced.badEmails).toEqual(['priya@northwind.example']);
    expect((await getContact(ctx, dana)).badEmails).toEqual([]);
  });

  it('neither repeats nor misses mail across restarts', async () => {
    const { ctx, sentId } = await setup();
    await appendMail(
      dovecot,
      'INBOX',
      plainMail({
        from: 'dana@northwind.example',
        subject: 'Re: 1',
        messageId: '<a1@n.example>',
        inReplyTo: sentId,
      }),
    );
    expect((await syncReplies(ctx, TEST_BOX)).replies).toBe(1);
    // A second process, later: nothing new, nothing repeated.
    const again = await syncReplies(at(ctx, '2026-12-03T10:00:00Z'), TEST_BOX);
    expect(again).toMatchObject({ replies: 0, duplicates: 0 });
    expect(again.mailboxes[0]?.fetched).toBe(0);
    await appendMail(
      dovecot,
      'INBOX',
      plainMail({
        from: 'dana@northwind.example',
        subject: 'Re: 2',
        messageId: '<a2@n.example>',
        inReplyTo: sentId,
      }),
    );
    const third = await syncReplies(at(ctx, '2026-12-03T11:00:00Z'), TEST_BOX);
    expect(third).toMatchObject({ replies: 1 });
    expect(third.mailboxes[0]).toMatchObject({ fetched: 1, lastUid: 2 });
    expect((await listMessages(ctx)).filter((m) => m.direction === 'in').map((m) => m.subject)).toEqual([
      'Re: 1',
      'Re: 2',
    ]);
  });

  it('starts over when UIDVALIDITY changes, skipping what it already recorded', async () => {
    const { ctx, sentId } = await setup();
    await recreateMailbox(dovecot, 'Replies');
    const reply = plainMail({
      from: 'dana@northwind.example',
      subject: 'Re: x',
      messageId: '<v1@n.example>',
      inReplyTo: sentId,
    });
    await appendMail(dovecot, 'Replies', reply);
    expect((await syncReplies(ctx, TEST_BOX, { mailboxes: ['Replies'] })).replies).toBe(1);
    await recreateMailbox(dovecot, 'Replies');
    await appendMail(
      dovecot,
      'Replies',
      reply,
      plainMail({
        from: 'dana@northwind.example',
        subject: 'Re: y',
        messageId: '<v2@n.example>',
        inReplyTo: sentId,
      }),
    );
    const after = await syncReplies(ctx, TEST_BOX, { mailboxes: ['Replies'] });
    expect(after).toMatchObject({ replies: 1, duplicates: 1 });
    expect(after.mailboxes[0]?.reset).toBe(true);
  });

  it('resolves an uncertain send from the Sent folder by its Message-ID', async () => {
    const { ctx, opp } = await setup();
    const deps = { dialect: t.dialect, box: TEST_BOX };
    const lost = (await scheduleSend(ctx, deps, (await draftTo(ctx, opp, { subject: 'lost' })).id)).message;
    const kept = (await scheduleSend(ctx, deps, (await draftTo(ctx, opp, { subject: 'kept' })).id)).message;
    // A worker claims both and dies; the server had accepted `lost` and filed it in Sent.
    await claimDue(ctx.db, t.dialect, {
      now: '2026-12-01T17:00:00Z',
      leaseUntil: '2026-12-01T17:05:00Z',
      limit: 10,
    });
    await appendMail(
      dovecot,
      'Sent',
      plainMail({
        from: 'jo@example.test',
        to: 'dana@northwind.example',
        subject: 'lost',
        messageId: lost.rfcMessageId as string,
      }),
    );
    const report = await runOutboxOnce({
      db: ctx.db,
      dialect: t.dialect,
      box: TEST_BOX,
      now: () => at(ctx, '2026-12-01T17:06:00Z').now,
    });
    expect(report).toMatchObject({ expired: 2, resolved: 1, uncertain: 1, sent: 0 });
    expect((await getOutboxEntry(ctx, lost.id)).status).toBe('sent');
    expect((await getOutboxEntry(ctx, kept.id)).status).toBe('uncertain');
    // Later the copy of `kept` shows up too: the next sync resolves it.
    await appendMail(
      dovecot,
      'Sent',
      plainMail({ from: 'jo@example.test', subject: 'kept', messageId: kept.rfcMessageId as string }),
    );
    expect((await syncReplies(at(ctx, '2026-12-01T18:00:00Z'), TEST_BOX)).resolved).toBe(1);
    expect((await getOutboxEntry(ctx, kept.id)).status).toBe('sent');
    expect(smtp.accepted.filter((m) => m.messageId === lost.rfcMessageId)).toHaveLength(0);
  });
});
