import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/context';
import { type DovecotServer, dovecotSkipReason, startDovecot } from '../../../test/mail/dovecot-harness';
import { type SmtpHarness, startSmtpHarness } from '../../../test/mail/smtp-harness';
import { createTestStore, describeEachDialect } from '../../../test/store';
import type { Store } from '../../db/connect';
import { secretBoxFromKey } from '../secrets/secret-box';
import { testImapConnection, testSmtpConnection } from './connection-test';
import { getMailSettings, loadImapServer, loadSmtpAccount, setImapUrl, setSmtpUrl } from './mail.service';

const box = secretBoxFromKey(Buffer.alloc(32, 3));
const PASSWORD = 'S3cret-pässword';

describeEachDialect('mail settings', (t) => {
  it('stores the URL without its password and the password only sealed', async () => {
    const ctx = await createTestContext(t.store);
    const settings = await setSmtpUrl(
      ctx,
      box,
      `smtps://jo%40example.test:${encodeURIComponent(PASSWORD)}@smtp.example.test?from=${encodeURIComponent('Jo Díaz <jo@example.test>')}`,
    );
    expect(settings).toEqual({
      smtpUrl: 'smtps://jo%40example.test@smtp.example.test:465',
      smtpPasswordSet: true,
      imapUrl: null,
      imapPasswordSet: false,
      fromName: 'Jo Díaz',
      fromAddress: 'jo@example.test',
      signature: null,
      sentMailbox: null,
    });
    const rows = await t.store.db.selectFrom('mail_account').selectAll().execute();
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(PASSWORD);
    expect(dump).not.toContain(encodeURIComponent(PASSWORD));
    const account = await loadSmtpAccount(ctx.db, ctx.actor.accountId, box);
    expect(account?.server).toMatchObject({
      host: 'smtp.example.test',
      port: 465,
      secure: true,
      password: PASSWORD,
    });

    await setImapUrl(ctx, box, `imaps://jo:${encodeURIComponent(PASSWORD)}@imap.example.test`);
    expect((await getMailSettings(ctx)).imapUrl).toBe('imaps://jo@imap.example.test:993');
    expect((await loadImapServer(ctx.db, ctx.actor.accountId, box))?.server.password).toBe(PASSWORD);
    expect(JSON.stringify(await t.store.db.selectFrom('mail_account').selectAll().execute())).not.toContain(
      PASSWORD,
    );
  });

  it('refuses an unencrypted connection to a remote server and a URL without a sender, changing nothing', async () => {
    const ctx = await createTestContext(t.store);
    await expect(setSmtpUrl(ctx, box, 'smtp://jo:pw@smtp.example.test?starttls=off')).rejects.toThrow(
      /^smtp: starttls=off would send your password unencrypted/,
    );
    await expect(setSmtpUrl(ctx, box, 'smtp://someone:pw@smtp.example.test')).rejects.toThrow(
      /say who mail is from/,
    );
    await expect(setSmtpUrl(ctx, box, 'http://x')).rejects.toThrow(/must start with smtp:\/\//);
    expect(await t.store.db.selectFrom('mail_account').selectAll().execute()).toEqual([]);
  });

  it("cannot open another account's sealed password", async () => {
    const mine = await createTestContext(t.store);
    const theirs = await createTestContext(t.store);
    await setSmtpUrl(mine, box, `smtp://jo%40example.test:${PASSWORD}@smtp.example.test`);
    const row = await t.store.db.selectFrom('mail_account').selectAll().executeTakeFirstOrThrow();
    await t.store.db
      .insertInto('mail_account')
      .values({ ...row, account_id: theirs.actor.accountId })
      .execute();
    await expect(loadSmtpAccount(theirs.db, theirs.actor.accountId, box)).rejects.toThrow(
      /cannot be decrypted/,
    );
  });
});

describe('test connection, in plain words', () => {
  let store: Store;
  let smtp: SmtpHarness;
  beforeAll(async () => {
    store = await createTestStore('sqlite');
    smtp = await startSmtpHarness({ user: 'jo@example.test', password: PASSWORD });
  });
  afterAll(async () => {
    await smtp.close();
    await store.close();
  });

  const account = async (url: string) => {
    const ctx = await createTestContext(store);
    await setSmtpUrl(ctx, box, url);
    const loaded = await loadSmtpAccount(ctx.db, ctx.actor.accountId, box);
    if (!loaded) throw new Error('not stored');
    return loaded;
  };
  const local = (auth: string, scheme = 'smtp', port = smtp.port) =>
    `${scheme}://${auth}@127.0.0.1:${port}?starttls=off`;

  it('connects and signs in', async () => {
    const report = await testSmtpConnection(
      await account(local(`jo%40example.test:${encodeURIComponent(PASSWORD)}`)),
    );
    expect(report).toEqual({
      protocol: 'smtp',
      server: `127.0.0.1:${smtp.port}`,
      ok: true,
      message: `Connected and signed in to 127.0.0.1:${smtp.port}.`,
    });
  });

  it('says authentication failed for a wrong password', async () => {
    const report = await testSmtpConnection(await account(local('jo%40example.test:wrong')));
    expect(report.ok).toBe(false);
    expect(report.message).toMatch(/^Authentication: 127\.0\.0\.1:\d+ refused the user name or password/);
  });

  it('says DNS when the host name does not exist', async () => {
    const report = await testSmtpConnection(
      await account('smtps://jo%40example.test:pw@no-such-host.invalid'),
    );
    expect(report.message).toMatch(
      /^DNS: the mail server name in no-such-host\.invalid:465 could not be found/,
    );
  });

  it('says TLS when smtps:// meets a server without implicit TLS', async () => {
    const report = await testSmtpConnection(
      await account(`smtps://jo%40example.test:pw@127.0.0.1:${smtp.port}`),
    );
    expect(report.message).toMatch(/^TLS: /);
  });

  it('says connection refused when nothing listens', async () => {
    const report = await testSmtpConnection(await account(local('jo%40example.test:pw', 'smtp', 1)));
    expect(report.message).toMatch(/^Connection refused: nothing is accepting mail at 127\.0\.0\.1:1/);
  });

  it('says relay refused when a test message to an outside recipient is refused', async () => {
    smtp.next('relay-refused');
    const report = await testSmtpConnection(
      await account(local(`jo%40example.test:${encodeURIComponent(PASSWORD)}`)),
      { sendTo: 'someone@elsewhere.example' },
    );
    expect(report.message).toMatch(/^Relay refused: .*554 5\.7\.1 Relay access denied/);
  });
});

const dovecotSkip = dovecotSkipReason();
describe.skipIf(dovecotSkip !== null)(
  `IMAP test connection${dovecotSkip ? ` (skipped: ${dovecotSkip})` : ''}`,
  () => {
    let dovecot: DovecotServer;
    beforeAll(async () => {
      dovecot = await startDovecot();
    });
    afterAll(async () => {
      await dovecot?.stop();
    });

    it('signs in to Dovecot, and names a wrong password as an authentication failure', async () => {
      const server = {
        protocol: 'imap' as const,
        host: dovecot.host,
        port: dovecot.port,
        secure: false,
        starttls: 'off' as const,
        user: dovecot.user,
        from: null,
      };
      expect(await testImapConnection({ ...server, password: dovecot.password })).toMatchObject({ ok: true });
      const bad = await testImapConnection({ ...server, password: 'wrong' });
      expect(bad.ok).toBe(false);
      expect(bad.message).toMatch(/^Authentication: /);
    });
  },
);
