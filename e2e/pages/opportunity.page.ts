import { AppPage } from './app-page';

export class OpportunityPage extends AppPage {
  readonly path = '/pipeline';
  readonly heading: string | RegExp;

  constructor(page: AppPage['page'], baseUrl: string, company: string) {
    super(page, baseUrl);
    this.heading = new RegExp(company);
  }

  async addInterview(i: {
    round: string;
    start: string;
    end: string;
    timeZone: string;
    interviewers: string[];
  }) {
    const form = this.page.getByRole('form', { name: 'Add an interview' });
    // The form stays folded until asked for.
    if (!(await form.isVisible())) await this.page.getByText('Add an interview', { exact: true }).click();
    await form.getByLabel('Round').fill(i.round);
    await form.getByLabel('Starts').fill(i.start);
    await form.getByLabel('Ends').fill(i.end);
    await form.getByLabel('Time zone of these times').fill(i.timeZone);
    await form.getByLabel('Interviewers').fill(i.interviewers.join('\n'));
    await form.getByRole('button', { name: 'Add interview' }).click();
    await this.page.getByRole('heading', { level: 3, name: i.round, exact: true }).waitFor();
  }

  async openDebrief(round: string): Promise<void> {
    await this.page.getByRole('link', { name: `Debrief of ${round}` }).click();
  }

  /** Change the stage; closing it (Rejected, Withdrawn) is confirmed in the dialog that asks. */
  async setStage(label: string): Promise<void> {
    await this.page.getByLabel('Stage', { exact: true }).selectOption({ label });
    if (label === 'Rejected' || label === 'Withdrawn')
      await this.page
        .getByRole('dialog')
        .getByRole('button', { name: `Mark as ${label.toLowerCase()}` })
        .click();
  }

  async nextActions(): Promise<string[]> {
    return this.page.getByRole('region', { name: 'Next' }).getByRole('listitem').allInnerTexts();
  }
}
