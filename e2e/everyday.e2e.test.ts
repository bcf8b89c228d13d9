/**
 * The everyday screens with the sample data, as a new user meets them: Today's urgency levels
 * and Undo, a rejection that asks first and then stops the interview work, people found by
 * search and grouped by company, readable forms errors, and every page checked with axe-core
 * and for horizontal scrolling at 1280 px and 375 px (each one photographed).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpportunityPage } from './pages/opportunity.page';
import { PipelinePage } from './pages/pipeline.page';
import { InsightsPage, PeoplePage, SettingsPage } from './pages/simple.pages';
import { TodayPage } from './pages/today.page';
import { type BrowserSession, browserUnavailable, launch } from './support/browser';
import { type RunningServer, startServer } from './support/server';

/** 11:00 in Los Angeles on Tue 1 Dec 2026. */
const NOW = '2026-12-01T19:00:00Z';
const skip = browserUnavailable();
if (skip) console.warn(`everyday e2e ${skip}`);

const ORDER = ['overdue', 'soon', 'today', 'later'];

describe.skipIf(skip !== null)('the everyday screens with sample data', () => {
  let server: RunningServer;
  let browser: BrowserSession;
  let page: Page;
  const api = <T>(path: string) => page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;
  /** A write through the API as the web app sends it (with the CSRF token from its cookie). */
  const post = <T>(path: string, body: unknown) =>
    page.evaluate(
      async ([p, b]) => {
        const token = decodeURIComponent(
          document.cookie
            .split('; ')
            .find((c) => c.startsWith('afterview_csrf='))
            ?.slice('afterview_csrf='.length) ?? '',
        );
        const r = await fetch(p as string, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': token },
          body: JSON.stringify(b),
        });
        return r.json();
      },
      [path, body] as const,
    ) as Promise<T>;

  beforeAll(async () => {
    server = await startServer({ now: NOW, timeZone: 'America/Los_Angeles' });
    browser = await launch();
    page = await browser.context.newPage();
    page.setDefaultTimeout(45_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    await new TodayPage(page, server.url).open();
    await page.getByRole('button', { name: 'Try with sample data' }).click();
    // Seeding a whole job hunt on two busy cores can take a while.
    await page
      .getByRole('heading', { level: 2, name: /To do now|Coming up/ })
      .first()
      .waitFor({ timeout: 150_000 });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the most urgent action first, each with its urgency in words, and undoes a decision', async () => {
    // An interview that ended yesterday evening and one that ended an hour ago: their debriefs
    // and thank-yous are overdue, due within hours, due later today and due tomorrow.
    const opp = await post<{ id: string }>('/api/opportunities', { company: 'Levels Co', role: 'Engineer' });
    for (const [round, start, end, who] of [
      ['Evening round', '2026-11-30T17:00', '2026-11-30T18:00', 'Lee Park <lee@levels.example>'],
      ['Morning round', '2026-12-01T09:00', '2026-12-01T10:00', 'Ana Silva <ana@levels.example>'],
    ] as const)
      await post('/api/interviews', {
        opportunityId: opp.id,
        round,
        start,
        end,
        timeZone: 'America/Los_Angeles',
        interviewers: [who],
      });
    const today = await new TodayPage(page, server.url).open();
    const levels = await today.levels();
    expect(new Set(levels)).toEqual(new Set(ORDER));
    const words = await page
      .getByRole('list', { name: 'To do now' })
      .locator('.badge.level')
      .allTextContents();
    expect(new Set(words)).toEqual(new Set(['Overdue', 'Due within hours', 'Due today', 'Due later']));
    // Most urgent first: the levels never go back up the list.
    const ranks = levels.map((l) => ORDER.indexOf(l));
    expect(ranks.every((r) => r >= 0)).toBe(true);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    const cards = page.getByRole('list', { name: 'To do now' }).locator(':scope > li');
    expect(await cards.first().getByText('Most urgent').count()).toBe(1);
    expect(await page.getByText('Most urgent').count()).toBe(1);
    // The level is in words on the card, not only a colour; the rule id only in the small reason.
    const firstText = (await cards.first().textContent()) ?? '';
    expect(firstText).toMatch(/Overdue|Due within hours|Due today|Due later/);
    for (const title of await today.actionTitles()) expect(title).not.toMatch(/\(rule /);

    const title = (await today.actionTitles())[0] ?? '';
    await today.decide(title, 'Done');
    const status = page.getByRole('status').filter({ hasText: 'Marked done' });
    await status.waitFor();
    expect((await status.textContent()) ?? '').toContain(title);
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('undo-status');
    expect(await today.actionTitles()).not.toContain(title);
    await today.undo();
    await page.getByRole('heading', { level: 3, name: title, exact: true }).waitFor();
    expect((await today.actionTitles())[0]).toBe(title);

    // Coming up items are links; "Already done" says who each note went to.
    const upcoming = page.getByRole('region', { name: 'Coming up' });
    if (await upcoming.count()) expect(await upcoming.getByRole('link').count()).toBeGreaterThan(0);
    const done = await page
      .getByRole('region', { name: 'Already done' })
      .getByRole('listitem')
      .allInnerTexts();
    expect(done.length).toBeGreaterThan(0);
    for (const line of done) expect(line).toMatch(/ note to \S/);
  }, 90_000);

  it('asks before a rejection, then stops offering interview work for it', async () => {
    const { opportunities } = await api<{
      opportunities: Array<{ id: string; company: string; role: string; stage: string }>;
    }>('/api/opportunities');
    const target = opportunities.find((o) => o.stage === 'interviewing' || o.stage === 'waiting');
    expect(target).toBeDefined();
    if (!target) return;
    const pipeline = await new PipelinePage(page, server.url).open();
    const select = page.getByLabel(`Stage of ${target.company} (${target.role})`);
    await select.selectOption({ label: 'Rejected' });
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect((await dialog.textContent()) ?? '').toMatch(/thanks-for-consideration/);
    await dialog.getByRole('button', { name: /^Keep it/ }).click();
    expect(await select.inputValue()).toBe(target.stage);
    expect(
      (await api<{ stage: string }>(`/api/opportunities/${target.id}/overview`)) as unknown,
    ).toMatchObject({
      opportunity: { stage: target.stage },
    });

    await pipeline.moveTo(target.company, target.role, 'Rejected');
    await page
      .getByRole('region', { name: /^Rejected/ })
      .locator('strong', { hasText: target.company })
      .first()
      .waitFor();
    // Dragging a card to a closing stage asks too.
    const other = opportunities.find(
      (o) =>
        o.id !== target.id &&
        ['applied', 'waiting', 'interviewing'].includes(o.stage) &&
        opportunities.filter((x) => x.company === o.company).length === 1,
    );
    expect(other).toBeDefined();
    if (other) {
      // The drop itself, as the browser delivers it (the column may be below the fold).
      const transfer = await page.evaluateHandle((id) => {
        const d = new DataTransfer();
        d.setData('text/plain', id);
        return d;
      }, other.id);
      await page
        .getByRole('region', { name: /^Withdrawn/ })
        .dispatchEvent('drop', { dataTransfer: transfer });
      await page
        .getByRole('dialog')
        .getByText(/Mark .* as withdrawn\?/)
        .waitFor();
      await pipeline.confirm('Withdrawn');
      await page
        .getByRole('region', { name: /^Withdrawn/ })
        .locator('strong', { hasText: other.company })
        .first()
        .waitFor();
    }
    const opp = await new OpportunityPage(page, server.url, target.company).open(
      `/opportunities/${target.id}`,
    );
    await page.getByText(/no longer asks for debriefs or thank-you notes/).waitFor();
    expect(await page.getByText('Add an interview', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /^Debrief/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /^Thank-you notes/ }).count()).toBe(0);
    await opp.screenshot('everyday-opportunity-rejected');
  }, 90_000);

  it('finds people by company or email, grouped by company, and links a person to their records', async () => {
    const people = await new PeoplePage(page, server.url).open();
    const groups = await people.groups();
    expect(groups.length).toBeGreaterThan(1);
    const { people: all } = await api<{
      people: Array<{ id: string; company: string | null; emails: string[]; displayName: string }>;
    }>('/api/people');
    const someone = all.find((p) => p.company && p.emails[0]);
    if (!someone?.company) throw new Error('the sample data has nobody with a company and an email');
    await people.search(someone.company);
    await page.getByRole('status').filter({ hasText: someone.company }).waitFor();
    expect(await people.groups()).toEqual([someone.company]);
    await people.search(someone.emails[0] ?? '');
    await page.locator('ul.people strong', { hasText: someone.displayName }).waitFor();
    expect(await people.names()).toContain(someone.displayName);
    await page.getByRole('link', { name: someone.displayName }).click();
    await page.getByRole('heading', { level: 1, name: someone.displayName }).waitFor();
    // Focus follows the navigation to the new page's heading.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(
      await page.getByRole('region', { name: 'Opportunities' }).getByRole('link').count(),
    ).toBeGreaterThan(0);
    const sources = await page
      .getByRole('region', { name: 'Where these details came from' })
      .getByRole('listitem')
      .allInnerTexts();
    for (const s of sources) expect(s).toMatch(/— (typed by you|from [a-z][^—]*) on \S+/);
    expect(sources.join('\n')).not.toMatch(/from (typed|edited by hand|ics:)/);
  }, 90_000);

  it('names every bad field of a form at once by its label, and moves focus to the first', async () => {
    const pipeline = await new PipelinePage(page, server.url).open('/pipeline?add=1');
    const form = page.getByRole('form', { name: 'Add an opportunity' });
    expect(await form.getByLabel('Role').getAttribute('maxlength')).toBe('200');
    await form.getByRole('button', { name: 'Add opportunity' }).click();
    await page.getByText('Company is required').waitFor();
    await page.getByText('Role is required').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('company');
    // A very long word wraps instead of widening the page, on a phone too.
    await pipeline.addOpportunity({ company: `Very${'long'.repeat(40)}Company`, role: 'Engineer' });
    await page.getByRole('heading', { level: 1, name: /Verylong/ }).waitFor();
    await page.setViewportSize({ width: 375, height: 740 });
    expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)).toBeLessThanOrEqual(375);
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 90_000);

  it('offers a one-off calendar download and says where the feed works', async () => {
    await new SettingsPage(page, server.url).open();
    await page.getByText(/Apple Calendar, Outlook or\s+Thunderbird/).waitFor();
    await page.getByText(/Google Calendar .* cannot subscribe/).waitFor();
    const link = page.getByRole('link', { name: /Download the upcoming actions/ });
    const ics = await page.evaluate(
      async (href) => {
        const r = await fetch(href);
        return { type: r.headers.get('content-type'), body: await r.text() };
      },
      (await link.getAttribute('href')) ?? '',
    );
    expect(ics.type).toMatch(/^text\/calendar/);
    expect(ics.body).toMatch(/BEGIN:VEVENT/);
    expect(ics.body).not.toMatch(/Afterview rule:/);
  }, 60_000);

  it('has no axe-core violations and no horizontal scrolling on each page at 1280 px and 375 px', async () => {
    const { opportunities } = await api<{ opportunities: Array<{ id: string; company: string }> }>(
      '/api/opportunities',
    );
    const { people } = await api<{ people: Array<{ id: string; displayName: string }> }>('/api/people');
    const opp = opportunities[0];
    const person = people[0];
    if (!opp || !person) throw new Error('no sample data');
    const pages = [
      ['today', new TodayPage(page, server.url), '/'],
      ['pipeline', new PipelinePage(page, server.url), '/pipeline'],
      ['opportunity', new OpportunityPage(page, server.url, opp.company), `/opportunities/${opp.id}`],
      ['people', new PeoplePage(page, server.url), '/people'],
      ['person', new PeoplePage(page, server.url), `/people/${person.id}`],
      ['insights', new InsightsPage(page, server.url), '/insights'],
    ] as const;
    const report: string[] = [];
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: width === 375 ? 740 : 900 });
      for (const [name, p, path] of pages) {
        if (name === 'person') {
          await page.goto(new URL(path, server.url).href);
          await page.getByRole('heading', { level: 1, name: person.displayName }).waitFor();
          await page.waitForLoadState('networkidle');
        } else await p.open(path);
        if (p instanceof InsightsPage) await p.chartCount();
        // Charts re-measure after a resize: give the layout a moment to settle.
        await page
          .waitForFunction(
            () => (document.scrollingElement?.scrollWidth ?? 0) <= window.innerWidth,
            undefined,
            {
              timeout: 3000,
            },
          )
          .catch(() => undefined);
        const [scroll, inner] = await page.evaluate(() => [
          document.scrollingElement?.scrollWidth ?? 0,
          window.innerWidth,
        ]);
        if (scroll > inner) report.push(`${name} at ${width} px: ${scroll} px wide`);
        // Dates read the same way everywhere: no raw 2026-12-11 beside "Fri 27 Nov".
        const raw = /\b\d{4}-\d{2}-\d{2}\b/.exec((await page.locator('main').textContent()) ?? '');
        if (raw) report.push(`${name} at ${width} px: a raw date ${raw[0]}`);
        report.push(...(await p.axeViolations()).map((v) => `${name} at ${width} px: ${v}`));
        await p.screenshot(`everyday-${name}-${width}`);
      }
    }
    expect(report).toEqual([]);
  }, 180_000);
});

describe.skipIf(skip !== null)('the everyday screens of a new, empty account', () => {
  let server: RunningServer;
  let browser: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({ now: NOW, timeZone: 'Europe/London' });
    browser = await launch();
    page = await browser.context.newPage();
    page.setDefaultTimeout(45_000);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows Insights as sentences instead of empty axes, at 375 px too', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    const insights = await new InsightsPage(page, server.url).open();
    await page.getByText('No opportunities yet: the funnel fills in as you add them.').waitFor();
    expect(await page.locator('.chart-empty').count()).toBe(5);
    expect(await page.locator('.recharts-surface').count()).toBe(0);
    expect(
      await page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) <= window.innerWidth),
    ).toBe(true);
    expect(await insights.axeViolations()).toEqual([]);
    await insights.screenshot('everyday-insights-empty-375');
  }, 60_000);
});
