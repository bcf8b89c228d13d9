/**
 * What a failed send means for the outbox, and how to say what went wrong in plain words. Works
 * on the plain facts of an error (codes, the server's reply), so it stays pure and testable.
 */

export interface MailErrorFacts {
  /** nodemailer's / imapflow's error code (`EAUTH`, `ECONNECTION`, `ETLS`, …). */
  code?: string | undefined;
  /** The system error under it (`ENOTFOUND`, `ECONNREFUSED`, …). */
  originalCode?: string | undefined;
  /** The SMTP reply code, when the server answered. */
  responseCode?: number | undefined;
  /** The server's reply text. */
  response?: string | undefined;
  message: string;
  /** IMAP: the server refused the credentials. */
  authenticationFailed?: boolean | undefined;
}

export type SendOutcome =
  /** Try again later: a 4xx, or the connection failed before the message was handed over. */
  | { outcome: 'temporary'; reason: string }
  /** Do not retry: a 5xx. The reason is the server's. */
  | { outcome: 'permanent'; reason: string }
  /** The whole message was handed over and then the answer was lost: it may have been accepted. */
  | { outcome: 'uncertain'; reason: string };

/**
 * Decide what a failed attempt means. `handedOver` is true when the whole message had been
 * written to the server before the failure: without the server's answer we cannot know whether
 * it took responsibility, and sending again could deliver it twice.
 */
export function classifySendFailure(err: MailErrorFacts, handedOver: boolean, server: string): SendOutcome {
  const reason = describeMailError(err, server);
  const code = err.responseCode;
  if (code !== undefined && code >= 500 && code < 600) return { outcome: 'permanent', reason };
  if (code !== undefined && code >= 400 && code < 500) return { outcome: 'temporary', reason };
  if (err.code === 'EAUTH' || err.authenticationFailed) return { outcome: 'permanent', reason };
  if (handedOver) return { outcome: 'uncertain', reason };
  return { outcome: 'temporary', reason };
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EDNS', 'ENODATA', 'ESERVFAIL']);
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'ETIMEOUT',
  'GREETING_TIMEOUT',
  'CONNECTION_TIMEOUT',
  'ESOCKETTIMEDOUT',
]);

/**
 * One sentence a person understands, naming what failed: DNS, the connection, TLS,
 * authentication, relaying, or the server's own words.
 */
export function describeMailError(err: MailErrorFacts, server: string): string {
  const codes = [err.originalCode, err.code].filter((c): c is string => Boolean(c));
  const text = `${err.message} ${err.response ?? ''}`;
  const reply = err.response ? err.response.trim() : null;
  if (codes.some((c) => DNS_CODES.has(c)) || /getaddrinfo|ENOTFOUND|EAI_AGAIN/.test(text)) {
    return `DNS: the mail server name in ${server} could not be found; check the host name.`;
  }
  if (codes.includes('ECONNREFUSED') || /ECONNREFUSED/.test(text)) {
    return `Connection refused: nothing is accepting mail at ${server}; check the host and port.`;
  }
  if (
    codes.includes('ETLS') ||
    /\b(?:SSL|TLS)\b|wrong version number|certificate|self[- ]signed|EPROTO\b|handshake/i.test(text)
  ) {
    const cert = /certificate|self[- ]signed/i.test(text);
    return cert
      ? `TLS: the certificate of ${server} is not trusted (${err.message.trim()}).`
      : `TLS: a secure connection to ${server} could not be set up; check smtps:// or imaps:// (implicit TLS) against the port (${err.message.trim()}).`;
  }
  if (
    err.code === 'EAUTH' ||
    err.authenticationFailed ||
    err.responseCode === 535 ||
    err.responseCode === 534 ||
    /authentication failed|AUTHENTICATIONFAILED|invalid credentials/i.test(text)
  ) {
    return `Authentication: ${server} refused the user name or password${reply ? ` (${reply})` : ''}.`;
  }
  if (/relay/i.test(text)) {
    return `Relay refused: ${server} will not send mail to this recipient for this user${reply ? ` (${reply})` : ''}.`;
  }
  if (codes.some((c) => TIMEOUT_CODES.has(c)) || /timed? ?out/i.test(text)) {
    return `Timeout: ${server} did not answer in time.`;
  }
  if (reply && err.responseCode !== undefined) return `${server} answered: ${reply}`;
  if (codes.includes('ECONNECTION') || codes.includes('ESOCKET') || /ECONNRESET|closed/i.test(text)) {
    return `Connection lost: ${server} closed the connection (${err.message.trim()}).`;
  }
  return `${server}: ${err.message.trim()}`;
}
