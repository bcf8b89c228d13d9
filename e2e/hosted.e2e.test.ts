/**
 * Hosted mode in a real browser against the built CLI (`afterview serve --hosted`, SQLite, system
 * mail to a loopback SMTP server): a page without a session lands on sign-in; sign up; Today at
 * 375 px with axe clean; add an opportunity; sign out; sign in again; a second person sees
 * nothing of the first.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpHarness, startSmtpHarness } from '../test/mail/smtp-harness';
import { PipelinePage } from './pages/pipeline.page';
import { SignInPage } from './pages/sign-in.page';
import { SettingsPage } from './pages/simple.pages';
import { TodayPage } from './pages/today.page';
import { type BrowserSession, browserUnavailable, launch } from './support/browser';
import { ensureBuilt, ROOT } from './support/build';
import { freePort } from './support/server';

const skip = browserUnavailable();
if (skip) console.warn(`hosted e2e ${skip}`);

const PASSWORD = 'Coffee-in-the-lobby-after';

async function startHosted(
  smtp: SmtpHarness,
): Promise<{ url: string; stop: () => Promise<void>; output: () => string }> {
  await ensureBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'afterview-hosted-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'afterview.js'), 'serve', '--hosted', '--port', String(port)],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        AFTERVIEW_DATA: dataDir,
        AFTERVIEW_PUBLIC_URL: url,
        AFTERVIEW_AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0123456',
        AFTERVIEW_SYSTEM_SMTP_URL: smtp.url,
        DATABASE_URL: '',
        PORT: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout?.on('data', (d) => {
    out += String(d);
  });
  child.stderr?.on('data', (d) => {
    out += String(d);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hosted server did not start:\n${out}`)), 30_000);
    child.stdout?.on('data', () => {
      if (/is listening at/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hosted server exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe.skipIf(skip !== null)('hosted mode in a browser', () => {
  let smtp: SmtpHarness;
  let server: Awaited<ReturnType<typeof startHosted>>;
  let first: BrowserSession;
  let second: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    smtp = await startSmtpHarness();
    server = await startHosted(smtp);
    first = await launch();
    page = await first.context.newPage();
    await page.setViewportSize({ width: 375, height: 740 });
    page.setDefaultTimeout(45_000);
  }, 180_000);

  afterAll(async () => {
    await first?.close();
    await second?.close();
    await server?.stop();
    await smtp?.close();
  });

  it('signs up, uses the app at 375 px, signs out and in; a second person sees nothing of the first', async () => {
    // No session: the page is the sign-in page.
    await page.goto(new URL('/pipeline', server.url).href);
    await page.waitForURL(/\/sign-in\?next=%2Fpipeline/);
    const signIn = new SignInPage(page, server.url);
    await signIn.waitReady();
    expect(await signIn.axeViolations()).toEqual([]);

    await signIn.signUp('ada@example.org', PASSWORD);
    await page.waitForURL(/\/pipeline$/);
    const pipeline = new PipelinePage(page, server.url);
    await pipeline.waitReady();
    await pipeline.addOpportunity({ company: 'Northwind Labs', role: 'Staff Engineer' });
    await page.getByRole('heading', { level: 1, name: /Northwind Labs/ }).waitFor();

    const today = await new TodayPage(page, server.url).open();
    expect(await today.axeViolations()).toEqual([]);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    // The confirmation mail went out through the system mail server.
    expect(smtp.accepted.some((m) => m.to.includes('ada@example.org'))).toBe(true);

    // Sign out from Settings; the app is closed again.
    const settings = await new SettingsPage(page, server.url).open();
    await settings.page.getByText('Signed in as').waitFor();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL(/\/sign-in/);
    const after = await page.request.get(new URL('/api/opportunities', server.url).href);
    expect(after.status()).toBe(401);

    // Back in with the same password: the opportunity is still there.
    await signIn.open();
    await signIn.signIn('ada@example.org', PASSWORD);
    await page.waitForURL((u) => u.pathname === '/');
    await pipeline.open();
    await expect(page.getByText('Northwind Labs').first().isVisible()).resolves.toBe(true);

    // Someone else, in another browser: nothing of Ada's.
    second = await launch();
    const other = await second.context.newPage();
    other.setDefaultTimeout(45_000);
    const otherSignIn = await new SignInPage(other, server.url).open();
    await otherSignIn.signUp('bo@example.org', PASSWORD);
    await other.waitForURL((u) => u.pathname === '/');
    await new PipelinePage(other, server.url).open();
    expect(await other.getByText('Northwind Labs').count()).toBe(0);
    const list = await other.request.get(new URL('/api/opportunities', server.url).href);
    expect((await list.json()).opportunities).toEqual([]);
    // The server log carries no password.
    expect(server.output()).not.toContain(PASSWORD);
  }, 240_000);
});
