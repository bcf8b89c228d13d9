/**
 * Coaches in a real browser against the built CLI (`afterview serve --hosted`, SQLite, system mail
 * to a loopback SMTP server): Sam signs up, records an opportunity with an interview and a draft
 * note, and invites Kim from Settings; Kim signs up from the mail's link, accepts, and reads Sam's
 * Today and pipeline at 375 px without the note's body; Sam shares notes and Kim sees it; Sam
 * removes Kim and Kim's view says access ended. axe is clean at 375 and 1280 px; screenshots of
 * the dashboard and the client view at both widths go to artifacts/screenshots.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpHarness, startSmtpHarness } from '../test/mail/smtp-harness';
import { AppPage, SCREENSHOTS } from './pages/app-page';
import { ComposePage } from './pages/compose.page';
import { OpportunityPage } from './pages/opportunity.page';
import { PipelinePage } from './pages/pipeline.page';
import { SignInPage } from './pages/sign-in.page';
import { SettingsPage } from './pages/simple.pages';
import { TodayPage } from './pages/today.page';
import { type BrowserSession, browserUnavailable, launch } from './support/browser';
import { type RunningServer, startHostedServer } from './support/server';

const skip = browserUnavailable();
if (skip) console.warn(`coach e2e ${skip}`);

const PASSWORD = 'Coffee-in-the-lobby-after';
const NOTE_BODY = 'Dear Priya, the napkin sketch of the queue topology stayed with me all evening.';

class CoachingPage extends AppPage {
  readonly path = '/coaching';
  readonly heading = 'Your clients';
}
class AcceptPage extends AppPage {
  readonly path = '/coaching/accept';
  readonly heading = 'Coaching invitation';
}
class ClientViewPage extends AppPage {
  readonly path = '/coaching';
  readonly heading = /job search|Access ended/;
}

/**
 * Sign up through the page. A server with a system mail server may ask to confirm the address
 * first: then the link in the confirmation mail is opened (it signs in), then `afterwards`.
 */
async function signUp(
  page: Page,
  smtp: SmtpHarness,
  base: string,
  account: { name: string; email: string; afterwards: string; confirmationLandsOn?: string },
): Promise<void> {
  const signIn = new SignInPage(page, base);
  await signIn.waitReady();
  if (!(await page.getByRole('heading', { level: 1, name: 'Create an account' }).isVisible())) {
    await page.getByRole('button', { name: 'Create an account' }).click();
  }
  await page.getByLabel('Your name (optional)').fill(account.name);
  const sent = smtp.accepted.length;
  await signIn.signUp(account.email, PASSWORD);
  const signedIn = await page
    .waitForURL((u) => u.pathname !== '/sign-in', { timeout: 5_000 })
    .then(() => true)
    .catch(() => false);
  if (signedIn) return;
  let link: string | undefined;
  await expect
    .poll(
      () => {
        for (const m of smtp.accepted.slice(sent).reverse()) {
          const raw = m.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
          link = /(https?:\/\/\S+\/api\/auth\/verify-email\?token=[A-Za-z0-9._-]+\S*)/.exec(raw)?.[1];
          if (link && m.to.includes(account.email.toLowerCase())) return true;
        }
        return false;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  await page.goto(link ?? '');
  // The confirmation link itself must bring the person back to where they were going.
  const lands = account.confirmationLandsOn;
  if (lands) await page.waitForURL((u) => u.href === new URL(lands, base).href, { timeout: 10_000 });
  else await page.goto(new URL(account.afterwards, base).href);
}

/** `YYYY-MM-DDTHH:mm` of yesterday at `hour` UTC: an interview whose follow-ups are due now. */
function yesterdayAt(hour: number): string {
  const d = new Date(Date.now() - 24 * 3600_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
}

describe.skipIf(skip !== null)('coaches in a browser', () => {
  let smtp: SmtpHarness;
  let server: RunningServer;
  let samBrowser: BrowserSession;
  let kimBrowser: BrowserSession;
  let sam: Page;
  let kim: Page;

  beforeAll(async () => {
    smtp = await startSmtpHarness();
    server = await startHostedServer(smtp.url);
    samBrowser = await launch();
    kimBrowser = await launch();
    sam = await samBrowser.context.newPage();
    kim = await kimBrowser.context.newPage();
    await sam.setViewportSize({ width: 1280, height: 900 });
    await kim.setViewportSize({ width: 375, height: 740 });
    sam.setDefaultTimeout(45_000);
    kim.setDefaultTimeout(45_000);
  }, 180_000);

  afterAll(async () => {
    await samBrowser?.close();
    await kimBrowser?.close();
    await server?.stop();
    await smtp?.close();
  });

  it('invite, accept from the mail, read only without note bodies until shared, access ends on revoke', async () => {
    // Sam: an opportunity with yesterday's interview and a draft thank-you note.
    await sam.goto(new URL('/pipeline?add=1', server.url).href);
    await signUp(sam, smtp, server.url, {
      name: 'Sam Rivera',
      email: 'sam@example.org',
      afterwards: '/pipeline?add=1',
    });
    await sam.waitForURL(/\/pipeline/);
    const pipeline = new PipelinePage(sam, server.url);
    await pipeline.waitReady();
    await pipeline.addOpportunity({ company: 'Northwind Labs', role: 'Staff Engineer' });
    const opportunity = new OpportunityPage(sam, server.url, 'Northwind Labs');
    await opportunity.waitReady();
    await opportunity.addInterview({
      round: 'System design',
      start: yesterdayAt(10),
      end: yesterdayAt(11),
      timeZone: 'UTC',
      interviewers: ['Priya Raman <priya@northwind.example>'],
    });
    const today = await new TodayPage(sam, server.url).open();
    await today.writeNoteFor(/Send Priya Raman a thank-you note/);
    const compose = new ComposePage(sam, server.url);
    await compose.waitReady();
    await compose.waitForDraft();
    await compose.setBody(NOTE_BODY);
    await compose.waitSaved();

    // Sam invites Kim from Settings.
    const settings = await new SettingsPage(sam, server.url).open();
    await sam.getByLabel("Your coach's e-mail address").fill('Kim@Example.org');
    await sam.getByRole('button', { name: 'Send invitation' }).click();
    await sam.getByText('Invitation sent to kim@example.org.').waitFor();
    await sam.getByText('Invited', { exact: true }).waitFor();
    expect(await settings.axeViolations()).toEqual([]);
    // Sam coaches nobody: no Coaching in her nav.
    expect(
      await sam.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Coaching' }).count(),
    ).toBe(0);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await sam
      .locator('section[aria-labelledby="coach-heading"]')
      .screenshot({ path: join(SCREENSHOTS, 'coach-settings-1280.png') });
    // The invitation may leave through the outbox loop a moment after the answer.
    await expect
      .poll(() => smtp.accepted.some((m) => m.to.includes('kim@example.org')), { timeout: 20_000 })
      .toBe(true);
    const mail = smtp.accepted.find((m) => m.to.includes('kim@example.org'));
    const raw = mail?.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=') ?? '';
    expect(raw).toContain('Sam Rivera');
    const link = /(http:\/\/127\.0\.0\.1:\d+\/coaching\/accept\?token=[A-Za-z0-9_-]+)/.exec(raw)?.[1];
    expect(link).toBeDefined();

    // Kim, on a phone: the link asks her to sign in first, then brings her back to accept.
    await kim.goto(link ?? '');
    await kim.waitForURL(/\/sign-in\?next=/);
    await signUp(kim, smtp, server.url, {
      name: 'Kim Okafor',
      email: 'kim@example.org',
      afterwards: link ?? '',
      confirmationLandsOn: link ?? '',
    });
    await kim.waitForURL(/\/coaching\/accept\?token=/);
    const accept = new AcceptPage(kim, server.url);
    await accept.waitReady();
    expect(await accept.axeViolations()).toEqual([]);
    await kim.getByRole('button', { name: 'Accept the invitation' }).click();
    const view = new ClientViewPage(kim, server.url);
    await kim.getByRole('heading', { level: 1, name: /Sam Rivera's job search/ }).waitFor();
    await view.waitReady();
    await kim.getByText('Northwind Labs').first().waitFor();
    await kim.getByRole('heading', { level: 3, name: /Send Priya Raman a thank-you note/ }).waitFor();
    await expect(
      kim
        .getByText(/read only/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    expect(await kim.content()).not.toContain('napkin sketch');
    // Nothing on the client view writes.
    expect(await kim.locator('main button').count()).toBe(0);
    expect(await kim.locator('main form, main input, main select, main textarea').count()).toBe(0);
    expect(await kim.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await view.axeViolations()).toEqual([]);
    await view.screenshot('coach-client-375');
    await kim.getByRole('link', { name: 'Coaching' }).waitFor();

    const dashboard = await new CoachingPage(kim, server.url).open();
    await kim.getByRole('link', { name: 'Sam Rivera' }).waitFor();
    await kim
      .getByText(/overdue action/)
      .first()
      .waitFor();
    expect(await dashboard.axeViolations()).toEqual([]);
    await dashboard.screenshot('coach-dashboard-375');
    await kim.setViewportSize({ width: 1280, height: 900 });
    expect(await dashboard.axeViolations()).toEqual([]);
    await dashboard.screenshot('coach-dashboard-1280');
    await kim.getByRole('link', { name: 'Sam Rivera' }).click();
    await view.waitReady();
    expect(await view.axeViolations()).toEqual([]);
    await view.screenshot('coach-client-1280');
    await kim.setViewportSize({ width: 375, height: 740 });

    // Sam shares notes: Kim sees the note on her next load.
    await settings.open();
    const share = sam.getByLabel(/Share my notes with Kim Okafor/);
    await share.check();
    await sam.waitForLoadState('networkidle');
    await expect(share.isChecked()).resolves.toBe(true);
    await kim.reload();
    await view.waitReady();
    await kim.getByText(/napkin sketch/).waitFor();

    // Sam removes Kim (with the calm confirmation): Kim's view says access ended.
    await sam.getByRole('button', { name: /Remove coach/ }).click();
    await sam.getByRole('button', { name: 'Remove Kim Okafor' }).click();
    await sam.getByRole('button', { name: /Remove coach/ }).waitFor({ state: 'detached' });
    await expect(sam.getByRole('button', { name: /Remove coach/ }).count()).resolves.toBe(0);
    await kim.reload();
    await kim.getByRole('heading', { level: 1, name: 'Access ended' }).waitFor();
    await kim.getByText(/Your access to this job search has ended/).waitFor();
    expect(await kim.content()).not.toContain('Northwind Labs');
    expect(await view.axeViolations()).toEqual([]);
    // Her dashboard is empty, and Coaching leaves her nav.
    await new CoachingPage(kim, server.url).open();
    await kim.getByText('No one shares their job search with you right now.').waitFor();
    await kim
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Coaching' })
      .waitFor({ state: 'detached' });
  }, 300_000);
});
