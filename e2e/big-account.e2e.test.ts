/**
 * A big account on a phone: a 5,000-row spreadsheet imported through the Import page (whose
 * preview lists a summary and the first rows, the bad row always), then Pipeline and People at
 * 375 px stay short and quick (a tester measured 622,011 px and 12 s for Pipeline, 816,190 px and
 * 9.5 s for People before they were limited).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportFlowPage } from './pages/import.page';
import { PipelinePage } from './pages/pipeline.page';
import { PeoplePage } from './pages/simple.pages';
import { type BrowserSession, browserUnavailable, launch } from './support/browser';
import { type RunningServer, startServer } from './support/server';

const NOW = '2026-12-01T19:00:00Z';
const ROWS = 5_000;
/** Tall enough for a summary and a few dozen cards; the unlimited pages were 30× this. */
const MAX_HEIGHT = 20_000;
const skip = browserUnavailable();
if (skip) console.warn(`big account e2e ${skip}`);

/** 5,000 applications at 5,000 companies, each with its recruiter, and one row with a bad date. */
function bigCsv(): string {
  const lines = ['Company,Role,Status,Applied,Contact Name,Contact Email'];
  for (let i = 1; i <= ROWS; i++) {
    const n = String(i).padStart(4, '0');
    const stage = i <= 20 ? 'Interviewing' : 'Applied';
    lines.push(
      `Company ${n},Engineer,${stage},2026-11-0${(i % 9) + 1},Person ${n},p${n}@company${n}.example`,
    );
  }
  lines.push('Bad Co,Engineer,Applied,2026-13-45,Nobody,nobody@bad.example');
  return `${lines.join('\n')}\n`;
}

describe.skipIf(skip !== null)('a 5,000-opportunity account at 375 px', () => {
  let server: RunningServer;
  let browser: BrowserSession;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'afterview-big-e2e-'));
    server = await startServer({ now: NOW, timeZone: 'UTC' });
    browser = await launch();
    page = await browser.context.newPage();
    page.setDefaultTimeout(120_000);
    await page.setViewportSize({ width: 375, height: 740 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const height = () => page.evaluate(() => document.scrollingElement?.scrollHeight ?? 0);

  it('previews the import as the first rows and "and N more", the skipped row listed, then saves it', async () => {
    const csv = join(dir, 'big.csv');
    writeFileSync(csv, bigCsv());
    const importPage = await new ImportFlowPage(page, server.url).open();
    await importPage.choose(csv);
    const understood = await importPage.understood();
    expect(understood).toMatch(/and 4,?950 more/);
    expect(understood).toContain('Line 5002: Applied "2026-13-45" is not a date.');
    // The skipped row is not among what saving adds.
    expect(understood).not.toContain('Bad Co');
    expect(understood).toMatch(/Saving will add: 5,?000 new opportunities/);
    expect(await height()).toBeLessThan(MAX_HEIGHT);
    expect(await importPage.saveAll()).toMatch(/Saved: 5,?000 new opportunities/);
  }, 300_000);

  it('shows Pipeline with the first cards per stage and "Show all", short and quick', async () => {
    const started = Date.now();
    const pipeline = await new PipelinePage(page, server.url).open();
    const took = Date.now() - started;
    const tall = await height();
    console.info(`big account: Pipeline at 375 px is ${tall} px tall, ready in ${took} ms`);
    expect(tall).toBeLessThan(MAX_HEIGHT);
    expect(took).toBeLessThan(10_000);
    const applied = page.locator('section[aria-labelledby="col-applied"] li');
    expect(await applied.count()).toBe(25);
    // The 20 interviewing ones fit under the limit: no button there.
    expect(await page.getByRole('button', { name: /Show all .* Interviewing/ }).count()).toBe(0);
    expect(await pipeline.axeViolations()).toEqual([]);
    await page.getByRole('button', { name: /Show all 4,?980 Applied/ }).click();
    await expect.poll(() => applied.count(), { timeout: 60_000 }).toBe(4980);
  }, 120_000);

  it('shows People as the first 100 with a way to narrow by search, short and quick', async () => {
    const started = Date.now();
    await new PeoplePage(page, server.url).open();
    const took = Date.now() - started;
    const tall = await height();
    console.info(`big account: People at 375 px is ${tall} px tall, ready in ${took} ms`);
    expect(tall).toBeLessThan(MAX_HEIGHT);
    expect(took).toBeLessThan(10_000);
    expect(await page.getByText(/Showing 100 of 5,?000; search to narrow\./).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: /^Person \d{4}$/ }).count()).toBe(100);
    await page.getByLabel('Search by name, company or email').fill('Person 4321');
    await page.getByRole('link', { name: 'Person 4321' }).waitFor();
    expect(await page.getByRole('link', { name: /^Person \d{4}$/ }).count()).toBe(1);
  }, 120_000);
});
