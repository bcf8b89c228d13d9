/**
 * Sign-up on a hosted test server that has a system mail server: the address must be confirmed
 * before the account can sign in, so a test that needs a signed-in user signs up, takes the link
 * from the confirmation mail in the SMTP harness and opens it (the link signs the user in), as a
 * person would.
 */
import { expect } from 'vitest';
import type { Browser, HostedApi } from './hosted';
import type { SmtpHarness } from './mail/smtp-harness';

/** The path of the newest confirmation link mailed to `email` (`/api/auth/verify-email?token=…`). */
export function confirmationPath(smtp: SmtpHarness, email: string): string {
  // better-auth lower-cases the address it mails.
  const to = email.toLowerCase();
  for (const mail of smtp.accepted.filter((m) => m.to.includes(to)).reverse()) {
    const raw = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const link = /https?:\/\/[^/\s]+(\/api\/auth\/verify-email\?token=[A-Za-z0-9._-]+[^\s]*)/.exec(raw)?.[1];
    if (link) return link;
  }
  throw new Error(`no confirmation mail to ${email}`);
}

/**
 * Sign up on a server without a system mail server (no confirmation asked) and return the
 * browser, signed in. The name defaults to the address's local part.
 */
export async function signUp(
  api: HostedApi,
  account: { email: string; password: string; name?: string },
  b: Browser = api.browser(),
): Promise<Browser> {
  const res = await b.post('/api/auth/sign-up/email', {
    email: account.email,
    password: account.password,
    name: account.name ?? account.email.split('@')[0],
  });
  expect(res.statusCode, res.body).toBe(200);
  return b;
}

/** Sign up, confirm the address from the mail, and return the browser, signed in. */
export async function signUpConfirmed(
  api: HostedApi,
  smtp: SmtpHarness,
  account: { email: string; password: string; name?: string },
  b: Browser = api.browser(),
): Promise<Browser> {
  await signUp(api, account, b);
  const opened = await b.get(confirmationPath(smtp, account.email));
  expect(opened.statusCode, opened.body).toBeLessThan(400);
  return b;
}
