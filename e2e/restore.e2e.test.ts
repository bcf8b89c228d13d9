/**
 * Restore from the web app in hosted mode, in a real browser against the built CLI: Ada's export
 * (downloaded through her session) is restored by Bea, a new account, from Settings ("Restore an
 * export into this account"); Bea's pipeline then shows Ada's opportunities, the page is axe clean,
 * and restoring again into the now non-empty account is refused with a sentence.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpHarness, startSmtpHarness } from '../test/mail/smtp-harness';
import { SignInPage } from './pages/sign-in.page';
import { SettingsPage } from './pages/simple.pages';
import { type BrowserSession, browserUnavailable, launch } from './support/browser';
import { type RunningServer, startHostedServer } from './support/server';

const skip = browserUnavailable();
if (skip) console.warn(`restore e2e ${skip}`);

const PASSWORD = 'Coffee-in-the-lobby-after';

/** Sign up on the sign-in page and open the confirmation link the server mails. */
async function signUp(page: Page, server: RunningServer, smtp: SmtpHarness, email: string): Promise<void> {
  await page.goto(new URL('/sign-in', server.url).href);
  const signIn = new SignInPage(page, server.url);
  await signIn.waitReady();
  await signIn.signUp(email, PASSWORD);
  let link = '';
  await expect
    .poll(
      () => {
        const raw = smtp.accepted
          .find((m) => m.to.includes(email))
          ?.raw.replace(/=\r?\n/g, '')
          .replace(/=3D/g, '=');
        link =
          /(https?:\/\/\S+\/api\/auth\/verify-email\?token=[A-Za-z0-9._-]+\S*)/.exec(raw ?? '')?.[1] ?? '';
        return link !== '';
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  await page.goto(link);
  await page.waitForURL((url) => !url.pathname.startsWith('/api/'));
}

describe.skipIf(skip !== null)('restore from the web app', () => {
  let smtp: SmtpHarness;
  let server: RunningServer;
  let ada: BrowserSession;
  let bea: BrowserSession;

  beforeAll(async () => {
    smtp = await startSmtpHarness();
    server = await startHostedServer(smtp.url);
    ada = await launch();
    bea = await launch();
  }, 180_000);

  afterAll(async () => {
    await ada?.close();
    await bea?.close();
    await server?.stop();
    await smtp?.close();
  });

  it("restores Ada's export into Bea's new account from Settings, and refuses a second restore", async () => {
    const a = await ada.context.newPage();
    a.setDefaultTimeout(45_000);
    await signUp(a, server, smtp, 'ada@example.org');
    const csrf = (await ada.context.cookies()).find((c) => c.name === 'afterview_csrf')?.value ?? '';
    const demo = await a.request.post(new URL('/api/demo', server.url).href, {
      data: { scale: 1 },
      headers: { 'x-csrf-token': csrf, origin: new URL(server.url).origin },
    });
    expect(demo.status(), await demo.text()).toBe(201);
    const exported = await (await a.request.get(new URL('/api/account/export', server.url).href)).text();
    const companies: string[] = JSON.parse(exported).opportunities.map((o: { company: string }) => o.company);
    expect(companies.length).toBeGreaterThan(0);

    const b = await bea.context.newPage();
    b.setDefaultTimeout(45_000);
    await b.setViewportSize({ width: 375, height: 740 });
    await signUp(b, server, smtp, 'bea@example.org');
    const settings = await new SettingsPage(b, server.url).open();
    await b.getByText('Restore an export into this account').click();
    const file = {
      name: 'afterview-export.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exported),
    };
    await b.getByLabel('Export file (.json)').setInputFiles(file);
    await b
      .getByRole('status')
      .filter({ hasText: `Restored ${companies.length} opportunities` })
      .waitFor({ timeout: 45_000 });
    expect(await settings.axeViolations()).toEqual([]);

    // Into an account that now has data: refused with a sentence, nothing merged.
    await b.getByLabel('Export file (.json)').setInputFiles(file);
    await b
      .getByRole('alert')
      .filter({ hasText: /already has data of its own/ })
      .waitFor();

    await b.goto(new URL('/pipeline', server.url).href);
    await b
      .getByText(companies[0] ?? '', { exact: false })
      .first()
      .waitFor();
  });
});
