/**
 * The Import page in a real browser against a real server: a CSV whose guessed columns the user
 * corrects before saving, a pasted schedule email, a broken file's error sentence next to the
 * control, and a business card photographed from an interview's "Scan a business card" button
 * on a phone-sized screen (fields corrected, then saved to that interview). axe-core checks the
 * page in each state.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, imageMagickSkipReason, renderCard } from '../test/capture-fixtures';
import { ImportFlowPage } from './pages/import.page';
import { OpportunityPage } from './pages/opportunity.page';
import { PipelinePage } from './pages/pipeline.page';
import { type BrowserSession, browserUnavailable, launch } from './support/browser';
import { accountDates } from './support/dates';
import { type RunningServer, startServer } from './support/server';

/** 11:00 in Los Angeles on Tue 1 Dec 2026. */
const NOW = '2026-12-01T19:00:00Z';
const skip = browserUnavailable();
if (skip) console.warn(`import e2e ${skip}`);
const noImageMagick = imageMagickSkipReason();
if (noImageMagick) console.warn(`import e2e card test skipped: ${noImageMagick}`);

describe.skipIf(skip !== null)('the Import page in a browser', () => {
  let server: RunningServer;
  let browser: BrowserSession;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'afterview-import-e2e-'));
    server = await startServer({ now: NOW, timeZone: 'America/Los_Angeles' });
    browser = await launch();
    page = await browser.context.newPage();
    // Two cores shared with other test runs (and OCR): be patient rather than flaky.
    page.setDefaultTimeout(60_000);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const people = () =>
    page.evaluate(async () => {
      const r = await fetch('/api/people');
      const body = (await r.json()) as { people: Array<{ displayName: string; title: string | null }> };
      return body.people;
    });

  it('reads a CSV with the guessed columns, lets the user fix one, reads again and saves', async () => {
    const csv = join(dir, 'tracker.csv');
    writeFileSync(
      csv,
      'Company,Role,Contact,Title,Email\nLitware,Data Engineer,Mei Tanaka,Head of Talent,mei@litware.example\n',
    );
    const importPage = await new ImportFlowPage(page, server.url).open();
    const report = (await importPage.axeViolations()).map((v) => `empty: ${v}`);
    await importPage.choose(csv);
    // The guess, one select per field: "Title" was not recognised as the contact's title.
    await expect(importPage.column('Company').inputValue()).resolves.toBe('Company');
    await expect(importPage.column('Contact name').inputValue()).resolves.toBe('Contact');
    await expect(importPage.column('Contact title').inputValue()).resolves.toBe('');
    expect(await importPage.understood()).not.toContain('Head of Talent');
    report.push(...(await importPage.axeViolations()).map((v) => `csv guessed: ${v}`));

    await importPage.column('Contact title').selectOption({ label: 'Title' });
    await importPage.rereadColumns();
    await expect(importPage.column('Contact title').inputValue()).resolves.toBe('Title');
    expect(await importPage.understood()).toContain('Mei Tanaka, Head of Talent');
    expect((await people()).map((p) => p.displayName)).not.toContain('Mei Tanaka');
    report.push(...(await importPage.axeViolations()).map((v) => `csv corrected: ${v}`));

    const saved = await importPage.saveAll();
    expect(saved).toMatch(/Saved: 1 new opportunity, 1 new person/);
    expect(saved).toContain('Litware — Data Engineer');
    expect(await people()).toContainEqual(
      expect.objectContaining({ displayName: 'Mei Tanaka', title: 'Head of Talent' }),
    );
    report.push(...(await importPage.axeViolations()).map((v) => `saved: ${v}`));
    expect(report).toEqual([]);
  }, 120_000);

  it('reads a pasted schedule email as a .txt schedule and saves its interviews', async () => {
    const importPage = await new ImportFlowPage(page, server.url).open();
    await importPage.pasteSchedule(fixture('schedule-email-northwind.txt').toString('utf8'));
    const understood = await importPage.understood();
    expect(understood).toContain('Priya Raman, Engineering Manager');
    expect(understood).toContain("Siobhán O'Connell");
    expect(understood).toContain('Diego Fernández-Ortiz');
    // 10:00 Pacific on Tue 8 Dec, written as the app writes days for this account's locale.
    expect(understood).toContain((await accountDates(server.url)).day('2026-12-08T18:00:00Z'));
    expect(understood).toMatch(/Saving will add: .*new interviews/);
    const report = (await importPage.axeViolations()).map((v) => `schedule: ${v}`);
    const saved = await importPage.saveAll();
    expect(saved).toMatch(/Saved: .*new interviews/);
    expect(saved).toContain('Northwind Labs');
    expect((await people()).map((p) => p.displayName)).toContain("Siobhán O'Connell");
    expect(report).toEqual([]);
  }, 120_000);

  it('shows a broken file as a sentence next to the file control, and reads nothing', async () => {
    const garbage = join(dir, 'garbage.ics');
    // Fixed bytes, NULs and invalid UTF-8 included: binary, not a calendar.
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    writeFileSync(garbage, bytes);
    const importPage = await new ImportFlowPage(page, server.url).open();
    await importPage.chooseRaw('Choose a file', garbage);
    await page.getByRole('alert').first().waitFor();
    const sentence = await importPage.errorNextTo('Choose a file');
    expect(sentence).toMatch(/^\S.{10,}[.)]$/);
    expect(await page.getByRole('heading', { level: 1, name: 'Import' }).isVisible()).toBe(true);
    expect(await importPage.understoodRegion().count()).toBe(0);
    expect(await page.getByLabel('Choose a file', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await importPage.axeViolations()).toEqual([]);
  }, 60_000);

  it('names the line of a NUL byte in an invite as a sentence of its own, not glued to the label', async () => {
    const invite = join(dir, 'nul.ics');
    const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//x//y//EN', 'BEGIN:VEVENT', 'UID:nul-1'];
    lines.push(
      'DTSTART:20261208T170000Z',
      'DTEND:20261208T180000Z',
      'SUMMARY:Onsite',
      'LOCATION:Room\u0000 4',
    );
    lines.push('END:VEVENT', 'END:VCALENDAR');
    writeFileSync(invite, `${lines.join('\r\n')}\r\n`);
    const importPage = await new ImportFlowPage(page, server.url).open();
    await importPage.chooseRaw('Choose a file', invite);
    await page.getByRole('alert').first().waitFor();
    expect(await importPage.errorNextTo('Choose a file')).toBe(
      'Line 9: the calendar file contains binary data, not text.',
    );
  }, 60_000);

  it.skipIf(noImageMagick !== null)(
    'scans a business card from an interview on a phone: fields shown, corrected, saved to that interview',
    async () => {
      const card = renderCard(
        join(dir, 'card.png'),
        [
          ['Rosalind Okafor', 44],
          ['Product Manager', 32],
          ['Fabrikam', 32],
          ['rosalind.okafor@fabrikam.example', 32],
          ['+1 (415) 555-0123', 32],
          ['www.fabrikam.example', 32],
        ],
        2,
      );
      const pipeline = await new PipelinePage(page, server.url).open('/pipeline?add=1');
      await pipeline.addOpportunity({ company: 'Fabrikam', role: 'Platform Engineer' });
      const opportunity = new OpportunityPage(page, server.url, 'Fabrikam');
      await opportunity.waitReady();
      await opportunity.addInterview({
        round: 'Product sense',
        start: '2026-12-01T09:00',
        end: '2026-12-01T10:00',
        timeZone: 'America/Los_Angeles',
        interviewers: [],
      });
      const opportunityUrl = page.url();

      await page.setViewportSize({ width: 375, height: 740 });
      await page.getByRole('link', { name: 'Scan a business card from Product sense' }).click();
      const importPage = new ImportFlowPage(page, server.url);
      await importPage.waitReady();
      expect(new URL(page.url()).searchParams.get('mode')).toBe('card');
      const attach = page.getByLabel('Attach to', { exact: true });
      // The choices arrive with the opportunities list; the preselected one shows once they have.
      await attach
        .locator('option', { hasText: 'Fabrikam — Platform Engineer' })
        .waitFor({ state: 'attached' });
      expect(await attach.locator('option:checked').textContent()).toBe('Fabrikam — Platform Engineer');
      const input = page.getByLabel('Scan a business card', { exact: true });
      expect(await input.getAttribute('capture')).toBe('environment');
      expect(await input.getAttribute('accept')).toBe('image/*');

      await input.setInputFiles(card);
      // OCR takes a few seconds: a labelled progress bar says so meanwhile.
      await page.getByRole('progressbar', { name: /Reading the card/ }).waitFor();
      await importPage.understoodRegion().waitFor();
      await expect(importPage.cardField('Email').inputValue()).resolves.toBe(
        'rosalind.okafor@fabrikam.example',
      );
      expect((await importPage.cardField('Phone').inputValue()).replace(/\D/g, '')).toContain('4155550123');
      expect(await importPage.cardField('Website').inputValue()).toContain('fabrikam.example');
      const report = (await importPage.axeViolations()).map((v) => `card: ${v}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await importPage.screenshot('import-card-375px');

      // Nothing is saved before the user confirms; their corrections are what gets saved.
      expect((await people()).map((p) => p.displayName)).not.toContain('Rosalind Okafor');
      await importPage.cardField('Name').fill('Rosalind Okafor');
      await importPage.cardField('Title').fill('Senior Product Manager');
      await importPage.cardField('Company').fill('Fabrikam');
      const saved = await importPage.saveAll();
      expect(saved).toMatch(/1 new person/);
      expect(await people()).toContainEqual(
        expect.objectContaining({ displayName: 'Rosalind Okafor', title: 'Senior Product Manager' }),
      );
      report.push(...(await importPage.axeViolations()).map((v) => `card saved: ${v}`));

      await page.goto(opportunityUrl);
      await opportunity.waitReady();
      const interview = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: 'Product sense', exact: true }) });
      expect(await interview.textContent()).toContain('With: Rosalind Okafor');
      await page.setViewportSize({ width: 1200, height: 900 });
      expect(report).toEqual([]);
    },
    180_000,
  );
});
