/**
 * nodemailer and imapflow set up from a MailServer. Loaded lazily by callers: the CLI's common
 * path never pays for the mail libraries. Logging is off in both: a protocol log would carry the
 * AUTH exchange.
 */
import type { ImapFlow, ImapFlowOptions } from 'imapflow';
import type { Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { MailServer } from './mail-url';

/** Timeouts short enough that one attempt always ends well inside the outbox lease. */
export const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

export function smtpOptions(server: MailServer, extra: { pool?: boolean; maxConnections?: number } = {}) {
  return {
    host: server.host,
    port: server.port,
    secure: server.secure,
    requireTLS: !server.secure && server.starttls === 'required',
    ignoreTLS: !server.secure && server.starttls === 'off',
    ...(server.user ? { auth: { user: server.user, pass: server.password ?? '' } } : {}),
    ...SMTP_TIMEOUTS,
    logger: false,
    debug: false,
    ...(extra.pool
      ? {
          pool: true as const,
          maxConnections: extra.maxConnections ?? 1,
          maxMessages: Number.POSITIVE_INFINITY,
        }
      : {}),
  };
}

export async function createSmtpTransport(
  server: MailServer,
  extra: { pool?: boolean; maxConnections?: number } = {},
): Promise<Transporter<SMTPTransport.SentMessageInfo>> {
  const { default: nodemailer } = await import('nodemailer');
  return nodemailer.createTransport(smtpOptions(server, extra) as SMTPTransport.Options);
}

export function imapOptions(server: MailServer): ImapFlowOptions {
  return {
    host: server.host,
    port: server.port,
    secure: server.secure,
    doSTARTTLS: server.secure ? undefined : server.starttls === 'required',
    auth: { user: server.user ?? '', pass: server.password ?? '' },
    logger: false,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  };
}

export async function createImapClient(server: MailServer): Promise<ImapFlow> {
  const { ImapFlow } = await import('imapflow');
  const client = new ImapFlow(imapOptions(server));
  // An 'error' event without a listener would crash the process; failures surface through the awaited calls.
  client.on('error', () => {});
  return client;
}
