import { AppPage } from './app-page';

export class ComposePage extends AppPage {
  readonly path = '/compose';
  readonly heading = /Write a note|Done|Sending|Scheduled/;

  body() {
    return this.page.getByLabel('Note', { exact: true });
  }

  async waitForDraft(): Promise<string> {
    await this.page.waitForFunction(() => {
      const el = document.querySelector<HTMLTextAreaElement>('#body');
      return Boolean(el?.value);
    });
    return this.body().inputValue();
  }

  async setBody(text: string): Promise<void> {
    await this.body().fill(text);
  }

  /** The checker's findings as shown, once it has answered for the current text. */
  async findings(): Promise<string[]> {
    await this.page.waitForLoadState('networkidle');
    return this.page.locator('ol.findings li').allInnerTexts();
  }

  async waitForFinding(text: RegExp): Promise<void> {
    await this.page.locator('ol.findings li').filter({ hasText: text }).first().waitFor();
  }

  async waitClean(): Promise<void> {
    await this.page
      .getByText('The checker found nothing to fix.')
      .or(this.page.locator('ol.findings li.warning').first())
      .first()
      .waitFor();
    await this.page.waitForFunction(() => document.querySelectorAll('ol.findings li.error').length === 0);
  }

  /** The text of each error underline (without its footnote number). */
  underlined(): Promise<string[]> {
    return this.page
      .locator('mark.finding.error')
      .evaluateAll((els) => els.map((e) => e.firstChild?.textContent ?? ''));
  }

  markSentButton() {
    return this.page.getByRole('button', { name: 'Mark as sent' });
  }

  async markSent(): Promise<void> {
    await this.markSentButton().click();
    await this.page.getByRole('heading', { level: 1, name: 'Done' }).waitFor();
  }
}
