/** Hosted mode's sign-in page: sign up, sign in. */
import { AppPage } from './app-page';

export class SignInPage extends AppPage {
  readonly path = '/sign-in';
  readonly heading = /Sign in|Create an account/;

  async signUp(email: string, password: string): Promise<void> {
    if (!(await this.page.getByRole('heading', { level: 1, name: 'Create an account' }).isVisible())) {
      await this.page.getByRole('button', { name: 'Create an account' }).click();
    }
    await this.page.getByLabel('E-mail address').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Create account' }).click();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel('E-mail address').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }
}
