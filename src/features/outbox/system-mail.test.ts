/**
 * The server's own mails through the outbox, against a real SMTP server on loopback: `send`
 * queues a row keyed by the account concerned, the worker sends each exactly once, retries a
 * temporary failure with backoff, gives up after the last attempt with the reason, never resends
 * a send whose answer was lost, and a wake makes the loop send at once instead of after its poll.
 */
import { beforeEach, expect, it } from 'vitest';
import { smtpHarnessPerFile } from '../../../test/mail/smtp-harness-per-file';
import { describeEachDialect } from '../../../test/store';
import { MAX_ATTEMPTS } from '../../core/mail/backoff';
import { Temporal } from '../../core/time';
import { systemMailer, UNATTACHED_ACCOUNT } from '../auth/system-mailer';
import { listSystemMail } from './system-mail.repository';
import { parseFrom, runSystemMailLoop, runSystemMailOnce } from './system-mail.worker';
import { OutboxWaker } from './waker';

const FROM = 'Afterview <no-reply@afterview.test>';
const T0 = Temporal.Instant.from('2026-12-01T17:00:00Z');

const smtp = smtpHarnessPerFile();

describeEachDialect('system mail through the outbox', (t) => {
  let clock = T0;
  const now = () => clock;
  const pass = () =>
    runSystemMailOnce({ db: t.store.db, dialect: t.dialect, smtpUrl: smtp.url, from: FROM, now });
  const mailer = () => systemMailer(smtp.url, FROM, { db: t.store.db, now });
  beforeEach(() => {
    clock = T0;
  });

  it('queues in the request, keyed by the account signed up with the address, and sends it exactly once', async () => {
    await t.store.db
      .insertInto('auth_user')
      .values({
        id: 'acct-eve',
        name: 'Eve',
        email: 'eve@example.org',
        email_verified: t.dialect === 'postgres' ? false : 0,
        image: null,
        created_at: T0.toString(),
        updated_at: T0.toString(),
      })
      .execute();
    await mailer().send({
      to: 'Eve@Example.org',
      subject: 'Reset your Afterview password',
      text: 'Open this.',
    });
    expect(smtp.accepted).toHaveLength(0);
    const [queued] = await listSystemMail(t.store.db, 'acct-eve');
    expect(queued).toMatchObject({ status: 'scheduled', attempts: 0, to_address: 'Eve@Example.org' });

    expect(await pass()).toMatchObject({ sent: 1, retried: 0, failed: 0 });
    expect(await pass()).toMatchObject({ sent: 0 });
    expect(smtp.acceptedIds()).toEqual([queued?.rfc_message_id]);
    expect(smtp.accepted[0]?.to).toEqual(['Eve@Example.org']);
    expect(smtp.accepted[0]?.from).toBe('no-reply@afterview.test');
    expect(smtp.accepted[0]?.raw).toMatch(/Subject: Reset your Afterview password/);
    const [sent] = await listSystemMail(t.store.db, 'acct-eve');
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, lease_until: null, last_error: null });
    expect(sent?.sent_at).toBe(T0.toString());
  });

  it('keys by the account passed, or a placeholder for an address with no account', async () => {
    await mailer().send({
      to: 'coach@example.org',
      subject: 'Invitation',
      text: 'x',
      accountId: 'acct-client',
    });
    await mailer().send({ to: 'nobody@example.org', subject: 'Hello', text: 'x' });
    expect(await listSystemMail(t.store.db, 'acct-client')).toHaveLength(1);
    expect(await listSystemMail(t.store.db, UNATTACHED_ACCOUNT)).toHaveLength(1);
  });

  it('retries a 4xx with backoff under the same Message-ID, and sends it once', async () => {
    await mailer().send({ to: 'a@example.org', subject: 'Confirm', text: 'x', accountId: 'acct-a' });
    smtp.next('defer');
    expect(await pass()).toMatchObject({ sent: 0, retried: 1 });
    const [waiting] = await listSystemMail(t.store.db, 'acct-a');
    expect(waiting).toMatchObject({ status: 'scheduled', attempts: 1, lease_until: null });
    expect(waiting?.last_error).toMatch(/451|busy|try again/i);
    expect(Temporal.Instant.compare(Temporal.Instant.from(waiting?.send_at ?? ''), T0)).toBe(1);
    expect(await pass()).toMatchObject({ sent: 0, retried: 0 }); // not due yet
    clock = Temporal.Instant.from(waiting?.send_at ?? '');
    expect(await pass()).toMatchObject({ sent: 1 });
    expect(smtp.acceptedIds()).toEqual([waiting?.rfc_message_id]);
  });

  it(`gives up after ${MAX_ATTEMPTS} temporary failures and keeps the reason`, async () => {
    await mailer().send({ to: 'a@example.org', subject: 'Confirm', text: 'x', accountId: 'acct-a' });
    smtp.fallback = 'defer';
    for (let i = 0; i < MAX_ATTEMPTS; i += 1) {
      await pass();
      const [row] = await listSystemMail(t.store.db, 'acct-a');
      if (row?.status === 'scheduled') clock = Temporal.Instant.from(row.send_at);
    }
    const [row] = await listSystemMail(t.store.db, 'acct-a');
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(row?.last_error).toMatch(new RegExp(`^Gave up after ${MAX_ATTEMPTS} attempts: `));
    expect(await pass()).toMatchObject({ sent: 0, retried: 0, failed: 0 });
  });

  it('fails a 5xx at once, and never resends one whose answer was lost after the data', async () => {
    await mailer().send({ to: 'a@example.org', subject: 'One', text: 'x', accountId: 'acct-a' });
    smtp.next('reject');
    expect(await pass()).toMatchObject({ failed: 1 });
    clock = T0.add({ seconds: 1 });
    await mailer().send({ to: 'b@example.org', subject: 'Two', text: 'x', accountId: 'acct-b' });
    smtp.next('drop-after-data');
    expect(await pass()).toMatchObject({ uncertain: 1 });
    clock = T0.add({ hours: 24 });
    expect(await pass()).toMatchObject({ sent: 0, uncertain: 0 });
    expect((await listSystemMail(t.store.db, 'acct-a'))[0]?.status).toBe('failed');
    expect((await listSystemMail(t.store.db, 'acct-b'))[0]?.status).toBe('uncertain');
    expect(smtp.accepted).toHaveLength(0);
  });

  it('a queued mail wakes the loop: it leaves at once, not after the poll interval', async () => {
    const waker = new OutboxWaker();
    const stop = new AbortController();
    const loop = runSystemMailLoop({
      db: t.store.db,
      dialect: t.dialect,
      smtpUrl: smtp.url,
      from: FROM,
      now,
      signal: stop.signal,
      waker,
      pollMs: 60_000,
    });
    try {
      await new Promise((r) => setTimeout(r, 200)); // the loop is in its (minute-long) pause
      const queued = performance.now();
      await systemMailer(smtp.url, FROM, { db: t.store.db, now, wake: () => waker.wake() }).send({
        to: 'a@example.org',
        subject: 'Reset',
        text: 'x',
        accountId: 'acct-a',
      });
      await expect.poll(() => smtp.accepted.length, { timeout: 5_000, interval: 20 }).toBe(1);
      expect(performance.now() - queued).toBeLessThan(5_000);
    } finally {
      stop.abort();
      await loop;
    }
  });

  it('refuses to queue without a system mail server, with a sentence', async () => {
    await expect(
      systemMailer(undefined, FROM, { db: t.store.db, now }).send({
        to: 'a@example.org',
        subject: 's',
        text: 't',
      }),
    ).rejects.toThrow(/AFTERVIEW_SYSTEM_SMTP_URL/);
  });
});

it('reads a From header with or without a name', () => {
  expect(parseFrom('Afterview <no-reply@x.org>')).toEqual({ name: 'Afterview', address: 'no-reply@x.org' });
  expect(parseFrom('"Career Centre" <a@x.org>')).toEqual({ name: 'Career Centre', address: 'a@x.org' });
  expect(parseFrom('a@x.org')).toEqual({ name: null, address: 'a@x.org' });
});
