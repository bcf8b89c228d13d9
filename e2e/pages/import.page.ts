/** The Import page's capture flows: card photo with editable fields, CSV columns, pasted schedule. */
import type { Locator } from 'playwright-core';
import { ImportPage } from './simple.pages';

export class ImportFlowPage extends ImportPage {
  /** The region that shows what the file said, once a preview is back. */
  understoodRegion(): Locator {
    return this.page.getByRole('region', { name: 'What Afterview understood' });
  }

  /** Choose a file and wait for either the preview or an error sentence. */
  async chooseRaw(label: string, file: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).setInputFiles(file);
  }

  async pasteSchedule(text: string): Promise<void> {
    await this.page.getByLabel("Paste the recruiter's schedule").fill(text);
    await this.page.getByRole('button', { name: 'Read the schedule' }).click();
    await this.understoodRegion().waitFor();
  }

  /** The select that maps one Afterview field (e.g. "Contact title") to a CSV column. */
  column(field: string): Locator {
    return this.page.getByLabel(`Column for ${field}`, { exact: true });
  }

  async rereadColumns(): Promise<void> {
    await this.page.getByRole('button', { name: 'Read again with these columns' }).click();
    await this.page.getByRole('status').waitFor({ state: 'detached' });
    await this.understoodRegion().waitFor();
  }

  /** A card field (Name, Title, Company, Email, Phone, Website) in the preview. */
  cardField(label: string): Locator {
    return this.understoodRegion().getByLabel(label, { exact: true });
  }

  /** The error sentence the control's aria-describedby points at (empty when none). */
  async errorNextTo(label: string): Promise<string> {
    const control = this.page.getByLabel(label, { exact: true });
    const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
    const texts: string[] = [];
    for (const id of ids) {
      const el = this.page.locator(`[id="${id}"][role="alert"]`);
      if ((await el.count()) > 0) texts.push((await el.textContent()) ?? '');
    }
    return texts.join(' ');
  }
}
