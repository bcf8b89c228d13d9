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

  /** The urgency words of each card in the order shown ("Overdue", "Due within hours", ...). */
  async levels(): Promise<string[]> {
    return this.page
      .getByRole('list', { name: 'To do now' })
      .locator(':scope > li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-level') ?? ''));
  }

  /** Press Done, Snooze or Dismiss on a card. */
  async decide(text: string | RegExp, button: 'Done' | 'Snooze to tomorrow' | 'Dismiss'): Promise<void> {
    await this.action(text)
      .getByRole('button', { name: new RegExp(`^${button}`) })
      .click();
  }

  async undo(): Promise<void> {
    await this.page.getByRole('status').getByRole('button', { name: /^Undo/ }).click();
  }

  emptyState(): Locator {
    return this.page.getByText('Nothing recorded yet');
  }
}
