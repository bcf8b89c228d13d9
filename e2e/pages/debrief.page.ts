import { AppPage } from './app-page';

export class DebriefPage extends AppPage {
  readonly path = '/';
  readonly heading = 'Debrief';

  async fill(label: string | RegExp, text: string): Promise<void> {
    await this.page.getByLabel(label).fill(text);
  }

  async waitSaved(): Promise<void> {
    await this.page
      .getByRole('status')
      .filter({ hasText: /^Saved / })
      .waitFor();
  }

  async value(label: string | RegExp): Promise<string> {
    return this.page.getByLabel(label).inputValue();
  }
}
