/**
 * Graceful shutdown on the built CLI (run `npm run build` first), against a slow SMTP server on
 * loopback: SIGTERM during a send lets that send finish and be recorded `sent` once, hands back
 * the messages the worker claimed but had not started (claim cleared), answers an HTTP request
 * already in flight, and exits 0.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawnNode } from '../../../test/child-process';
import { createTestCli } from '../../../test/cli';
import { testDialects } from '../../../test/dialects';
import {
  BIN,
  hostedDatabase,
  httpBrowser,
  ROOT,
  signUpOverHttp,
  startHostedProcess,
} from '../../../test/hosted-process';
import { seedDueNotes } from '../../../test/mail/due-notes';
import { smtpHarnessPerFile } from '../../../test/mail/smtp-harness-per-file';
import { Temporal } from '../../core/time';
import { openStore, type Store } from '../../db/connect';
import { secretBoxFromKey } from '../../features/secrets/secret-box';

const KEY_HEX = 'd7'.repeat(32);
const box = secretBoxFromKey(Buffer.from(KEY_HEX, 'hex'));
const NOW = Temporal.Instant.from('2026-11-01T00:00:00Z');

const smtp = smtpHarnessPerFile();
const children: ChildProcess[] = [];
beforeAll(() => {
  expect(existsSync(join(ROOT, 'dist', 'cli', 'cli.js')), 'run `npm run build` first').toBe(true);
});
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

/** `count` due notes to one recipient, a second apart, in the order they were scheduled. */
const seed = (store: Store, count: number) =>
  seedDueNotes(store, {
    count,
    smtpUrl: `${smtp.url}&from=jo@example.test`,
    box,
    now: NOW,
    tag: 'stop',
    spacingSeconds: 1,
  });

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
        const worker = spawnNode([BIN, '--data', db.dataDir, 'worker', '--batch', '4', '--poll-ms', '100'], {
          TZ: 'UTC',
          AFTERVIEW_SECRET_KEY: KEY_HEX,
          ...db.env,
        });
        children.push(worker.child);
        // All four claimed in one batch; the first is with the (slow) server.
        await expect
          .poll(async () => (await rowsOf(store, ids)).filter((r) => r.status === 'sending').length, {
            timeout: 30_000,
            interval: 50,
          })
          .toBe(4);
        await expect.poll(() => smtp.inData, { timeout: 10_000, interval: 20 }).toBe(1);
        expect(smtp.accepted).toHaveLength(0);
        const { code, ms } = await worker.stop('SIGTERM');
        expect(code, worker.output()).toBe(0);
        console.info(
          `worker [${dialect}]: SIGTERM to exit ${ms} ms, with a send in flight (server delay 2 s)`,
        );

        expect(smtp.accepted).toHaveLength(1);
        expect(smtp.accepted[0]?.messageId).toContain(`stop.0.${ids[0]}`);
        const rows = await rowsOf(store, ids);
        expect(rows[0]).toMatchObject({ id: ids[0], status: 'sent', lease_until: null, attempts: 1 });
        for (const row of rows.slice(1))
          expect(row).toMatchObject({ status: 'scheduled', lease_until: null, attempts: 0 });
        expect(worker.output()).toMatch(/released 3|3 released/);

        // Another worker takes them at once (no lease to wait out) and each goes exactly once.
        smtp.acceptDelayMs = 0;
        const again = spawnNode([BIN, '--data', db.dataDir, 'worker', '--once'], {
          TZ: 'UTC',
          AFTERVIEW_SECRET_KEY: KEY_HEX,
          ...db.env,
        });
        children.push(again.child);
        expect(await again.exited, again.output()).toBe(0);
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
        await signUpOverHttp(b, { email: 'eve@example.org', name: 'Eve' });
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
