/**
 * The system mailer: hosted mode's own mails (confirm your address, reset your password), sent from
 * AFTERVIEW_SYSTEM_SMTP_URL, never from a user's mailbox. Without a configured server the mail
 * cannot go out, and asking for a reset says so instead of pretending it was sent.
 */
import { AppError } from '../../core/errors';
import { parseMailUrl } from '../mail/mail-url';
import { createSmtpTransport } from '../mail/transport';

export interface SystemMail {
  to: string;
  subject: string;
  text: string;
}

export interface SystemMailer {
  send(mail: SystemMail): Promise<void>;
}

/** A mailer on `smtpUrl` (smtp://user:pass@host:port?starttls=…), or one that refuses when unset. */
export function systemMailer(smtpUrl: string | undefined, from: string): SystemMailer {
  if (!smtpUrl) {
    return {
      send: async () => {
        throw new AppError(
          'unavailable',
          'This server has no mail server for its own mails (AFTERVIEW_SYSTEM_SMTP_URL), so it cannot send this.',
        );
      },
    };
  }
  const server = parseMailUrl(smtpUrl, 'smtp');
  return {
    send: async (mail) => {
      const transport = await createSmtpTransport(server);
      try {
        await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
      } finally {
        transport.close();
      }
    },
  };
}
