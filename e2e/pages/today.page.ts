import type { Locator } from 'playwright-core';
import { AppPage } from './app-page';

export class TodayPage extends AppPage {
  readonly path = '/';
  readonly heading = 'Today';

  /** The card of the action whose title contains `text`. */
  action(text: string | RegExp): Locator {
    return this.page
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { level: 3, name: text }) });
  }

  async actionTitles(): Promise<string[]> {
    return this.page
      .getByRole('list', { name: 'To do now' })
      .getByRole('heading', { level: 3 })
      .allInnerTexts();
  }

  async writeNoteFor(text: string | RegExp): Promise<void> {
    await this.action(text).getByRole('link', { name: 'Write the note' }).click();
  }

  async addFirstOpportunity(): Promise<void> {
    await this.page.getByRole('link', { name: 'Add your first opportunity' }).click();
  }

  emptyState(): Locator {
    return this.page.getByText('Nothing recorded yet');
  }
}
