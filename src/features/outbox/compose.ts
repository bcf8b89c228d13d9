/**
 * The message as it leaves: RFC 5322 headers with the Message-ID chosen before the first
 * attempt, plain text plus a simple HTML alternative, the signature under `-- `. Built with
 * nodemailer's MailComposer, for SMTP and for the `.eml` download alike.
 */
import { composeBodies } from '../../core/mail/body';

export interface OutgoingMail {
  from: { name: string | null; address: string };
  to: { name: string; address: string }[];
  subject: string;
  body: string;
  signature: string | null;
  /** `<…@domain>` */
  messageId: string;
  date: Date;
  inReplyTo?: string | null;
  /** A copy for the user's mail app to open as a draft (`X-Unsent: 1`), not a sent message. */
  unsent?: boolean;
}

/** The whole message as bytes (what an `.eml` file holds). */
// Loaded once, lazily: the CLI's common path never loads nodemailer, and the outbox's hot loop
// does not pay a module resolution per message.
let composerModule: Promise<typeof import('nodemailer/lib/mail-composer')> | undefined;

export async function buildRawMessage(mail: OutgoingMail): Promise<Buffer> {
  composerModule ??= import('nodemailer/lib/mail-composer');
  const { default: MailComposer } = await composerModule;
  const { text, html } = composeBodies(mail.body, mail.signature);
  const composer = new MailComposer({
    from: mail.from.name ? { name: mail.from.name, address: mail.from.address } : mail.from.address,
    to: mail.to.map((r) => ({ name: r.name, address: r.address })),
    subject: mail.subject,
    text,
    html,
    messageId: mail.messageId,
    date: mail.date,
    ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo, references: [mail.inReplyTo] } : {}),
    ...(mail.unsent ? { headers: { 'X-Unsent': '1' } } : {}),
    textEncoding: 'quoted-printable',
  });
  return composer.compile().build();
}
