/**
 * "Test connection": connect, set up TLS and sign in, and say in plain words what failed (DNS,
 * connection, TLS, authentication, relay refused). Sending a test message is optional, since
 * only a real recipient shows whether the server relays for this user.
 */
import { describeMailError, type MailErrorFacts } from '../../core/mail/smtp-outcome';
import type { SmtpAccount } from './mail.service';
import type { MailServer } from './mail-url';
import { serverLabel } from './mail-url';
import { createImapClient, createSmtpTransport } from './transport';

export interface ConnectionReport {
  protocol: 'smtp' | 'imap';
  server: string;
  ok: boolean;
  /** What worked, or one sentence saying what failed. */
  message: string;
}

/** The plain facts of a nodemailer or imapflow error, for the pure describer. */
export function errorFacts(err: unknown): MailErrorFacts {
  if (!(err instanceof Error)) return { message: String(err) };
  const e = err as Error & Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    message: e.message,
    code: str(e.code),
    originalCode: str(e.originalCode) ?? str((e.cause as Record<string, unknown> | undefined)?.code),
    responseCode: typeof e.responseCode === 'number' ? e.responseCode : undefined,
    response: str(e.response) ?? str(e.responseText),
    authenticationFailed: e.authenticationFailed === true,
  };
}

/** Connect and sign in to SMTP; with `sendTo`, also send a short test message there. */
export async function testSmtpConnection(
  account: SmtpAccount,
  options: { sendTo?: string; messageId?: string } = {},
): Promise<ConnectionReport> {
  const label = serverLabel(account.server);
  const transport = await createSmtpTransport(account.server);
  try {
    await transport.verify();
    if (options.sendTo) {
      await transport.sendMail({
        from: { name: account.fromName ?? '', address: account.fromAddress },
        to: options.sendTo,
        subject: 'Afterview test message',
        text: 'This message checks that Afterview can send mail through this server.\n',
        ...(options.messageId ? { messageId: options.messageId } : {}),
      });
      return {
        protocol: 'smtp',
        server: label,
        ok: true,
        message: `Sent a test message to ${options.sendTo} through ${label}.`,
      };
    }
    return { protocol: 'smtp', server: label, ok: true, message: `Connected and signed in to ${label}.` };
  } catch (err) {
    return { protocol: 'smtp', server: label, ok: false, message: describeMailError(errorFacts(err), label) };
  } finally {
    transport.close();
  }
}

/** Connect and sign in to IMAP, and open INBOX. */
export async function testImapConnection(server: MailServer): Promise<ConnectionReport> {
  const label = serverLabel(server);
  const client = await createImapClient(server);
  try {
    await client.connect();
    const inbox = await client.status('INBOX', { messages: true });
    return {
      protocol: 'imap',
      server: label,
      ok: true,
      message: `Connected and signed in to ${label}; INBOX has ${inbox ? (inbox.messages ?? 0) : 0} messages.`,
    };
  } catch (err) {
    return { protocol: 'imap', server: label, ok: false, message: describeMailError(errorFacts(err), label) };
  } finally {
    await client.logout().catch(() => client.close());
  }
}
