/** Pages the story only visits and checks: people, insights, settings, import. */
import { AppPage } from './app-page';

export class PeoplePage extends AppPage {
  readonly path = '/people';
  readonly heading = 'People';

  names(): Promise<string[]> {
    return this.page.locator('ul.people strong').allInnerTexts();
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel('Search by name, company or email').fill(text);
  }

  /** The company headings people are grouped under, in order. */
  groups(): Promise<string[]> {
    return this.page.locator('.people-groups h2').allInnerTexts();
  }
}

export class InsightsPage extends AppPage {
  readonly path = '/insights';
  readonly heading = 'Insights';

  async chartCount(): Promise<number> {
    await this.page.locator('.recharts-surface').first().waitFor();
    return this.page.locator('figure.chart').count();
  }
}

export class SettingsPage extends AppPage {
  readonly path = '/settings';
  readonly heading = 'Settings';

  async setNumber(label: string | RegExp, value: string): Promise<void> {
    await this.page.getByLabel(label).fill(value);
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save settings' }).click();
  }

  async createFeed(): Promise<string> {
    await this.page.getByRole('button', { name: 'Create my calendar address' }).click();
    const input = this.page.getByLabel('Your private calendar address');
    await input.waitFor();
    return input.inputValue();
  }
}

export class ImportPage extends AppPage {
  readonly path = '/import';
  readonly heading = 'Import';

  async choose(file: string): Promise<void> {
    await this.page.getByLabel('Choose a file').setInputFiles(file);
    await this.page.getByRole('heading', { level: 2, name: 'What Afterview understood' }).waitFor();
  }

  understood(): Promise<string> {
    return this.page
      .getByRole('region', { name: 'What Afterview understood' })
      .textContent()
      .then((t) => t ?? '');
  }

  async saveAll(): Promise<string> {
    await this.page.getByRole('button', { name: 'Save all of it' }).click();
    const saved = this.page.getByRole('region', { name: 'Saved' });
    await saved.waitFor();
    return saved.textContent().then((t) => t ?? '');
  }
}
