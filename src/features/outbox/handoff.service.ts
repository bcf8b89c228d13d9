/**
 * For people who will not hand Afterview their mail password: the note opens in their own mail
 * app (`mailto:`) or downloads as an `.eml` file; then "mark as sent" records it
 * (messages/message.service.ts markSent).
 */
import { invalid } from '../../core/errors';
import { buildMailto } from '../../core/mail/mailto';
import { handoffMessageId } from '../../core/mail/message-id';
import { getAccount } from '../accounts/account.service';
import type { ServiceContext } from '../context';
import { getMailSettings } from '../mail/mail.service';
import { getMessage } from '../messages/message.service';
import { buildRawMessage } from './compose';
import { listRecipients } from './outbox.repository';
import { assertCheckAllows } from './outbox.service';

/** Whether the user has explicitly overridden the checker's errors, as for sending. */
export interface HandoffOptions {
  force?: boolean;
}

/**
 * Who the note goes to, once it may leave: handing it to the mail app is gated exactly like
 * sending (assertCheckAllows), because after the hand-off Afterview cannot stop it.
 */
async function recipientsOf(ctx: ServiceContext, id: string, options: HandoffOptions) {
  const message = await getMessage(ctx, id);
  if (message.direction !== 'out') throw invalid(`Message ${id} was received, not written by you.`, 'id');
  const rows = (await listRecipients(ctx.db, ctx.actor.accountId, id)).filter((r) => r.role === 'to');
  const to = rows.map((r) => ({
    name: r.display_name,
    address: r.address ?? (JSON.parse(r.emails) as string[])[0] ?? null,
  }));
  const missing = to.find((r) => !r.address);
  if (missing) throw invalid(`${missing.name} has no email address; add one first.`, 'to');
  await assertCheckAllows(ctx, id, { force: options.force });
  return { message, to: to as { name: string; address: string }[] };
}

/** The note as a `mailto:` URL (RFC 6068) with recipients, subject and body. */
export async function mailtoFor(
  ctx: ServiceContext,
  id: string,
  options: HandoffOptions = {},
): Promise<string> {
  const { message, to } = await recipientsOf(ctx, id, options);
  return buildMailto({ to: to.map((r) => r.address), subject: message.subject, body: message.body });
}

/**
 * The note as an `.eml` file: text plus HTML, from the connected address (else the user's own),
 * marked `X-Unsent: 1` so Outlook and Apple Mail open it as a draft to send rather than as a
 * received mail. Reading it changes nothing: its Message-ID is the stored one, else derived from
 * the note (handoffMessageId), which "mark as sent" then stores.
 */
export async function emlFor(ctx: ServiceContext, id: string, options: HandoffOptions = {}): Promise<Buffer> {
  const { message, to } = await recipientsOf(ctx, id, options);
  const [settings, account] = await Promise.all([getMailSettings(ctx), getAccount(ctx)]);
  const fromAddress = settings.fromAddress ?? account.ownEmails[0];
  if (!fromAddress) {
    // Surface-neutral: the CLI adds its command, the web app shows a field for the address.
    throw invalid('Say who the note is from first: your own email address is not set yet.', 'from');
  }
  const rfcMessageId =
    message.rfcMessageId ??
    handoffMessageId({ messageId: message.id, createdAt: message.createdAt, fromAddress });
  return buildRawMessage({
    from: { name: settings.fromName ?? account.displayName, address: fromAddress },
    to,
    subject: message.subject,
    body: message.body,
    signature: settings.signature,
    messageId: rfcMessageId,
    date: new Date(ctx.now.epochMilliseconds),
    unsent: true,
  });
}
