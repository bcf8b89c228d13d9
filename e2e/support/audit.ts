/**
 * The layout check the browser tests share: axe at 1280 px and at 375 px, a photograph at each
 * (for a person to look at), and nothing wider than a phone.
 */
import type { Page } from 'playwright-core';

/** What the page found wrong, one line each (empty when nothing); leaves the page at 1280 px. */
export async function auditWidths(
  page: Page,
  scan: { axeViolations(): Promise<string[]> },
  state: string,
  /** Where the photograph at `width` goes. */
  shotPath: (width: number) => string,
): Promise<string[]> {
  const report: string[] = [];
  for (const [width, height] of [
    [1280, 900],
    [375, 740],
  ] as const) {
    await page.setViewportSize({ width, height });
    report.push(...(await scan.axeViolations()).map((v) => `${state} at ${width} px: ${v}`));
    await page.screenshot({ path: shotPath(width), fullPage: true });
    if (width === 375) {
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scroll > 375) report.push(`${state}: ${scroll} px wide at 375 px`);
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  return report;
}
