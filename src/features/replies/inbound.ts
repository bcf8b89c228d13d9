/**
 * An incoming message read with mailparser, reduced to the facts reply detection needs: who
 * sent it, which of our messages it answers, what kind of message it is.
 */
import type { InboundFacts } from '../../core/mail/classify';
import { normalizeMessageId, parseMessageIds } from '../../core/mail/message-id';

export interface InboundMail {
  messageId: string | null;
  /** In-Reply-To first, then References newest first: the likeliest match comes first. */
  answers: string[];
  /** Message-IDs quoted inside the message (a bounce quotes the headers of what bounced). */
  quotedIds: string[];
  from: string | null;
  fromName: string | null;
  subject: string;
  date: Date | null;
  text: string;
  facts: InboundFacts;
}

const MAX_BODY = 100_000;

/** Parse a raw RFC 5322 message. */
let parserModule: Promise<typeof import('mailparser')> | undefined;

export async function parseInbound(source: Buffer): Promise<InboundMail> {
  parserModule ??= import('mailparser');
  const { simpleParser } = await parserModule;
  const mail = await simpleParser(source, {
    keepDeliveryStatus: true,
    skipTextToHtml: true,
    skipImageLinks: true,
  });
  const headers: Record<string, string> = {};
  for (const { key, line } of mail.headerLines) {
    const value = line
      .slice(line.indexOf(':') + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim();
    headers[key] = headers[key] === undefined ? value : `${headers[key]}\n${value}`;
  }
  const sender = mail.from?.value[0];
  const from = sender?.address ? sender.address.toLowerCase() : null;
  const messageId = mail.messageId ? normalizeMessageId(mail.messageId) : null;
  const references = parseMessageIds(mail.references ?? null).reverse();
  const answers = [...new Set([...parseMessageIds(mail.inReplyTo ?? null), ...references])];
  const deliveryStatus =
    mail.attachments
      .find((a) => a.contentType.toLowerCase() === 'message/delivery-status')
      ?.content.toString('utf8') ?? null;
  const raw = source.toString('utf8');
  const quotedIds = [...raw.matchAll(/^Message-ID:\s*(<[^<>\s]+>)/gim)]
    .map((m) => normalizeMessageId(m[1] as string))
    .filter((id) => id !== messageId);
  const subject = mail.subject ?? '';
  return {
    messageId,
    answers,
    quotedIds: [...new Set(quotedIds)],
    from,
    fromName: sender?.name || null,
    subject,
    date: mail.date ?? null,
    text: (mail.text ?? '').slice(0, MAX_BODY),
    facts: { headers, from, subject, deliveryStatus },
  };
}
