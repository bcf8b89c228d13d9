/** What every page object shares: navigation, the accessibility scan and the screenshot. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { ROOT } from '../support/build';

export const SCREENSHOTS = join(ROOT, 'artifacts', 'screenshots');

export abstract class AppPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  /** Path of this page (relative to the server). */
  abstract readonly path: string;
  /** The page's main heading, to know it has rendered. */
  abstract readonly heading: string | RegExp;

  async open(path = this.path): Promise<this> {
    await this.page.goto(new URL(path, this.baseUrl).href);
    await this.waitReady();
    return this;
  }

  async waitReady(): Promise<void> {
    await this.page.getByRole('heading', { level: 1, name: this.heading }).waitFor();
    await this.page.waitForLoadState('networkidle');
  }

  /** axe-core violations on the page as it is now, as readable lines. */
  async axeViolations(): Promise<string[]> {
    const result = await new AxeBuilder({ page: this.page }).analyze();
    return result.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const file = join(SCREENSHOTS, `${name}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  /** Every alert (error sentence) currently shown. */
  async alerts(): Promise<string[]> {
    return this.page.getByRole('alert').allInnerTexts();
  }
}
