/**
 * Graceful shutdown on the built CLI (run `npm run build` first), against a slow SMTP server on
 * loopback: SIGTERM during a send lets that send finish and be recorded `sent` once, hands back
 * the messages the worker claimed but had not started (claim cleared), answers an HTTP request
 * already in flight, and exits 0.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestCli } from '../../../test/cli';
import { testDialects } from '../../../test/dialects';
import { BIN, hostedDatabase, httpBrowser, ROOT, startHostedProcess } from '../../../test/hosted-process';
import { type SmtpHarness, startSmtpHarness } from '../../../test/mail/smtp-harness';
import { Temporal } from '../../core/time';
import { openStore, type Store } from '../../db/connect';
import { ensureLocalAccount } from '../../features/accounts/account.service';
import { setSmtpUrl } from '../../features/mail/mail.service';
import { addOpportunity } from '../../features/opportunities/opportunity.service';
import { secretBoxFromKey } from '../../features/secrets/secret-box';

const KEY_HEX = 'd7'.repeat(32);
const box = secretBoxFromKey(Buffer.from(KEY_HEX, 'hex'));
const NOW = Temporal.Instant.from('2026-11-01T00:00:00Z');

let smtp: SmtpHarness;
const children: ChildProcess[] = [];
beforeAll(async () => {
  expect(existsSync(join(ROOT, 'dist', 'cli', 'cli.js')), 'run `npm run build` first').toBe(true);
  smtp = await startSmtpHarness();
});
afterAll(async () => {
  await smtp.close();
});
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  smtp.reset();
  smtp.acceptDelayMs = 0;
});

/** `count` due notes to one recipient, in the order they were scheduled. */
async function seed(store: Store, count: number): Promise<string[]> {
  const actor = await ensureLocalAccount(store.db, NOW);
  const ctx = { db: store.db, actor, now: NOW };
  await setSmtpUrl(ctx, box, `${smtp.url}&from=jo@example.test`);
  const opp = await addOpportunity(ctx, {
    company: 'Northwind Labs',
    role: 'Engineer',
    recruiter: 'Dana <dana@northwind.example>',
  });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    const at = NOW.add({ seconds: i }).toString();
    await store.db
      .insertInto('message')
      .values({
        id,
        account_id: actor.accountId,
        kind: 'other',
        direction: 'out',
        opportunity_id: opp.id,
        interview_id: null,
        subject: `Note ${i}`,
        body: `Dear Dana,\n\nNote number ${i}.\n\nJo`,
        status: 'scheduled',
        send_at: at,
        sent_at: null,
        rfc_message_id: `<stop.${i}.${id}@example.test>`,
        in_reply_to: null,
        action_key: null,
        attempts: 0,
        lease_until: null,
        last_error: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await store.db
      .insertInto('message_contact')
      .values({
        account_id: actor.accountId,
        message_id: id,
        contact_id: opp.recruiterId as string,
        address: 'dana@northwind.example',
        role: 'to',
      })
      .execute();
    ids.push(id);
  }
  return ids;
}

const rowsOf = (store: Store, ids: string[]) =>
  store.db
    .selectFrom('message')
    .select(['id', 'status', 'lease_until', 'attempts', 'send_at'])
    .where('id', 'in', ids)
    .orderBy('send_at')
    .execute();

for (const dialect of testDialects()) {
  describe(`graceful stop [${dialect}]`, () => {
    it('afterview worker: SIGTERM mid-send finishes that send once, releases the other claims, exits 0', {
      timeout: 90_000,
    }, async () => {
      const db = await hostedDatabase(dialect);
      const url = db.env.DATABASE_URL || `sqlite:${join(db.dataDir, 'afterview.db')}`;
      const store = await openStore(url);
      try {
        const ids = await seed(store, 4);
        smtp.acceptDelayMs = 2_000;
        const child = spawn(
          process.execPath,
          [BIN, '--data', db.dataDir, 'worker', '--batch', '4', '--poll-ms', '100'],
          {
            cwd: ROOT,
            env: { ...process.env, TZ: 'UTC', AFTERVIEW_SECRET_KEY: KEY_HEX, ...db.env },
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        children.push(child);
        let out = '';
        child.stdout?.on('data', (d) => {
          out += String(d);
        });
        child.stderr?.on('data', (d) => {
          out += String(d);
        });
        const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
        // All four claimed in one batch; the first is with the (slow) server.
        await expect
          .poll(async () => (await rowsOf(store, ids)).filter((r) => r.status === 'sending').length, {
            timeout: 30_000,
            interval: 50,
          })
          .toBe(4);
        await expect.poll(() => smtp.inData, { timeout: 10_000, interval: 20 }).toBe(1);
        expect(smtp.accepted).toHaveLength(0);
        const started = Date.now();
        child.kill('SIGTERM');
        expect(await exited, out).toBe(0);
        const ms = Date.now() - started;
        console.info(
          `worker [${dialect}]: SIGTERM to exit ${ms} ms, with a send in flight (server delay 2 s)`,
        );

        expect(smtp.accepted).toHaveLength(1);
        expect(smtp.accepted[0]?.messageId).toContain(`stop.0.${ids[0]}`);
        const rows = await rowsOf(store, ids);
        expect(rows[0]).toMatchObject({ id: ids[0], status: 'sent', lease_until: null, attempts: 1 });
        for (const row of rows.slice(1))
          expect(row).toMatchObject({ status: 'scheduled', lease_until: null, attempts: 0 });
        expect(out).toMatch(/released 3|3 released/);

        // Another worker takes them at once (no lease to wait out) and each goes exactly once.
        smtp.acceptDelayMs = 0;
        const again = spawn(process.execPath, [BIN, '--data', db.dataDir, 'worker', '--once'], {
          cwd: ROOT,
          env: { ...process.env, TZ: 'UTC', AFTERVIEW_SECRET_KEY: KEY_HEX, ...db.env },
          stdio: 'ignore',
        });
        children.push(again);
        expect(await new Promise((r) => again.once('exit', r))).toBe(0);
        expect((await rowsOf(store, ids)).map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
        expect(smtp.acceptedIds().sort()).toEqual(
          ids.map((id, i) => expect.stringContaining(`stop.${i}.${id}`)).sort(),
        );
        expect(new Set(smtp.acceptedIds()).size).toBe(4);
      } finally {
        await store.close();
        await db.drop();
      }
    });
  });
}

describe('graceful stop of afterview serve (local)', () => {
  it('answers an HTTP request in flight at SIGTERM, then exits 0', { timeout: 90_000 }, async () => {
    const cli = createTestCli();
    try {
      const set = await cli.run(['config', 'set', 'smtp', `${smtp.url}&from=jo@example.test`], {
        env: { AFTERVIEW_SECRET_KEY: KEY_HEX },
      });
      expect(set.code, set.stderr).toBe(0);
      smtp.acceptDelayMs = 2_000;
      const server = await startHostedProcess({
        dataDir: cli.dataDir,
        env: { AFTERVIEW_SECRET_KEY: KEY_HEX, DATABASE_URL: '' },
        local: true,
      });
      children.push(server.child);
      const b = httpBrowser(server.url);
      await b.get('/api/settings'); // the CSRF cookie
      const inFlight = b.post('/api/mail/test', { sendTo: 'me@example.test' });
      await expect.poll(() => smtp.accepted.length === 0 && smtpBusy(), { timeout: 10_000 }).toBe(true);
      const stop = server.stop('SIGTERM');
      const answer = await inFlight;
      expect(answer.status, answer.body).toBe(200);
      expect(JSON.parse(answer.body).results.some((r: { ok?: boolean }) => r.ok !== false)).toBe(true);
      const { code, ms } = await stop;
      expect(code, server.output()).toBe(0);
      expect(smtp.accepted).toHaveLength(1);
      console.info(
        `serve [sqlite]: SIGTERM to exit ${ms} ms, with an HTTP request in flight (server delay 2 s)`,
      );
    } finally {
      cli.cleanup();
    }
  });
});

/** True once the harness has a message in its (delayed) end-of-data step. */
function smtpBusy(): boolean {
  return smtp.inData > 0;
}

for (const dialect of testDialects()) {
  describe(`graceful stop of serve --hosted [${dialect}]`, () => {
    it('SIGTERM while a reset mail is with the (slow) server: it is sent once, recorded sent, exit 0', {
      timeout: 90_000,
    }, async () => {
      const db = await hostedDatabase(dialect);
      try {
        const server = await startHostedProcess({
          dataDir: db.dataDir,
          env: { ...db.env, AFTERVIEW_SYSTEM_SMTP_URL: smtp.url },
        });
        children.push(server.child);
        const b = httpBrowser(server.url);
        const signUp = await b.post('/api/auth/sign-up/email', {
          email: 'eve@example.org',
          password: 'Coffee-in-the-lobby-after',
          name: 'Eve',
        });
        expect(signUp.status, signUp.body).toBe(200);
        await expect.poll(() => smtp.accepted.length, { timeout: 10_000 }).toBe(1);
        smtp.acceptDelayMs = 2_000;
        const reset = await b.post('/api/auth/request-password-reset', {
          email: 'eve@example.org',
          redirectTo: '/reset-password',
        });
        expect(reset.status, reset.body).toBe(200);
        await expect.poll(() => smtp.inData, { timeout: 10_000, interval: 20 }).toBe(1);
        const { code, ms } = await server.stop('SIGTERM');
        expect(code, server.output()).toBe(0);
        console.info(
          `serve --hosted [${dialect}]: SIGTERM to exit ${ms} ms, with a system mail in flight (server delay 2 s)`,
        );
        expect(smtp.accepted).toHaveLength(2);
        expect(smtp.accepted[1]?.raw).toMatch(/Reset your Afterview password/);
        const store = await openStore(db.env.DATABASE_URL || `sqlite:${join(db.dataDir, 'afterview.db')}`);
        try {
          const rows = await store.db
            .selectFrom('system_mail')
            .select(['status', 'attempts', 'lease_until'])
            .execute();
          expect(rows).toEqual([
            { status: 'sent', attempts: 1, lease_until: null },
            { status: 'sent', attempts: 1, lease_until: null },
          ]);
        } finally {
          await store.close();
        }
      } finally {
        await db.drop();
      }
    });
  });
}
