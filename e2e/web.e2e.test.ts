/**
 * The seed story, clicked through in a real browser against a real server started like `npm start`
 * on a fresh data dir: add an opportunity and an interview, debrief on a phone-sized screen,
 * compose with the wrong company name and see the error, fix it, mark it sent, see Today change,
 * mark the opportunity rejected and see the thanks-for-consideration action. Then every page is
 * scanned with axe-core and photographed.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpHarness } from '../test/mail/smtp-harness';
import { SCREENSHOTS } from './pages/app-page';
import { ComposePage } from './pages/compose.page';
import { DebriefPage } from './pages/debrief.page';
import { OpportunityPage } from './pages/opportunity.page';
import { PipelinePage } from './pages/pipeline.page';
import { ImportPage, InsightsPage, PeoplePage, SettingsPage } from './pages/simple.pages';
import { TodayPage } from './pages/today.page';
import { type BrowserSession, browserUnavailable, launch } from './support/browser';
import { ROOT } from './support/build';
import { type RunningServer, startServer } from './support/server';

/** 11:00 in Los Angeles on Tue 1 Dec 2026: an hour after the interview below ended. */
const NOW = '2026-12-01T19:00:00Z';
const skip = browserUnavailable();
if (skip) console.warn(`web e2e ${skip}`);

describe.skipIf(skip !== null)('the web app in a browser', () => {
  let server: RunningServer;
  let browser: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({ now: NOW, timeZone: 'America/Los_Angeles' });
    browser = await launch();
    page = await browser.context.newPage();
    // Two cores shared with other test runs: be patient rather than flaky.
    page.setDefaultTimeout(45_000);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('walks the seed story: opportunity, interview, phone debrief, checked note, Today, rejection', async () => {
    const today = await new TodayPage(page, server.url).open();
    await expect(today.emptyState().isVisible()).resolves.toBe(true);

    // Another company in the running: the classic copy-paste disaster needs one.
    const pipeline = await new PipelinePage(page, server.url).open();
    await pipeline.addOpportunity({ company: 'Contoso', role: 'Staff Engineer' });
    await page.getByRole('heading', { level: 1, name: /Contoso/ }).waitFor();

    await today.open();
    await pipeline.open('/pipeline?add=1');
    // A mistake first: the error is a sentence next to the field, and nothing is added.
    await pipeline.addOpportunity({
      company: 'Northwind Labs',
      role: 'Senior Engineer',
      recruiter: 'Dana <not-an-email>',
    });
    await page.getByText('Recruiter: "not-an-email" is not a valid email address.').waitFor();
    await pipeline.addOpportunity({
      company: 'Northwind Labs',
      role: 'Senior Engineer',
      recruiter: 'Dana Whitfield <dana@northwind.example>',
      decisionBy: '2026-12-11',
    });
    const opportunity = new OpportunityPage(page, server.url, 'Northwind Labs');
    await opportunity.waitReady();
    await opportunity.addInterview({
      round: 'System design',
      start: '2026-12-01T09:00',
      end: '2026-12-01T10:00',
      timeZone: 'America/Los_Angeles',
      interviewers: ['Priya Raman <priya@northwind.example>', 'Sam Ortiz'],
    });
    expect((await opportunity.nextActions()).join('\n')).toMatch(/Priya Raman/);

    // The walk to the car: a phone-sized screen.
    await page.setViewportSize({ width: 375, height: 740 });
    await opportunity.openDebrief('System design');
    const debrief = new DebriefPage(page, server.url);
    await debrief.waitReady();
    await debrief.fill('How did it go?', 'Good. The design went well; the estimate was shaky.');
    await debrief.fill('What stayed with you about Priya Raman', 'the chaos drills her team runs on Fridays');
    await debrief.waitSaved();
    // A dropped connection loses nothing: the words wait on the device and go out when it is back.
    await browser.context.setOffline(true);
    await debrief.fill('What to practise (private)', 'The capacity estimate, worked through properly.');
    await page.getByText(/Not saved to Afterview yet/).waitFor();
    const pending = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('afterview:debrief:')),
    );
    expect(pending).toHaveLength(1);
    await browser.context.setOffline(false);
    await debrief.waitSaved();
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(375);
    await debrief.screenshot('debrief-375px');
    await page.reload();
    await debrief.waitReady();
    expect(await debrief.value('What stayed with you about Priya Raman')).toBe(
      'the chaos drills her team runs on Fridays',
    );
    expect(await debrief.value('What to practise (private)')).toBe(
      'The capacity estimate, worked through properly.',
    );
    await page.setViewportSize({ width: 1200, height: 900 });

    // Compose from Today: the draft comes from the debrief.
    await today.open();
    await today.writeNoteFor(/Priya Raman/);
    const compose = new ComposePage(page, server.url);
    await compose.waitReady();
    const draft = await compose.waitForDraft();
    // Written to Priya: "her team" in the debrief is "your team" in the note; the private
    // "what to practise" stays out.
    expect(draft).toContain('the chaos drills your team runs on Fridays');
    expect(draft).not.toContain('capacity estimate');
    expect(draft).toContain('Northwind Labs');

    await compose.setBody(draft.replaceAll('Northwind Labs', 'Contoso'));
    await compose.waitForFinding(/Wrong company/);
    expect(await compose.underlined()).toContain('Contoso');
    await expect(compose.markSentButton().isDisabled()).resolves.toBe(true);

    await compose.setBody(draft);
    await compose.waitClean();
    await expect(compose.markSentButton().isEnabled()).resolves.toBe(true);
    await compose.markSent();

    await today.open();
    const after = await today.actionTitles();
    expect(after.some((t) => /Priya Raman/.test(t) && /thank/i.test(t))).toBe(false);
    expect(after.some((t) => /Sam Ortiz/.test(t))).toBe(true);
    // Sam's address was missing: add it from the person page, and the collect-contact action goes.
    expect(after.some((t) => /Get Sam Ortiz.s email address/.test(t))).toBe(true);
    await today
      .action(/Get Sam Ortiz.s email address/)
      .getByRole('link', { name: 'Add the details' })
      .click();
    // "Add the details" opens Sam's page with the cursor already in the email field.
    await page.getByRole('heading', { level: 1, name: 'Sam Ortiz' }).waitFor();
    const editSam = page.getByRole('form', { name: 'Edit Sam Ortiz' });
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
    expect(await editSam.getByLabel('Email addresses').evaluate((el) => el === document.activeElement)).toBe(
      true,
    );
    await page.keyboard.type('sam.ortiz@northwind.example');
    await editSam.getByRole('button', { name: 'Save Sam Ortiz' }).click();
    await page.getByText(/Email “sam.ortiz@northwind.example” — typed by you on/).waitFor();
    await today.open();
    expect((await today.actionTitles()).some((t) => /Get Sam Ortiz.s email address/.test(t))).toBe(false);
    await today.screenshot('today');

    // The rejection flow.
    await pipeline.open();
    await pipeline.moveTo('Northwind Labs', 'Senior Engineer', 'Rejected');
    await page
      .getByRole('region', { name: /^Rejected/ })
      .locator('strong', { hasText: 'Northwind Labs' })
      .waitFor();
    await today.open();
    await page.getByText('Thanks for the consideration').first().waitFor();
    expect((await today.actionTitles()).join('\n')).toMatch(/Dana Whitfield/);
  }, 120_000);

  it('sends the thanks-for-consideration note through a connected mail server', async () => {
    const smtp = await startSmtpHarness();
    try {
      const settings = await new SettingsPage(page, server.url).open();
      await page.getByLabel('Sending server URL').fill(smtp.url);
      await page.getByLabel('Send as (email address)').fill('alex@personal.example');
      await page.getByRole('button', { name: 'Save email settings' }).click();
      await page.getByText(/Sending \(SMTP\): smtp:/).waitFor();
      await settings.screenshot('settings-email');

      const today = await new TodayPage(page, server.url).open();
      await today.writeNoteFor(/Dana Whitfield/);
      const compose = new ComposePage(page, server.url);
      await compose.waitReady();
      expect(await compose.waitForDraft()).toMatch(/Dana/);
      await compose.waitClean();
      await page.getByRole('button', { name: 'Send now' }).click();
      await page.getByText(/Your note to Dana Whitfield is on its way/).waitFor();
      // The outbox worker of `afterview serve` delivers it.
      for (let i = 0; i < 100 && smtp.accepted.length === 0; i++)
        await new Promise((r) => setTimeout(r, 200));
      expect(smtp.accepted.map((m) => m.to)).toEqual([['dana@northwind.example']]);

      await today.open();
      expect((await today.actionTitles()).join('\n')).not.toMatch(/Dana Whitfield/);

      // A note for later waits in the outbox, and Today says when it goes out.
      await compose.open('/compose');
      await page
        .getByLabel('To', { exact: true })
        .selectOption({ label: 'Priya Raman <priya@northwind.example>' });
      await page.getByLabel('Kind').selectOption({ label: 'Other' });
      await page.getByLabel('Subject').fill('The talk I mentioned');
      await compose.setBody(
        'Hi Priya,\n\nHere is the link to the chaos engineering talk I mentioned.\n\nBest,\nAlex',
      );
      await page.getByLabel('Send at').fill('2026-12-03T09:00');
      await page.getByRole('button', { name: 'Schedule' }).click();
      // The account is in Los Angeles, so the app writes dates the American way (en-US).
      await page.getByText(/will go out Thu, Dec 3, 9:00\sAM/).waitFor();
      await today.open();
      await page
        .getByRole('region', { name: 'Outbox' })
        .getByText(/Goes out Thu, Dec 3, 9:00\sAM/)
        .waitFor();
    } finally {
      await smtp.close();
    }
  }, 90_000);

  it('is usable from the keyboard: skip link, then a form filled and sent without the mouse', async () => {
    await new PipelinePage(page, server.url).open('/pipeline?add=1');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.getByLabel('Company').focus();
    await page.keyboard.type('Fabrikam');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Platform Engineer');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Fabrikam/ }).waitFor();
  }, 60_000);

  it('imports a calendar invite: shows what it understood, saves it on confirmation', async () => {
    const importPage = await new ImportPage(page, server.url).open();
    await importPage.choose(join(ROOT, 'test', 'fixtures', 'capture', 'invite-seq0.ics'));
    const understood = await importPage.understood();
    expect(understood).toContain('Tomás Ruiz');
    expect(understood).toMatch(/Saving will add: .*new interview/);
    const saved = await importPage.saveAll();
    expect(saved).toMatch(/Saved: .*1 new interview/);
    await page
      .getByRole('link', { name: /Fabrikam/ })
      .first()
      .click();
    // The interview's own card (the actions in "Next" name the round too).
    await page
      .getByRole('region', { name: 'Interviews' })
      .getByRole('heading', { level: 3, name: /Hiring manager/ })
      .waitFor();
  }, 60_000);

  it('moves an opportunity by dragging its card to another stage', async () => {
    const pipeline = await new PipelinePage(page, server.url).open();
    await pipeline.drag('Contoso', 'Waiting');
    await page
      .getByRole('region', { name: /^Waiting/ })
      .locator('strong', { hasText: 'Contoso' })
      .waitFor();
    await pipeline.open();
    expect(await pipeline.companiesIn('Waiting')).toContain('Contoso');
  }, 60_000);

  it('shows what people type as text, never as markup', async () => {
    const pipeline = await new PipelinePage(page, server.url).open('/pipeline?add=1');
    await pipeline.addOpportunity({
      company: '<img src=x onerror="window.pwned=1">',
      role: '<b>Lead</b> & co',
    });
    const heading = page.getByRole('heading', { level: 1 });
    await heading.filter({ hasText: '<img' }).waitFor();
    expect(await heading.textContent()).toContain('<img src=x onerror="window.pwned=1">');
    expect(await page.locator('main img, main b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  }, 60_000);

  it('has no axe-core violations on any page, and photographs each one', async () => {
    await page.setViewportSize({ width: 1200, height: 900 });
    const opportunityId = await page.evaluate(async () => {
      const r = await fetch('/api/opportunities');
      const body = (await r.json()) as { opportunities: Array<{ id: string; company: string }> };
      return body.opportunities.find((o) => o.company === 'Northwind Labs')?.id ?? '';
    });
    const interviewId = await page.evaluate(async (id) => {
      const r = await fetch(`/api/interviews?opportunityId=${id}`);
      return ((await r.json()) as { interviews: Array<{ id: string }> }).interviews[0]?.id ?? '';
    }, opportunityId);
    const pages = [
      ['today', new TodayPage(page, server.url)],
      ['pipeline', new PipelinePage(page, server.url)],
      [
        'opportunity',
        new OpportunityPage(page, server.url, 'Northwind Labs'),
        `/opportunities/${opportunityId}`,
      ],
      ['debrief', new DebriefPage(page, server.url), `/interviews/${interviewId}/debrief`],
      [
        'compose',
        new ComposePage(page, server.url),
        `/compose?interview=${interviewId}&opportunity=${opportunityId}`,
      ],
      ['people', new PeoplePage(page, server.url)],
      ['insights', new InsightsPage(page, server.url)],
      ['settings', new SettingsPage(page, server.url)],
      ['import', new ImportPage(page, server.url)],
    ] as const;
    const report: string[] = [];
    for (const [name, p, path] of pages) {
      await p.open(path);
      if (p instanceof InsightsPage) expect(await p.chartCount()).toBe(5);
      report.push(...(await p.axeViolations()).map((v) => `${name}: ${v}`));
      await p.screenshot(name);
      // Readable on a 375 px phone: nothing wider than the screen.
      await page.setViewportSize({ width: 375, height: 740 });
      // Charts re-measure after a resize (ResizeObserver): give the layout a moment to settle.
      const fits = await page
        .waitForFunction(() => document.documentElement.scrollWidth <= 375, undefined, { timeout: 3000 })
        .then(() => true)
        .catch(() => false);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (!fits) report.push(`${name}: ${width} px wide at 375 px`);
      await page.setViewportSize({ width: 1200, height: 900 });
    }
    expect(report).toEqual([]);
  }, 120_000);
});

describe.skipIf(skip !== null)('a newcomer trying the sample data', () => {
  let server: RunningServer;
  let browser: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({ now: NOW, timeZone: 'America/Los_Angeles' });
    browser = await launch();
    page = await browser.context.newPage();
    page.setDefaultTimeout(45_000);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('fills every page from the empty state with one click', async () => {
    const today = await new TodayPage(page, server.url).open();
    await page.getByRole('button', { name: 'Try with sample data' }).click();
    // Either something to do now, or the calm "nothing until…" with what is coming up and done.
    // Seeding itself takes about 3 s (`afterview demo`, scale 20, start-up included), but on two
    // cores shared with builds and other browsers the answer can wait its turn: as patient as the
    // everyday e2e test.
    await page
      .getByRole('heading', { level: 2, name: /To do now|Coming up/ })
      .first()
      .waitFor({ timeout: 150_000 });
    await page.getByRole('heading', { level: 2, name: 'Already done' }).waitFor();
    expect(await today.axeViolations()).toEqual([]);
    // The README shows Today as a newcomer sees it after trying the sample data.
    await page.screenshot({ path: join(SCREENSHOTS, 'readme-today.png') });
    if (process.env.AFTERVIEW_UPDATE_README_SCREENSHOT === '1') {
      mkdirSync(join(ROOT, 'docs'), { recursive: true });
      copyFileSync(join(SCREENSHOTS, 'readme-today.png'), join(ROOT, 'docs', 'screenshot-today.png'));
    }
    const pipeline = await new PipelinePage(page, server.url).open();
    expect(
      (await pipeline.companiesIn('Applied')).length + (await pipeline.companiesIn('Waiting')).length,
    ).toBeGreaterThan(0);
    const insights = await new InsightsPage(page, server.url).open();
    expect(await insights.chartCount()).toBe(5);
    await insights.screenshot('insights-sample-data');
  }, 240_000);
});
