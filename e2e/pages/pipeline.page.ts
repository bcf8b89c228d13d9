import { AppPage } from './app-page';

export class PipelinePage extends AppPage {
  readonly path = '/pipeline';
  readonly heading = 'Pipeline';

  async addOpportunity(o: {
    company: string;
    role: string;
    recruiter?: string;
    decisionBy?: string;
  }): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add an opportunity' });
    if (!(await form.isVisible()))
      await this.page.getByRole('button', { name: 'Add an opportunity' }).click();
    await form.getByLabel('Company').fill(o.company);
    await form.getByLabel('Role').fill(o.role);
    if (o.recruiter) await form.getByLabel('Recruiter (optional)').fill(o.recruiter);
    if (o.decisionBy) await form.getByLabel(/decide by/).fill(o.decisionBy);
    await form.getByRole('button', { name: 'Add opportunity' }).click();
  }

  /** Move a card with its menu; closing it (Rejected, Withdrawn) is confirmed in the dialog. */
  async moveTo(company: string, role: string, stageLabel: string): Promise<void> {
    await this.page.getByLabel(`Stage of ${company} (${role})`).selectOption({ label: stageLabel });
    if (stageLabel === 'Rejected' || stageLabel === 'Withdrawn') await this.confirm(stageLabel);
  }

  /** Answer the "Mark … as rejected?" dialog. */
  async confirm(stageLabel: string): Promise<void> {
    await this.page
      .getByRole('dialog')
      .getByRole('button', { name: `Mark as ${stageLabel.toLowerCase()}` })
      .click();
  }

  /** Drag a card onto a stage column (the menu does the same for keyboard users). */
  async drag(company: string, stageLabel: string): Promise<void> {
    const card = this.page
      .getByRole('listitem')
      .filter({ has: this.page.locator('strong', { hasText: company }) });
    await card.dragTo(this.page.getByRole('region', { name: new RegExp(`^${stageLabel}`) }));
  }

  async companiesIn(stageLabel: string): Promise<string[]> {
    const column = this.page.getByRole('region', { name: new RegExp(`^${stageLabel}`) });
    return column.locator('strong').allInnerTexts();
  }
}
