/**
 * For people who will not hand Afterview their mail password: the note opens in their own mail
 * app (`mailto:`) or downloads as an `.eml` file; then "mark as sent" records it
 * (messages/message.service.ts markSent).
 */
import { randomBytes } from 'node:crypto';
import { AppError, invalid } from '../../core/errors';
import { buildMailto } from '../../core/mail/mailto';
import { domainOf, makeMessageId } from '../../core/mail/message-id';
import { formatInstant } from '../../core/time';
import { getAccount } from '../accounts/account.service';
import type { ServiceContext } from '../context';
import { getMailSettings } from '../mail/mail.service';
import { getMessage } from '../messages/message.service';
import { buildRawMessage } from './compose';
import { listRecipients, setMessageFields } from './outbox.repository';

async function recipientsOf(ctx: ServiceContext, id: string) {
  const message = await getMessage(ctx, id);
  if (message.direction !== 'out') throw invalid(`Message ${id} was received, not written by you.`, 'id');
  const rows = (await listRecipients(ctx.db, ctx.actor.accountId, id)).filter((r) => r.role === 'to');
  const to = rows.map((r) => ({
    name: r.display_name,
    address: r.address ?? (JSON.parse(r.emails) as string[])[0] ?? null,
  }));
  const missing = to.find((r) => !r.address);
  if (missing) throw invalid(`${missing.name} has no email address; add one first.`, 'to');
  return { message, to: to as { name: string; address: string }[] };
}

/** The note as a `mailto:` URL (RFC 6068) with recipients, subject and body. */
export async function mailtoFor(ctx: ServiceContext, id: string): Promise<string> {
  const { message, to } = await recipientsOf(ctx, id);
  return buildMailto({ to: to.map((r) => r.address), subject: message.subject, body: message.body });
}

/**
 * The note as an `.eml` file: text plus HTML, from the connected address (else the user's own).
 * Its Message-ID is chosen now and stored, so a reply to the copy sent from the mail app is
 * still matched to this note.
 */
export async function emlFor(ctx: ServiceContext, id: string): Promise<Buffer> {
  const { message, to } = await recipientsOf(ctx, id);
  const [settings, account] = await Promise.all([getMailSettings(ctx), getAccount(ctx)]);
  const fromAddress = settings.fromAddress ?? account.ownEmails[0];
  if (!fromAddress) {
    throw new AppError(
      'invalid-input',
      'Say who the note is from first: afterview config set me EMAIL.',
      'from',
    );
  }
  let rfcMessageId = message.rfcMessageId;
  if (!rfcMessageId) {
    rfcMessageId = makeMessageId({
      random: randomBytes(12).toString('hex'),
      at: formatInstant(ctx.now),
      domain: domainOf(fromAddress),
    });
    await setMessageFields(ctx.db, ctx.actor.accountId, id, {
      rfc_message_id: rfcMessageId,
      updated_at: formatInstant(ctx.now),
    });
  }
  return buildRawMessage({
    from: { name: settings.fromName ?? account.displayName, address: fromAddress },
    to,
    subject: message.subject,
    body: message.body,
    signature: settings.signature,
    messageId: rfcMessageId,
    date: new Date(ctx.now.epochMilliseconds),
  });
}
