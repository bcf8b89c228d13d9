/**
 * Resolving `uncertain` messages from the IMAP Sent folder: a message whose Message-ID is there
 * did leave. One that is not stays uncertain for the user to decide (some servers never file a
 * copy), because a silent resend could deliver it twice.
 */
import { formatInstant, Temporal } from '../../core/time';
import type { Db } from '../../db/database';
import type { ServiceContext } from '../context';
import { recordEvent } from '../events/event.service';
import { loadImapServer } from '../mail/mail.service';
import type { MailServer } from '../mail/mail-url';
import { createImapClient } from '../mail/transport';
import { touchPlan } from '../plan/wake';
import type { SecretBox } from '../secrets/secret-box';
import { listByStatus, listRecipients } from './outbox.repository';

/** For each Message-ID found in the Sent folder, when the server filed it. */
export async function findInSentFolder(
  server: MailServer,
  sentMailbox: string | null,
  messageIds: readonly string[],
): Promise<Map<string, Date | null>> {
  const found = new Map<string, Date | null>();
  if (messageIds.length === 0) return found;
  const client = await createImapClient(server);
  await client.connect();
  try {
    const folder =
      sentMailbox ?? (await client.list()).find((m) => m.specialUse === '\\Sent')?.path ?? 'Sent';
    const lock = await client.getMailboxLock(folder, { readOnly: true });
    try {
      for (const id of messageIds) {
        const uids = await client.search({ header: { 'message-id': id } }, { uid: true });
        const uid = Array.isArray(uids) ? uids[0] : undefined;
        if (uid === undefined) continue;
        const msg = await client.fetchOne(String(uid), { internalDate: true }, { uid: true });
        const filed = msg === false ? undefined : msg.internalDate;
        const date = filed ? new Date(filed) : null;
        found.set(id, date);
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return found;
}

/**
 * Look for the account's uncertain messages in its Sent folder and mark the ones found as sent.
 * Returns how many were resolved; 0 when IMAP is not connected.
 */
export async function resolveUncertainFromSent(ctx: ServiceContext, box: SecretBox): Promise<number> {
  const accountId = ctx.actor.accountId;
  const imap = await loadImapServer(ctx.db, accountId, box);
  if (!imap) return 0;
  const uncertain = (await listByStatus(ctx.db, accountId, 'uncertain')).filter((m) => m.rfc_message_id);
  if (uncertain.length === 0) return 0;
  const found = await findInSentFolder(
    imap.server,
    imap.sentMailbox,
    uncertain.map((m) => m.rfc_message_id as string),
  );
  let resolved = 0;
  for (const m of uncertain) {
    const filedAt = found.get(m.rfc_message_id as string);
    if (filedAt === undefined) continue;
    const sentAt = filedAt
      ? formatInstant(Temporal.Instant.fromEpochMilliseconds(filedAt.getTime()))
      : formatInstant(ctx.now);
    const ok = await markSentFromSentFolder(ctx.db, ctx, m.id, sentAt);
    if (ok) resolved += 1;
  }
  return resolved;
}

async function markSentFromSentFolder(
  db: Db,
  ctx: ServiceContext,
  id: string,
  sentAt: string,
): Promise<boolean> {
  const accountId = ctx.actor.accountId;
  return db.transaction().execute(async (trx) => {
    await touchPlan(trx, accountId, { messageIds: [id] });
    const r = await trx
      .updateTable('message')
      .set({
        status: 'sent',
        sent_at: sentAt,
        lease_until: null,
        last_error: null,
        updated_at: formatInstant(ctx.now),
      })
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .where('status', '=', 'uncertain')
      .returning(['opportunity_id', 'kind'])
      .executeTakeFirst();
    if (!r) return false;
    const to = await listRecipients(trx, accountId, id);
    await recordEvent(trx, ctx, {
      kind: 'message-sent',
      opportunityId: r.opportunity_id,
      contactId: to[0]?.contact_id ?? null,
      messageId: id,
      at: sentAt,
      data: { kind: r.kind, via: 'smtp', resolvedBy: 'imap-sent-folder' },
    });
    return true;
  });
}
