/**
 * One SMTP session for the outbox, on nodemailer's SMTPConnection (the protocol code stays
 * nodemailer's). Used instead of a Transporter because the outbox must know one thing a
 * Transporter hides: whether the message data had started to flow when a connection broke.
 * SMTPConnection only pipes the message after MAIL FROM, RCPT TO and DATA were accepted, so
 * a failure before the source stream ended means the server cannot have taken the message.
 */
import { Readable } from 'node:stream';
import type SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { MailServer } from './mail-url';
import { SMTP_TIMEOUTS } from './transport';

/** A failed send, with whether the whole message had been handed to the connection. */
export class SmtpSendError extends Error {
  override readonly cause: unknown;
  readonly handedOver: boolean;
  constructor(cause: unknown, handedOver: boolean) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'SmtpSendError';
    this.cause = cause;
    this.handedOver = handedOver;
  }
}

export interface SmtpSession {
  /** Send one message; rejects with SmtpSendError. */
  send(
    envelope: { from: string; to: string[] },
    raw: Buffer,
  ): Promise<{ accepted: string[]; rejected: string[]; response: string }>;
  /** Whether the session can take another message. */
  usable(): boolean;
  close(): void;
}

/** Connect, upgrade to TLS as the server's settings say, and sign in. */
let connectionModule: Promise<typeof import('nodemailer/lib/smtp-connection')> | undefined;

export async function openSmtpSession(server: MailServer): Promise<SmtpSession> {
  connectionModule ??= import('nodemailer/lib/smtp-connection');
  const { default: Connection } = await connectionModule;
  const connection: SMTPConnection = new Connection({
    host: server.host,
    port: server.port,
    secure: server.secure,
    requireTLS: !server.secure && server.starttls === 'required',
    ignoreTLS: !server.secure && server.starttls === 'off',
    ...SMTP_TIMEOUTS,
    logger: false,
    debug: false,
  });
  let broken = false;
  // Errors also reach the pending callback; without a listener an 'error' event would throw.
  connection.on('error', () => {
    broken = true;
  });
  connection.on('end', () => {
    broken = true;
  });
  await new Promise<void>((resolve, reject) => connection.connect((err) => (err ? reject(err) : resolve())));
  if (server.user) {
    try {
      await new Promise<void>((resolve, reject) =>
        connection.login({ user: server.user as string, pass: server.password ?? '' }, (err) =>
          err ? reject(err) : resolve(),
        ),
      );
    } catch (err) {
      connection.close();
      throw err;
    }
  }
  return {
    send(envelope, raw) {
      let handedOver = false;
      const source = Readable.from([raw]);
      source.once('end', () => {
        handedOver = true;
      });
      return new Promise((resolve, reject) => {
        connection.send(envelope, source, (err, info) => {
          if (err) {
            broken = true;
            return reject(new SmtpSendError(err, handedOver));
          }
          resolve({
            accepted: (info.accepted ?? []).map(String),
            rejected: (info.rejected ?? []).map(String),
            response: info.response ?? '',
          });
        });
      });
    },
    usable: () => !broken && !connection.destroyed,
    close: () => {
      try {
        connection.quit();
      } catch {
        connection.close();
      }
    },
  };
}
