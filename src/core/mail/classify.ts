/**
 * What an incoming message is: a person's reply, an automatic answer (out-of-office, vacation,
 * delay notices: RFC 3834), or a bounce (a delivery status notification, RFC 3464). Only
 * replies count as the company answering; bounces mark the address as bad.
 */

export interface InboundFacts {
  /** Header values by lower-case name (several occurrences joined with a newline). */
  headers: Readonly<Record<string, string>>;
  /** Sender address, lower-cased. */
  from: string | null;
  subject: string;
  /** The text of a `message/delivery-status` part, when the message has one. */
  deliveryStatus: string | null;
}

export type InboundKind =
  | { kind: 'reply' }
  | { kind: 'auto-reply'; reason: string }
  | { kind: 'bounce'; failedRecipients: string[]; reason: string };

export interface DeliveryStatusRecipient {
  recipient: string;
  action: string;
  status: string;
  diagnostic: string | null;
}

const AUTO_SUBJECT =
  /^\s*(?:auto(?:matic)?[\s-]*(?:reply|response|antwort)|autoreply|out of (?:the )?office|ooo\b|on vacation|away from (?:the|my) (?:office|desk)|abwesenheit|r[ée]ponse automatique|absent|respuesta autom[áa]tica)/i;
const BOUNCE_SUBJECT =
  /undeliver|delivery status notification|delivery (?:has )?failed|mail delivery (?:failed|subsystem)|returned mail|failure notice|non[- ]?delivery|could not be delivered/i;
const DAEMON_SENDER = /^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon)@/i;

/** Classify one incoming message from its headers (and DSN part). */
export function classifyInbound(facts: InboundFacts): InboundKind {
  const h = facts.headers;
  const contentType = (h['content-type'] ?? '').toLowerCase();
  const isReport =
    contentType.startsWith('multipart/report') && /report-type="?delivery-status/.test(contentType);
  const fromDaemon = facts.from !== null && DAEMON_SENDER.test(facts.from);

  if (isReport || facts.deliveryStatus || (fromDaemon && BOUNCE_SUBJECT.test(facts.subject))) {
    const recipients = facts.deliveryStatus ? parseDeliveryStatus(facts.deliveryStatus) : [];
    const failed = recipients.filter((r) => r.action === 'failed' || r.status.startsWith('5'));
    const xFailed = splitAddresses(h['x-failed-recipients']);
    const failedRecipients = unique([...failed.map((r) => r.recipient), ...xFailed]);
    if (failedRecipients.length > 0) {
      const first = failed[0];
      return {
        kind: 'bounce',
        failedRecipients,
        reason: first?.diagnostic ?? (first ? `status ${first.status}` : facts.subject),
      };
    }
    // A "delayed" or "delivered" notice is the mail system talking, not the company.
    return { kind: 'auto-reply', reason: 'delivery status notice' };
  }

  const autoSubmitted = (h['auto-submitted'] ?? '').trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no')
    return { kind: 'auto-reply', reason: `Auto-Submitted: ${autoSubmitted}` };
  if (h['x-autoreply'] !== undefined || h['x-autorespond'] !== undefined || h['x-autoresponse'] !== undefined)
    return { kind: 'auto-reply', reason: 'X-Autoreply' };
  const precedence = (h.precedence ?? '').trim().toLowerCase();
  if (precedence === 'auto_reply') return { kind: 'auto-reply', reason: 'Precedence: auto_reply' };
  if (AUTO_SUBJECT.test(facts.subject)) return { kind: 'auto-reply', reason: 'out-of-office subject' };
  if (fromDaemon) return { kind: 'auto-reply', reason: 'sent by the mail system' };
  return { kind: 'reply' };
}

/**
 * The per-recipient blocks of a `message/delivery-status` body (RFC 3464): who, what happened
 * (`failed`, `delayed`, `delivered`…), the status code and the server's diagnostic.
 */
export function parseDeliveryStatus(text: string): DeliveryStatusRecipient[] {
  const unfolded = text.replace(/\r\n/g, '\n').replace(/\n[ \t]+/g, ' ');
  const blocks = unfolded.split(/\n\s*\n/);
  const out: DeliveryStatusRecipient[] = [];
  for (const block of blocks) {
    const fields = new Map<string, string>();
    for (const line of block.split('\n')) {
      const m = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
      if (m) fields.set((m[1] as string).toLowerCase(), (m[2] as string).trim());
    }
    const final = fields.get('final-recipient') ?? fields.get('original-recipient');
    if (!final) continue;
    const recipient = final
      .replace(/^[^;]*;\s*/, '')
      .replace(/^<|>$/g, '')
      .trim()
      .toLowerCase();
    out.push({
      recipient,
      action: (fields.get('action') ?? '').toLowerCase(),
      status: fields.get('status') ?? '',
      diagnostic: fields.get('diagnostic-code')?.replace(/^[^;]*;\s*/, '') ?? null,
    });
  }
  return out;
}

function splitAddresses(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(/[,\s]+/)
    .map((a) => a.replace(/^<|>$/g, '').trim().toLowerCase())
    .filter((a) => a.includes('@'));
}

const unique = (list: string[]): string[] => [...new Set(list)];
