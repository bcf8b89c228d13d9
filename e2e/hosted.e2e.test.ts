/**
 * Hosted mode in a real browser against the built CLI (`afterview serve --hosted`, SQLite, system
 * mail to a loopback SMTP server): a page without a session lands on sign-in; sign up; Today at
 * 375 px with axe clean; add an opportunity, an interview, a debrief and a note; verify the
 * address; sign out; reset the password from the mailed link; sign in again; a second person sees
 * nothing of the first. The server's whole log of the run (JSON lines) is then searched for every
 * secret and every sentence typed: none may appear.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpHarness, startSmtpHarness } from '../test/mail/smtp-harness';
import { ComposePage } from './pages/compose.page';
import { DebriefPage } from './pages/debrief.page';
import { OpportunityPage } from './pages/opportunity.page';
import { PipelinePage } from './pages/pipeline.page';
import { SignInPage } from './pages/sign-in.page';
import { SettingsPage } from './pages/simple.pages';
import { TodayPage } from './pages/today.page';
import { type BrowserSession, browserUnavailable, launch } from './support/browser';
import { type RunningServer, startHostedServer } from './support/server';

const skip = browserUnavailable();
if (skip) console.warn(`hosted e2e ${skip}`);

const PASSWORD = 'Coffee-in-the-lobby-after';
const NEW_PASSWORD = 'Rain-on-the-bus-home-later';
/** Typed in the run; the log must never carry them. */
const FEELING = 'Tired but the whiteboard round went better than I feared';
const DEBRIEF = 'the lighthouse metaphor she used for their on-call rota';
const NOTE = 'I keep thinking about your lighthouse picture of the on-call rota.';

/** A mailed link's token (quoted-printable undone first). */
function mailedToken(raw: string | undefined, pattern: RegExp): string {
  const token = pattern.exec((raw ?? '').replace(/=\r?\n/g, '').replace(/=3D/g, '='))?.[1];
  if (!token) throw new Error(`no token in the mail:\n${raw}`);
  return token;
}

/**
 * With a system mail server sign-up asks to confirm the address first: wait for the confirmation
 * mail (the server's outbox sends it just after the request) and open its link, which signs in and
 * goes on to where the person was going.
 */
async function confirmFromMail(page: Page, smtp: SmtpHarness, email: string): Promise<void> {
  await page
    .getByRole('status')
    .filter({ hasText: /Check your mail/ })
    .waitFor();
  let link = '';
  await expect
    .poll(
      () => {
        const mail = smtp.accepted.find(
          (m) => m.to.includes(email) && m.raw.replace(/=\r?\n/g, '').includes('verify-email'),
        );
        link = mail
          ? mailedToken(mail.raw, /(https?:\/\/\S+\/api\/auth\/verify-email\?token=[A-Za-z0-9._-]+\S*)/)
          : '';
        return link !== '';
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  await page.goto(link);
}

describe.skipIf(skip !== null)('hosted mode in a browser', () => {
  let smtp: SmtpHarness;
  let server: RunningServer;
  let first: BrowserSession;
  let second: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    smtp = await startSmtpHarness();
    server = await startHostedServer(smtp.url);
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

  it('signs up, uses the app at 375 px, resets the password, signs in; a second person sees nothing of the first; the log holds no secret or typed sentence', async () => {
    // No session: the page is the sign-in page.
    await page.goto(new URL('/pipeline', server.url).href);
    await page.waitForURL(/\/sign-in\?next=%2Fpipeline/);
    const signIn = new SignInPage(page, server.url);
    await signIn.waitReady();
    expect(await signIn.axeViolations()).toEqual([]);

    await signIn.signUp('ada@example.org', PASSWORD);
    await confirmFromMail(page, smtp, 'ada@example.org');
    await page.waitForURL(/\/pipeline$/);
    const pipeline = new PipelinePage(page, server.url);
    await pipeline.waitReady();
    await pipeline.addOpportunity({ company: 'Northwind Labs', role: 'Staff Engineer' });
    await page.getByRole('heading', { level: 1, name: /Northwind Labs/ }).waitFor();
    const secrets: string[] = [];
    const keepSessionCookies = async (session: BrowserSession) => {
      for (const c of await session.context.cookies())
        if (c.name.includes('session')) secrets.push(c.value, decodeURIComponent(c.value));
    };
    await keepSessionCookies(first);

    // An interview, its debrief and a thank-you note, typed as a person would.
    const opportunity = new OpportunityPage(page, server.url, 'Northwind Labs');
    await opportunity.addInterview({
      round: 'System design',
      start: '2026-11-20T09:00',
      end: '2026-11-20T10:00',
      timeZone: 'Europe/London',
      interviewers: ['Priya Raman <priya@northwind.example>'],
    });
    await opportunity.openDebrief('System design');
    const debrief = new DebriefPage(page, server.url);
    await debrief.waitReady();
    await debrief.fill('How did it go?', FEELING);
    await debrief.fill('What stayed with you about Priya Raman', DEBRIEF);
    await debrief.waitSaved();
    await page.getByRole('link', { name: /thank-you notes/i }).click();
    const compose = new ComposePage(page, server.url);
    await compose.waitReady();
    await compose.waitForGreeting('Priya');
    await compose.waitSaved();
    await compose.setBody(`Hi Priya,\n\n${NOTE}\n\nBest,\nAda`);
    await compose.waitSaved();

    const today = await new TodayPage(page, server.url).open();
    expect(await today.axeViolations()).toEqual([]);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    // The confirmation mail went out through the system mail server.
    expect(smtp.accepted.some((m) => m.to.includes('ada@example.org'))).toBe(true);
    // Confirm the address from the mailed link (its token travels in the URL).
    const verifyToken = mailedToken(
      smtp.accepted.find((m) => m.to.includes('ada@example.org'))?.raw,
      /[?&]token=([A-Za-z0-9._-]+)/,
    );
    secrets.push(verifyToken);
    await page.goto(new URL(`/api/auth/verify-email?token=${verifyToken}`, server.url).href);

    // Settings says who is signed in; Sign out itself is in the nav on every page, in the first
    // screenful at 375 px (it used to be only at the foot of a 5,433 px Settings page).
    const settings = await new SettingsPage(page, server.url).open();
    await settings.page.getByText('Signed in as').waitFor();
    await today.open();
    const signOut = page.getByRole('banner').getByRole('button', { name: 'Sign out' });
    const box = await signOut.boundingBox();
    expect(box && box.y + box.height <= 740 && box.x + box.width <= 375).toBe(true);
    expect(await today.axeViolations()).toEqual([]);
    await today.screenshot('hosted-nav-sign-out-375');
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await today.axeViolations()).toEqual([]);
    await today.screenshot('hosted-nav-sign-out-1280');
    await page.setViewportSize({ width: 375, height: 740 });
    await signOut.click();
    await page.waitForURL(/\/sign-in/);
    const after = await page.request.get(new URL('/api/opportunities', server.url).href);
    expect(after.status()).toBe(401);

    // Forgot the password: the mailed link opens the reset page, and the new password works.
    await signIn.open();
    await page.getByRole('button', { name: 'Forgot your password?' }).click();
    await page.getByLabel('E-mail address').fill('ada@example.org');
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByRole('status').waitFor();
    let resetMail: string | undefined;
    for (let i = 0; i < 50 && !resetMail; i++) {
      resetMail = smtp.accepted.find(
        (m) => m.to.includes('ada@example.org') && /Reset your/.test(m.raw),
      )?.raw;
      if (!resetMail) await page.waitForTimeout(100);
    }
    const resetToken = mailedToken(resetMail, /reset-password\/([A-Za-z0-9_-]+)/);
    secrets.push(resetToken);
    await page.goto(new URL(`/reset-password?token=${resetToken}`, server.url).href);
    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: /password/i }).click();
    await page.getByText('Your password is changed').waitFor();

    // Back in with the new password: the opportunity is still there.
    await signIn.open();
    await signIn.signIn('ada@example.org', NEW_PASSWORD);
    await page.waitForURL((u) => u.pathname === '/');
    await pipeline.open();
    await expect(page.getByText('Northwind Labs').first().isVisible()).resolves.toBe(true);

    // Someone else, in another browser: nothing of Ada's.
    second = await launch();
    const other = await second.context.newPage();
    other.setDefaultTimeout(45_000);
    const otherSignIn = await new SignInPage(other, server.url).open();
    await otherSignIn.signUp('bo@example.org', PASSWORD);
    await confirmFromMail(other, smtp, 'bo@example.org');
    await other.waitForURL((u) => u.pathname === '/');
    await keepSessionCookies(second);
    await new PipelinePage(other, server.url).open();
    expect(await other.getByText('Northwind Labs').count()).toBe(0);
    const list = await other.request.get(new URL('/api/opportunities', server.url).href);
    expect((await list.json()).opportunities).toEqual([]);
    await keepSessionCookies(first);

    // The server's log of the whole run: one JSON line per request (so the search below is not
    // vacuous), and not one secret or typed sentence in it.
    const log = server.output();
    const lines = log
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg?: string; route?: string; requestId?: string; status?: number });
    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests.length).toBeGreaterThan(30);
    expect(requests.every((l) => typeof l.requestId === 'string' && typeof l.status === 'number')).toBe(true);
    const routes = new Set(requests.map((l) => l.route));
    for (const route of ['/api/auth/*', '/api/interviews/:id/debrief', '/api/drafts'])
      expect(
        [...routes].some((r) => r?.startsWith(route.replace('*', ''))),
        route,
      ).toBe(true);
    expect(secrets.length).toBeGreaterThanOrEqual(6);
    for (const secret of [PASSWORD, NEW_PASSWORD, FEELING, DEBRIEF, NOTE, ...secrets])
      expect(log.includes(secret), `the log contains "${secret}"`).toBe(false);
  }, 240_000);
});
