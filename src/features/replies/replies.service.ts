/**
 * Replies noticed: new mail is read over IMAP and matched to Afterview's messages by
 * In-Reply-To/References, else by the sender's address against the people of an open
 * opportunity. A match becomes an inbound message (kind `reply`) on the timeline, which the
 * planner reads as "they answered". Automatic answers do not count; bounces mark the address
 * as bad on the person. Each mailbox's UIDVALIDITY and last UID are saved in the same
 * transaction as what was recorded, so a restart neither misses nor repeats a message.
 *
 * Two rules keep detection going whatever arrives: a message the parser cannot read (a header
 * block past mailparser's limit, more than 1,000 MIME parts) is recorded as unreadable with its
 * UID and the reason, and the mailbox moves past it; and the Message-ID of every message acted
 * on is kept (inbound_mail), so a mailbox rebuilt under a new UIDVALIDITY records nothing twice.
 */
import { invalid } from '../../core/errors';
import { classifyInbound } from '../../core/mail/classify';
import { formatInstant, Temporal } from '../../core/time';
import { CLOSED_STAGES } from '../../core/types';
import type { DbOrTrx } from '../../db/database';
import { newId } from '../../db/ids';
import type { ServiceContext } from '../context';
import { recordEvent } from '../events/event.service';
import { readJsonArray, writeJson } from '../json-columns';
import { loadImapServer } from '../mail/mail.service';
import { createImapClient } from '../mail/transport';
import { insertMessage, insertMessageContacts } from '../messages/message.repository';
import { resolveUncertainFromSent } from '../outbox/sent-folder';
import { touchPlan } from '../plan/wake';
import type { SecretBox } from '../secrets/secret-box';
import { type InboundMail, parseInbound } from './inbound';
import * as repo from './replies.repository';

export type InboundResult =
  | {
      kind: 'reply';
      messageId: string;
      opportunityId: string | null;
      contactId: string;
      matchedBy: 'thread' | 'sender';
    }
  | { kind: 'auto-reply'; opportunityId: string | null; reason: string }
  | { kind: 'bounce'; addresses: string[]; contactIds: string[]; reason: string }
  | { kind: 'unmatched' }
  | { kind: 'duplicate' };

/** Where an inbound message was read: kept with what was done with it. */
export interface InboundSource {
  mailbox: string;
  uidValidity: string;
  uid: number;
}

/** A message skipped because it could not be parsed. */
export interface UnreadableMail {
  mailbox: string;
  uid: number;
  reason: string;
}

export interface SyncReport {
  mailboxes: { mailbox: string; uidValidity: string; lastUid: number; fetched: number; reset: boolean }[];
  replies: number;
  autoReplies: number;
  bounces: number;
  unmatched: number;
  duplicates: number;
  /** Messages that could not be read, skipped (and recorded with their reason). */
  unreadable: UnreadableMail[];
  /** Uncertain sends found in the Sent folder and marked sent. */
  resolved: number;
}

interface Match {
  opportunityId: string | null;
  contactId: string | null;
  original: string | null;
  matchedBy: 'thread' | 'sender';
}

/** Which of our messages and people an incoming message belongs to, if any. */
async function match(
  trx: DbOrTrx,
  accountId: string,
  mail: InboundMail,
  withQuoted: boolean,
): Promise<Match | null> {
  const contacts = await repo.listContactRows(trx, accountId);
  const sender = mail.from
    ? contacts.find((c) => readJsonArray(c.emails).includes(mail.from as string))
    : undefined;
  const ids = withQuoted ? [...mail.answers, ...mail.quotedIds] : mail.answers;
  const originals = await repo.findByRfcIds(trx, accountId, ids, 'out');
  const original = ids.map((id) => originals.find((m) => m.rfc_message_id === id)).find(Boolean);
  if (original) {
    const to = await trx
      .selectFrom('message_contact')
      .select('contact_id')
      .where('account_id', '=', accountId)
      .where('message_id', '=', original.id)
      .execute();
    return {
      opportunityId: original.opportunity_id,
      contactId: sender?.id ?? to[0]?.contact_id ?? null,
      original: original.rfc_message_id,
      matchedBy: 'thread',
    };
  }
  if (!sender) return null;
  const opportunities = await repo.listOpportunityRows(trx, accountId);
  const open = opportunities.filter((o) => !CLOSED_STAGES.includes(o.stage));
  const participants = await repo.listParticipants(trx, accountId);
  const theirs = open
    .filter(
      (o) =>
        o.recruiter_id === sender.id ||
        participants.some((p) => p.opportunity_id === o.id && p.contact_id === sender.id),
    )
    .sort((a, b) => b.updated_at.localeCompare(a.updated_at) || b.id.localeCompare(a.id));
  const opp = theirs[0];
  if (!opp) return null;
  return { opportunityId: opp.id, contactId: sender.id, original: null, matchedBy: 'sender' };
}

/**
 * Record one incoming message: a reply becomes an inbound message and a `reply-received` event;
 * an automatic answer only an event; a bounce marks the address bad on each person who has it
 * (and the bounced note failed). Idempotent by Message-ID, whatever the kind.
 */
export async function recordInbound(
  trx: DbOrTrx,
  ctx: ServiceContext,
  mail: InboundMail,
  source: InboundSource,
): Promise<InboundResult> {
  const accountId = ctx.actor.accountId;
  const kind = classifyInbound(mail.facts);
  if (mail.messageId && (await repo.findInboundByRfcId(trx, accountId, mail.messageId))) {
    return { kind: 'duplicate' };
  }
  const remember = (outcome: 'reply' | 'auto-reply' | 'bounce') =>
    repo.insertInbound(trx, {
      account_id: accountId,
      id: newId(),
      mailbox: source.mailbox,
      uidvalidity: source.uidValidity,
      uid: String(source.uid),
      rfc_message_id: mail.messageId,
      outcome,
      reason: null,
      recorded_at: formatInstant(ctx.now),
    });
  const receivedAt = mail.date
    ? formatInstant(Temporal.Instant.fromEpochMilliseconds(mail.date.getTime()))
    : formatInstant(ctx.now);

  if (kind.kind === 'bounce') {
    const contacts = await repo.listContactRows(trx, accountId);
    const hit: string[] = [];
    for (const c of contacts) {
      const emails = readJsonArray(c.emails);
      const bounced = kind.failedRecipients.filter((a) => emails.includes(a));
      if (bounced.length === 0) continue;
      const bad = readJsonArray(c.bad_emails);
      const next = [...new Set([...bad, ...bounced])];
      if (next.length !== bad.length) {
        await trx
          .updateTable('contact')
          .set({ bad_emails: writeJson(next), updated_at: formatInstant(ctx.now) })
          .where('account_id', '=', accountId)
          .where('id', '=', c.id)
          .execute();
      }
      hit.push(c.id);
    }
    await touchPlan(trx, accountId, { contactIds: hit });
    const m = await match(trx, accountId, mail, true);
    if (m?.original) {
      await touchPlan(trx, accountId, { opportunityIds: m.opportunityId ? [m.opportunityId] : [] });
      await trx
        .updateTable('message')
        .set({ status: 'failed', last_error: `Bounced: ${kind.reason}`, updated_at: formatInstant(ctx.now) })
        .where('account_id', '=', accountId)
        .where('rfc_message_id', '=', m.original)
        .where('direction', '=', 'out')
        .where('status', '=', 'sent')
        .execute();
    }
    for (const contactId of hit.length > 0 ? hit : [null]) {
      await recordEvent(trx, ctx, {
        kind: 'message-bounced',
        opportunityId: m?.opportunityId ?? null,
        contactId,
        at: receivedAt,
        data: { addresses: kind.failedRecipients, reason: kind.reason },
      });
    }
    await remember('bounce');
    return { kind: 'bounce', addresses: kind.failedRecipients, contactIds: hit, reason: kind.reason };
  }

  const m = await match(trx, accountId, mail, false);
  if (kind.kind === 'auto-reply') {
    if (m) {
      await recordEvent(trx, ctx, {
        kind: 'auto-reply-received',
        opportunityId: m.opportunityId,
        contactId: m.contactId,
        at: receivedAt,
        data: { reason: kind.reason, subject: mail.subject },
      });
      await remember('auto-reply');
    }
    return { kind: 'auto-reply', opportunityId: m?.opportunityId ?? null, reason: kind.reason };
  }
  if (!m?.contactId) return { kind: 'unmatched' };
  if (mail.messageId && (await repo.findByRfcIds(trx, accountId, [mail.messageId], 'in')).length > 0) {
    return { kind: 'duplicate' };
  }
  const id = newId();
  const now = formatInstant(ctx.now);
  await insertMessage(trx, {
    id,
    account_id: accountId,
    kind: 'reply',
    direction: 'in',
    opportunity_id: m.opportunityId,
    interview_id: null,
    subject: mail.subject,
    body: mail.text,
    status: 'sent',
    send_at: null,
    sent_at: receivedAt,
    rfc_message_id: mail.messageId,
    in_reply_to: m.original,
    action_key: null,
    attempts: 0,
    lease_until: null,
    last_error: null,
    created_at: now,
    updated_at: now,
  });
  await insertMessageContacts(trx, [
    { account_id: accountId, message_id: id, contact_id: m.contactId, address: mail.from, role: 'from' },
  ]);
  await recordEvent(trx, ctx, {
    kind: 'reply-received',
    opportunityId: m.opportunityId,
    contactId: m.contactId,
    messageId: id,
    at: receivedAt,
    data: { kind: 'reply', matchedBy: m.matchedBy },
  });
  await remember('reply');
  return {
    kind: 'reply',
    messageId: id,
    opportunityId: m.opportunityId,
    contactId: m.contactId,
    matchedBy: m.matchedBy,
  };
}

/**
 * One IMAP pass over `mailboxes` (default INBOX): read what arrived since the saved UID and
 * record it; then resolve uncertain sends from the Sent folder. The first pass over a mailbox
 * reads the last `firstSyncDays` days (default 30), not the whole history.
 */
export async function syncReplies(
  ctx: ServiceContext,
  box: SecretBox,
  options: { mailboxes?: string[]; firstSyncDays?: number } = {},
): Promise<SyncReport> {
  const accountId = ctx.actor.accountId;
  const imap = await loadImapServer(ctx.db, accountId, box);
  if (!imap) throw invalid('No IMAP server is connected: run afterview config set imap URL.', 'imap');
  const report: SyncReport = {
    mailboxes: [],
    replies: 0,
    autoReplies: 0,
    bounces: 0,
    unmatched: 0,
    duplicates: 0,
    unreadable: [],
    resolved: 0,
  };
  const client = await createImapClient(imap.server);
  await client.connect();
  try {
    for (const mailbox of options.mailboxes ?? ['INBOX']) {
      const lock = await client.getMailboxLock(mailbox, { readOnly: true });
      try {
        const opened = client.mailbox;
        if (!opened) throw new Error(`Mailbox ${mailbox} could not be opened.`);
        const uidValidity = opened.uidValidity.toString();
        const state = await repo.findMailboxState(ctx.db, accountId, mailbox);
        const reset = state !== undefined && state.uidvalidity !== uidValidity;
        let lastUid = state && !reset ? Number(state.last_uid) : 0;
        let uids: number[];
        if (state && !reset) {
          const found = await client.search({ uid: `${lastUid + 1}:*` }, { uid: true });
          // `N:*` always matches the newest message, even below N.
          uids = (Array.isArray(found) ? found : []).filter((u) => u > lastUid);
        } else {
          const since = new Date(
            ctx.now.subtract({ hours: 24 * (options.firstSyncDays ?? 30) }).epochMilliseconds,
          );
          const found = await client.search({ since }, { uid: true });
          uids = Array.isArray(found) ? found : [];
          // Without new mail the baseline is the mailbox's next UID, so old mail is never read later.
          if (uids.length === 0) lastUid = Math.max(0, opened.uidNext - 1);
        }
        uids.sort((a, b) => a - b);
        const sources: { uid: number; source: Buffer }[] = [];
        if (uids.length > 0) {
          for await (const msg of client.fetch(uids.join(','), { uid: true, source: true }, { uid: true })) {
            if (msg.source) sources.push({ uid: msg.uid, source: msg.source });
          }
        }
        sources.sort((a, b) => a.uid - b.uid);
        for (const { uid, source } of sources) {
          const where: InboundSource = { mailbox, uidValidity, uid };
          let mail: InboundMail;
          try {
            mail = await parseInbound(source);
          } catch (err) {
            // One unreadable message must not stop detection for good: note it and move past it.
            const reason = err instanceof Error ? err.message : String(err);
            await ctx.db.transaction().execute(async (trx) => {
              await repo.insertInbound(trx, {
                account_id: accountId,
                id: newId(),
                mailbox,
                uidvalidity: uidValidity,
                uid: String(uid),
                rfc_message_id: null,
                outcome: 'unreadable',
                reason: reason.slice(0, 500),
                recorded_at: formatInstant(ctx.now),
              });
              await repo.saveMailboxState(trx, {
                account_id: accountId,
                mailbox,
                uidvalidity: uidValidity,
                last_uid: String(uid),
                synced_at: formatInstant(ctx.now),
              });
            });
            lastUid = uid;
            report.unreadable.push({ mailbox, uid, reason });
            continue;
          }
          const result = await ctx.db.transaction().execute(async (trx) => {
            const r = await recordInbound(trx, ctx, mail, where);
            await repo.saveMailboxState(trx, {
              account_id: accountId,
              mailbox,
              uidvalidity: uidValidity,
              last_uid: String(uid),
              synced_at: formatInstant(ctx.now),
            });
            return r;
          });
          lastUid = uid;
          if (result.kind === 'reply') report.replies += 1;
          else if (result.kind === 'auto-reply') report.autoReplies += 1;
          else if (result.kind === 'bounce') report.bounces += 1;
          else if (result.kind === 'unmatched') report.unmatched += 1;
          else report.duplicates += 1;
        }
        await repo.saveMailboxState(ctx.db, {
          account_id: accountId,
          mailbox,
          uidvalidity: uidValidity,
          last_uid: String(lastUid),
          synced_at: formatInstant(ctx.now),
        });
        report.mailboxes.push({ mailbox, uidValidity, lastUid, fetched: sources.length, reset });
      } finally {
        lock.release();
      }
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  report.resolved = await resolveUncertainFromSent(ctx, box);
  return report;
}
