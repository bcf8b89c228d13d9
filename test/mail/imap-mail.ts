/** Putting test mail into a Dovecot mailbox (IMAP APPEND with imapflow), as a mail server would. */
import { ImapFlow } from 'imapflow';
import type { DovecotServer } from './dovecot-harness';

/** Append raw messages (LF or CRLF) to `mailbox`; returns their UIDs. */
export async function appendMail(
  dovecot: DovecotServer,
  mailbox: string,
  ...raws: string[]
): Promise<number[]> {
  const client = new ImapFlow({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user: dovecot.user, pass: dovecot.password },
    logger: false,
  });
  client.on('error', () => {});
  await client.connect();
  try {
    const uids: number[] = [];
    for (const raw of raws) {
      const r = await client.append(mailbox, raw.replace(/\r?\n/g, '\r\n'));
      if (r && r.uid !== undefined) uids.push(r.uid);
    }
    return uids;
  } finally {
    await client.logout();
  }
}

/** Delete and recreate a mailbox: the server gives it a new UIDVALIDITY. */
export async function recreateMailbox(dovecot: DovecotServer, mailbox: string): Promise<void> {
  const client = new ImapFlow({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user: dovecot.user, pass: dovecot.password },
    logger: false,
  });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.mailboxDelete(mailbox).catch(() => undefined);
    await client.mailboxCreate(mailbox);
  } finally {
    await client.logout();
  }
}

export function plainMail(h: {
  from: string;
  to?: string;
  subject: string;
  messageId: string;
  inReplyTo?: string;
  extra?: string;
  body?: string;
  date?: string;
}): string {
  return [
    `From: ${h.from}`,
    `To: ${h.to ?? 'Jo <jo@example.test>'}`,
    `Subject: ${h.subject}`,
    `Date: ${h.date ?? 'Wed, 02 Dec 2026 09:15:00 -0800'}`,
    `Message-ID: ${h.messageId}`,
    ...(h.inReplyTo ? [`In-Reply-To: ${h.inReplyTo}`, `References: ${h.inReplyTo}`] : []),
    ...(h.extra ? [h.extra] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    h.body ?? 'Thanks Jo, we will be in touch next week.',
    '',
  ].join('\n');
}

/** A delivery status notification (RFC 3464) for `recipient`, quoting the bounced message's id. */
export function bounceMail(recipient: string, originalId: string, messageId: string): string {
  return `From: Mail Delivery System <MAILER-DAEMON@mx.northwind.example>
To: jo@example.test
Subject: Undelivered Mail Returned to Sender
Date: Wed, 02 Dec 2026 09:20:00 +0000
Message-ID: ${messageId}
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="BOUNDARY"

--BOUNDARY
Content-Type: text/plain; charset=us-ascii

This is the mail system. Your message could not be delivered.

--BOUNDARY
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.northwind.example

Final-Recipient: rfc822; ${recipient}
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 <${recipient}>: Recipient address rejected: User unknown

--BOUNDARY
Content-Type: text/rfc822-headers

From: Jo <jo@example.test>
To: ${recipient}
Subject: Thank you
Message-ID: ${originalId}

--BOUNDARY--
`;
}
