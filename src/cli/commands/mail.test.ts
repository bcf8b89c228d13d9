/** The mail commands end to end: config set smtp/imap, send, outbox, worker, hand-off, secrets kept out of output. */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestCli, type TestCli } from '../../../test/cli';
import { CLEAN_BODY } from '../../../test/mail/outbox-fixtures';
import { type SmtpHarness, startSmtpHarness } from '../../../test/mail/smtp-harness';
import { Temporal } from '../../core/time';
import { openStore } from '../../db/connect';
import { saveDraft } from '../../features/messages/message.service';
import { KEY_FILE_NAME } from '../../features/secrets/secret-box';

const PASSWORD = 'Sm7p-pässword!';
const NOW = '2026-12-01T17:00:00Z';

let smtp: SmtpHarness;
let cli: TestCli;
beforeAll(async () => {
  smtp = await startSmtpHarness({ user: 'jo@example.test', password: PASSWORD });
});
afterAll(async () => {
  await smtp.close();
});
beforeEach(() => {
  smtp.reset();
  cli = createTestCli();
});
afterEach(() => cli.cleanup());

const smtpUrl = () =>
  `smtp://jo%40example.test:${encodeURIComponent(PASSWORD)}@127.0.0.1:${smtp.port}?starttls=off&from=${encodeURIComponent('Jo Díaz <jo@example.test>')}`;

/** An opportunity added through the CLI, and a clean draft to its recruiter (what `draft` stores). */
async function draftId(): Promise<string> {
  const opp = await cli.run(
    [
      'opportunity',
      'add',
      '--company',
      'Northwind Labs',
      '--role',
      'Engineer',
      '--recruiter',
      'Dana Whitfield <dana@northwind.example>',
      '--json',
    ],
    { now: NOW },
  );
  const created = opp.json<{ id: string; recruiterId: string }>();
  const store = await openStore(`sqlite:${join(cli.dataDir, 'afterview.db')}`);
  try {
    const account = await store.db.selectFrom('account').select('id').executeTakeFirstOrThrow();
    const draft = await saveDraft(
      { db: store.db, actor: { accountId: account.id, kind: 'local' }, now: Temporal.Instant.from(NOW) },
      {
        kind: 'other',
        contactIds: [created.recruiterId],
        subject: 'Thank you, Dana',
        body: CLEAN_BODY,
        opportunityId: created.id,
      },
    );
    return draft.id;
  } finally {
    await store.close();
  }
}

describe('afterview mail commands', () => {
  it('config set smtp stores the password encrypted with a 0600 key file, and never prints or exports it', async () => {
    const set = await cli.run(['config', 'set', 'smtp', smtpUrl(), '--json'], { now: NOW });
    expect(set.code).toBe(0);
    expect(set.json<{ message: string }>().message).toMatch(
      new RegExp(
        `^SMTP set to smtp://jo%40example.test@127.0.0.1:${smtp.port}\\?starttls=off, sending as jo@example.test \\(password stored encrypted\\)`,
      ),
    );
    expect(statSync(join(cli.dataDir, KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
    const runs = [
      set,
      await cli.run(['mail', 'show', '--json']),
      await cli.run(['config', 'show', '--json']),
      await cli.run(['export', '--json']),
    ];
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    const outputs = runs.map((r) => r.stdout + r.stderr).join('\n');
    expect(outputs).toContain('smtp://jo%40example.test@127.0.0.1');
    expect(outputs).not.toContain(PASSWORD);
    expect(outputs).not.toContain(encodeURIComponent(PASSWORD));
    expect(readFileSync(join(cli.dataDir, 'afterview.db')).includes(Buffer.from(PASSWORD))).toBe(false);
    const test = await cli.run(['mail', 'test', '--json']);
    expect(test.code).toBe(0);
    expect(test.json<{ results: { ok: boolean }[] }>().results).toEqual([
      expect.objectContaining({ protocol: 'smtp', ok: true }),
    ]);
  });

  it('refuses a bad URL with exit 2 and one line naming the setting, without echoing the password', async () => {
    const r = await cli.run(['config', 'set', 'smtp', `smtp://jo:${PASSWORD}@mail.example.com?starttls=off`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^afterview: smtp: starttls=off would send your password unencrypted/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toContain(PASSWORD);
  });

  it('sends now, lists the outbox, and a worker pass finds nothing more to send', async () => {
    const id = await draftId();
    await cli.run(['config', 'set', 'smtp', smtpUrl()], { now: NOW });
    const sent = await cli.run(['send', id, '--json'], { now: NOW });
    expect(sent.code).toBe(0);
    const message = sent.json<{ message: { status: string; rfcMessageId: string } }>().message;
    expect(message.status).toBe('sent');
    expect(smtp.acceptedIds()).toEqual([message.rfcMessageId]);
    const outbox = await cli.run(['outbox', '--json']);
    expect(outbox.json<{ messages: { id: string; status: string }[] }>().messages).toEqual([
      expect.objectContaining({ id, status: 'sent' }),
    ]);
    const worker = await cli.run(['worker', '--once', '--json'], { now: '2026-12-02T17:00:00Z' });
    expect(worker.json()).toMatchObject({ claimed: 0, sent: 0 });
    expect(smtp.accepted).toHaveLength(1);
    const again = await cli.run(['send', id], { now: NOW });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/is already sent; it will not be sent again/);
  });

  it('schedules with --at in the user zone; the worker sends it when due', async () => {
    const id = await draftId();
    await cli.run(['config', 'set', 'smtp', smtpUrl()], { now: NOW });
    await cli.run(['config', 'set', 'timezone', 'Europe/Paris']);
    const r = await cli.run(['send', id, '--at', '2026-12-02T08:30', '--json'], { now: NOW });
    expect(r.json<{ message: { status: string; sendAt: string } }>().message).toMatchObject({
      status: 'scheduled',
      sendAt: '2026-12-02T07:30:00Z',
    });
    expect(
      (await cli.run(['worker', '--once', '--json'], { now: '2026-12-02T07:29:00Z' })).json(),
    ).toMatchObject({ sent: 0 });
    expect(
      (await cli.run(['worker', '--once', '--json'], { now: '2026-12-02T07:30:00Z' })).json(),
    ).toMatchObject({ sent: 1 });
  });

  it('refuses a note with checker errors (exit 1, findings printed) unless --force', async () => {
    await cli.run(['config', 'set', 'smtp', smtpUrl()], { now: NOW });
    const id = await draftId();
    const store = await openStore(`sqlite:${join(cli.dataDir, 'afterview.db')}`);
    await store.db
      .updateTable('message')
      .set({ body: 'Dear [Name],\n\nThanks for the chat at Northwind Labs.\n\nJo' })
      .where('id', '=', id)
      .execute();
    await store.close();
    const refused = await cli.run(['send', id, '--json'], { now: NOW });
    expect(refused.code).toBe(1);
    expect(refused.json<{ findings: { rule: string }[] }>().findings.map((f) => f.rule)).toContain(
      'placeholder',
    );
    expect(smtp.accepted).toHaveLength(0);
    const forced = await cli.run(['send', id, '--force', '--json'], { now: NOW });
    expect(forced.code).toBe(0);
    expect(smtp.accepted).toHaveLength(1);
  });

  it('hands off without credentials: mailto URL, .eml file, then mark-sent', async () => {
    const id = await draftId();
    await cli.run(['config', 'set', 'me', 'jo@example.test']);
    const open = await cli.run(['message', 'open', id]);
    expect(open.stdout.trim()).toMatch(
      /^mailto:dana@northwind\.example\?subject=Thank%20you,%20Dana&body=Dear%20Dana,%0D%0A%0D%0AThank%20you/,
    );
    const eml = await cli.run(['message', 'eml', id], { now: NOW });
    const parsed = await simpleParser(eml.stdout);
    expect(parsed.subject).toBe('Thank you, Dana');
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value[0]?.address : null).toBe(
      'dana@northwind.example',
    );
    expect(parsed.messageId).toMatch(/@example\.test>$/);
    const marked = await cli.run(['message', 'mark-sent', id, '--at', '2026-12-01T18:00:00Z', '--json'], {
      now: NOW,
    });
    expect(marked.json()).toMatchObject({
      status: 'sent',
      sentAt: '2026-12-01T18:00:00Z',
      rfcMessageId: parsed.messageId,
    });
  });
});
