/**
 * What a newcomer's first hour on a local install showed, in a real browser against a real
 * server: no page logs a console error (no hosted-only route is called), Today's calm line is
 * true of the data, an opportunity's "Next" shows urgency and the way to act as Today does, and
 * Insights' tables wrap between words on a phone. Each state is scanned with axe-core and
 * photographed at 1280 px and 375 px.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpportunityPage } from './pages/opportunity.page';
import { InsightsPage, SettingsPage } from './pages/simple.pages';
import { TodayPage } from './pages/today.page';
import { auditWidths } from './support/audit';
import { type BrowserSession, browserUnavailable, launch } from './support/browser';
import { callApi } from './support/page-api';
import { type RunningServer, startServer } from './support/server';

/** 11:00 in Los Angeles on Tue 1 Dec 2026. */
const NOW = '2026-12-01T19:00:00Z';
const SHOTS = '/tmp/afterview-trial';
const skip = browserUnavailable();
if (skip) console.warn(`trial e2e ${skip}`);

describe.skipIf(skip !== null)('a newcomer on a local install', () => {
  let server: RunningServer;
  let browser: BrowserSession;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer({ now: NOW, timeZone: 'America/Los_Angeles' });
    browser = await launch();
    page = await browser.context.newPage();
    page.setDefaultTimeout(45_000);
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`${page.url()}: ${m.text()}`);
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** axe at 1280 px and at 375 px, a photograph at each, and nothing wider than a phone. */
  async function audit(state: string, scan: { axeViolations(): Promise<string[]> }): Promise<void> {
    expect(await auditWidths(page, scan, state, (width) => `${SHOTS}/${state}-${width}.png`)).toEqual([]);
  }

  it('loads every page without a console error: no hosted-only route is asked for', async () => {
    for (const path of ['/', '/pipeline', '/people', '/insights', '/import', '/settings']) {
      await page.goto(new URL(path, server.url).href);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
    }
    // Local mode shows no account or coach sections, and no Sign out.
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  }, 120_000);

  it('says to add an interview, not an opportunity, when opportunities exist but nothing is planned', async () => {
    await page.goto(server.url);
    for (const company of ['Northwind Labs', 'Fabrikam']) {
      await callApi(page, 'POST', '/api/opportunities', { company, role: 'Senior Engineer' });
    }
    const today = await new TodayPage(page, server.url).open();
    const calm = page.getByTestId('calm');
    await calm.waitFor();
    expect(await calm.textContent()).toMatch(/^Nothing to do\. When an interview is booked, add it/);
    expect(await calm.textContent()).not.toMatch(/Add an opportunity|first opportunity/);
    expect(await calm.getByRole('link', { name: 'Open the pipeline' }).getAttribute('href')).toBe(
      '/pipeline',
    );
    await audit('today-no-interviews', today);
  }, 120_000);

  it("marks an overdue debrief on the opportunity's Next list as Today does, with its link", async () => {
    const { opportunities } = await callApi<{ opportunities: Array<{ id: string; company: string }> }>(
      page,
      'GET',
      '/api/opportunities',
    );
    const northwind = opportunities.find((o) => o.company === 'Northwind Labs');
    const iv = await callApi<{ id: string }>(page, 'POST', '/api/interviews', {
      opportunityId: northwind?.id,
      start: '2026-11-25T09:00',
      end: '2026-11-25T10:00',
      timeZone: 'America/Los_Angeles',
      round: 'System design',
      interviewers: ['Priya Raman <priya@northwind.example>'],
    });
    const today = await new TodayPage(page, server.url).open();
    const onToday = page.locator('li.action', { hasText: /debrief/i }).first();
    expect(await onToday.locator('.badge.level').textContent()).toBe('Overdue');

    const opportunity = new OpportunityPage(page, server.url, 'Northwind Labs');
    await opportunity.open(`/opportunities/${northwind?.id}`);
    const next = page
      .getByRole('region', { name: 'Next' })
      .or(page.locator('section[aria-labelledby="next-heading"]'));
    const item = next.locator('li', { hasText: /debrief/i }).first();
    expect(await item.locator('.badge.level').textContent()).toBe('Overdue');
    expect(await item.locator('.due').textContent()).toMatch(/^Overdue since /);
    expect(await item.getByRole('link', { name: 'Write the debrief' }).getAttribute('href')).toBe(
      `/interviews/${iv.id}/debrief`,
    );
    // The same words Today uses for the same action.
    expect(await item.locator('h3').textContent()).toBe(await onToday.locator('h3').textContent());
    await today.open();
    await opportunity.open(`/opportunities/${northwind?.id}`);
    await audit('opportunity-next-overdue', opportunity);
  }, 120_000);

  it('wraps Insights tables between words at 375 px, never inside one, and nothing overflows', async () => {
    await page.goto(server.url);
    const riverbend = await callApi<{ id: string }>(page, 'POST', '/api/opportunities', {
      company: 'Riverbend Bio',
      role: 'Staff Engineer',
      // "Interviewing" is the longest stage name the stage table shows.
      stage: 'interviewing',
      recruiter: 'Lena Fischer <lena@riverbend.example>',
    });
    await callApi(page, 'POST', '/api/interviews', {
      opportunityId: riverbend.id,
      start: '2026-11-20T09:00',
      end: '2026-11-20T10:00',
      timeZone: 'America/Los_Angeles',
      interviewers: ['Omar Haddad <omar@riverbend.example>'],
    });
    const { people } = await callApi<{ people: Array<{ id: string; displayName: string }> }>(
      page,
      'GET',
      '/api/people',
    );
    const lena = people.find((p) => p.displayName === 'Lena Fischer')?.id;
    for (const [direction, kind, at] of [
      ['out', 'check-in', '2026-11-24T10:00'],
      ['in', 'reply', '2026-11-26T10:00'],
    ] as const) {
      await callApi(page, 'POST', '/api/messages', {
        direction,
        contactId: lena,
        kind,
        at,
        opportunityId: riverbend.id,
        subject: 'Next steps',
        body: 'Hello',
      });
    }
    await page.setViewportSize({ width: 375, height: 740 });
    const insights = await new InsightsPage(page, server.url).open();
    await page.locator('.chart-table').first().waitFor();
    const broken = await page.evaluate(() => {
      const out: string[] = [];
      for (const cell of document.querySelectorAll<HTMLElement>('.chart-table th, .chart-table td')) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = n.textContent ?? '';
          for (const m of text.matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(n, m.index ?? 0);
            range.setEnd(n, (m.index ?? 0) + m[0].length);
            // A word drawn on two lines has two boxes at different heights.
            const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            if (tops.size > 1) out.push(m[0]);
          }
        }
      }
      for (const wrap of document.querySelectorAll<HTMLElement>('.chart-table-wrap')) {
        if (wrap.scrollWidth > wrap.clientWidth)
          out.push(
            `overflow: ${wrap.scrollWidth} > ${wrap.clientWidth} in ${[...wrap.querySelectorAll('th, td')].map((c) => `${c.textContent}:${Math.round(c.getBoundingClientRect().width)}`).join(', ')}`,
          );
      }
      return out;
    });
    const cells = await page.locator('.chart-table').allTextContents();
    expect(cells.join('\n')).toMatch(/Riverbend Bio/);
    expect(cells.join('\n')).toMatch(/Interviewing/);
    expect(broken).toEqual([]);
    await audit('insights', insights);
    expect(consoleErrors).toEqual([]);
  }, 120_000);

  it('shows no account parts on Settings in local mode', async () => {
    const settings = await new SettingsPage(page, server.url).open();
    expect(await page.getByRole('heading', { name: 'Account and sessions' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Your coach' }).count()).toBe(0);
    await settings.waitReady();
    expect(consoleErrors).toEqual([]);
  }, 60_000);
});
