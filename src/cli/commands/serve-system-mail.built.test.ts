/**
 * Hosted mode's own mails on the built CLI (run `npm run build` first), SQLite and PostgreSQL:
 * the confirmation and reset mails are queued by the request and sent by the outbox loop in the
 * cluster's primary, which a worker wakes at once, so they arrive well before the 5 s poll.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestCli } from '../../../test/cli';
import { testDialects } from '../../../test/dialects';
import { hostedProcessPerTest, httpBrowser, ROOT, signUpOverHttp } from '../../../test/hosted-process';
import { smtpHarnessPerFile } from '../../../test/mail/smtp-harness-per-file';
import { Temporal } from '../../core/time';
import { openStore } from '../../db/connect';
import { systemMailer } from '../../features/auth/system-mailer';

const smtp = smtpHarnessPerFile();
beforeAll(() => {
  expect(existsSync(join(ROOT, 'dist', 'cli', 'cli.js')), 'run `npm run build` first').toBe(true);
});

for (const dialect of testDialects()) {
  describe(`system mails through the outbox, serve --hosted --workers 2 [${dialect}]`, () => {
    const startServer = hostedProcessPerTest(dialect, 'kill');

    it('sends the confirmation at sign-up and the reset mail once each, woken before the 5 s poll', {
      timeout: 120_000,
    }, async () => {
      const server = await startServer({
        env: { AFTERVIEW_SYSTEM_SMTP_URL: smtp.url },
        args: ['--workers', '2'],
      });
      const b = httpBrowser(server.url);
      await signUpOverHttp(b, { email: 'eve@example.org', name: 'Eve' });
      // From the answer: the mail was queued inside the request.
      const signedUp = performance.now();
      await expect.poll(() => smtp.accepted.length, { timeout: 10_000, interval: 20 }).toBe(1);
      const confirmMs = performance.now() - signedUp;
      expect(smtp.accepted[0]?.raw).toMatch(/Confirm your e-mail address/);

      const reset = await b.post('/api/auth/request-password-reset', {
        email: 'eve@example.org',
        redirectTo: '/reset-password',
      });
      const asked = performance.now();
      expect(reset.status, reset.body).toBe(200);
      await expect.poll(() => smtp.accepted.length, { timeout: 10_000, interval: 20 }).toBe(2);
      const resetMs = performance.now() - asked;
      expect(smtp.accepted[1]?.raw).toMatch(/Reset your Afterview password/);
      console.info(
        `system mail [${dialect}]: confirmation in ${Math.round(confirmMs)} ms, reset in ${Math.round(resetMs)} ms (poll 5 s)`,
      );
      // Woken, not polled: inside the 5 s pause even on a loaded machine (system-mail.test.ts
      // proves the wake itself with a minute-long pause).
      expect(confirmMs).toBeLessThan(4_000);
      expect(resetMs).toBeLessThan(4_000);
      await new Promise((r) => setTimeout(r, 1_000));
      expect(new Set(smtp.acceptedIds()).size).toBe(2);
      expect(smtp.accepted).toHaveLength(2);
      expect((await server.stop()).code).toBe(0);
    });
  });
}

describe('afterview worker with AFTERVIEW_SYSTEM_SMTP_URL', () => {
  it('sends queued system mails too, from no-reply at the public host, once', async () => {
    const cli = createTestCli();
    try {
      const store = await openStore(`sqlite:${join(cli.dataDir, 'afterview.db')}`);
      const now = () => Temporal.Instant.from('2026-12-01T17:00:00Z');
      await systemMailer(smtp.url, 'unused', { db: store.db, now }).send({
        to: 'eve@example.org',
        subject: 'Reset your Afterview password',
        text: 'Open this.',
        accountId: 'acct-eve',
      });
      await store.close();
      const env = {
        AFTERVIEW_SYSTEM_SMTP_URL: smtp.url,
        AFTERVIEW_PUBLIC_URL: 'https://afterview.example.org',
      };
      const first = await cli.run(['worker', '--once'], { env, now: '2026-12-01T17:00:05Z' });
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/system mails: sent 1, retrying 0, failed 0, uncertain 0/);
      const again = await cli.run(['worker', '--once'], { env, now: '2026-12-01T17:00:10Z' });
      expect(again.stdout).toMatch(/system mails: sent 0/);
      expect(smtp.accepted).toHaveLength(1);
      expect(smtp.accepted[0]?.from).toBe('no-reply@afterview.example.org');
    } finally {
      cli.cleanup();
      smtp.reset();
    }
  });
});
