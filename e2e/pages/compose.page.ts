import { AppPage } from './app-page';

export class ComposePage extends AppPage {
  readonly path = '/compose';
  readonly heading = /Write a note|Done|Sending|Scheduled|Already sent|Already done/;

  /**
   * Open a Compose URL. Another test run rebuilding the web app empties dist/web for a moment, and
   * the server then answers 404: wait for the build to finish rather than fail on it.
   */
  override async open(path = this.path): Promise<this> {
    for (let attempt = 0; attempt < 30; attempt++) {
      const res = await this.page.goto(new URL(path, this.baseUrl).href);
      if (res?.status() !== 404) break;
      await this.page.waitForTimeout(2000);
    }
    await this.waitReady();
    return this;
  }

  body() {
    return this.page.getByLabel('Note', { exact: true });
  }

  to() {
    return this.page.getByLabel('To', { exact: true });
  }

  async waitForDraft(): Promise<string> {
    await this.page.waitForFunction(() => {
      const el = document.querySelector<HTMLTextAreaElement>('#body');
      return Boolean(el?.value);
    });
    return this.body().inputValue();
  }

  /** Wait until the note on screen greets `name` ("Hi Sam,", "Dear Sam,"), and return it. */
  async waitForGreeting(name: string): Promise<string> {
    await this.page.waitForFunction((n) => {
      const el = document.querySelector<HTMLTextAreaElement>('#body');
      return Boolean(el?.value.split('\n')[0]?.includes(n));
    }, name);
    return this.body().inputValue();
  }

  async setBody(text: string): Promise<void> {
    await this.body().fill(text);
  }

  /** Pick a recipient by the start of their name as the "To" list shows it. */
  async chooseRecipient(name: string): Promise<void> {
    const value = await this.to().locator('option').filter({ hasText: name }).first().getAttribute('value');
    if (!value) throw new Error(`no recipient ${name}`);
    await this.to().selectOption(value);
  }

  /** The save status next to the note ("Saved 11:02", "Saving…", "Not saved…"). */
  saveStatus() {
    return this.page.locator('.save-status');
  }

  async waitSaved(): Promise<void> {
    await this.page.locator('.save-status', { hasText: /^Saved / }).waitFor();
  }

  /** What drafting noticed ("Set your name in Settings…"), listed beside the checker's findings. */
  draftHints() {
    return this.page.locator('.draft-hints li');
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

  button(name: string | RegExp) {
    return this.page.getByRole('button', { name });
  }

  async markSent(): Promise<void> {
    await this.markSentButton().click();
    await this.page.getByRole('heading', { level: 1, name: 'Done' }).waitFor();
  }

  /** The question asked before a note is switched to someone else, or before leaving the page. */
  prompt() {
    return this.page.getByRole('alertdialog');
  }

  /**
   * Record every mailto: link the page follows instead of letting the browser hand it to a mail
   * app (headless Chromium has none); read them back with `mailtoOpened`.
   */
  async captureMailto(): Promise<void> {
    await this.page.evaluate(() => {
      const w = window as unknown as { __mailto?: string[] };
      w.__mailto = [];
      document.addEventListener(
        'click',
        (e) => {
          const a = (e.target as Element | null)?.closest?.('a');
          if (a?.href.startsWith('mailto:')) {
            e.preventDefault();
            w.__mailto?.push(a.href);
          }
        },
        true,
      );
    });
  }

  async mailtoOpened(): Promise<string[]> {
    await this.page.waitForFunction(
      () => ((window as unknown as { __mailto?: string[] }).__mailto ?? []).length > 0,
    );
    return this.page.evaluate(() => (window as unknown as { __mailto?: string[] }).__mailto ?? []);
  }
}
