/**
 * Messages: drafts, notes sent (by Afterview or outside it) and replies received. The planner
 * reads them to know what is done; the outbox (features/outbox) sends the scheduled ones.
 */
import { AppError, invalid, notFound } from '../../core/errors';
import { handoffMessageId } from '../../core/mail/message-id';
import { recipientOfKey } from '../../core/plan/keys';
import { formatInstant, parseUserInstant } from '../../core/time';
import type { Message } from '../../core/types';
import { parseInput } from '../../core/validate';
import type { DbOrTrx } from '../../db/database';
import { newId } from '../../db/ids';
import type { MessageContactRow, MessageRow } from '../../db/tables/message.table';
import { getAccount } from '../accounts/account.service';
import { getContact } from '../contacts/contact.service';
import type { ServiceContext } from '../context';
import { recordEvent } from '../events/event.service';
import { groupRows } from '../group-rows';
import { getInterview, listInterviews } from '../interviews/interview.service';
import { getMailSettings } from '../mail/mail.service';
import { getOpportunity, listOpportunities } from '../opportunities/opportunity.service';
import * as repo from './message.repository';
import {
  type DraftInput,
  draftSchema,
  type RecordMessageInput,
  recordMessageSchema,
  type UpdateDraftInput,
  updateDraftSchema,
} from './message.schemas';

export function toMessage(row: MessageRow, contacts: MessageContactRow[]): Message {
  return {
    id: row.id,
    kind: row.kind,
    direction: row.direction,
    opportunityId: row.opportunity_id,
    interviewId: row.interview_id,
    contactIds: contacts.filter((c) => c.message_id === row.id).map((c) => c.contact_id),
    subject: row.subject,
    body: row.body,
    status: row.status,
    sentAt: row.sent_at,
    sendAt: row.send_at,
    rfcMessageId: row.rfc_message_id,
    actionKey: row.action_key,
    createdAt: row.created_at,
  };
}

export async function getMessage(ctx: ServiceContext, id: string, db: DbOrTrx = ctx.db): Promise<Message> {
  const row = await repo.findMessage(db, ctx.actor.accountId, id);
  if (!row) throw notFound('message', id);
  return toMessage(row, await repo.listMessageContacts(db, ctx.actor.accountId, [id]));
}

export async function listMessages(ctx: ServiceContext, opportunityId?: string): Promise<Message[]> {
  const rows = await repo.listMessages(ctx.db, ctx.actor.accountId, opportunityId);
  const contacts = await repo.listMessageContacts(
    ctx.db,
    ctx.actor.accountId,
    opportunityId ? rows.map((r) => r.id) : undefined,
  );
  const byMessage = groupRows(contacts, (c) => c.message_id);
  return rows.map((r) => toMessage(r, byMessage.get(r.id) ?? []));
}

/**
 * Which opportunity and interview a note to or from this person belongs to: the most recent
 * interview they were in before `at`, else the open opportunity they recruit for.
 */
export async function inferMessageContext(
  ctx: ServiceContext,
  contactId: string,
  at: string,
): Promise<{ opportunityId: string | null; interviewId: string | null }> {
  const interviews = (await listInterviews(ctx))
    .filter((i) => i.status !== 'cancelled' && i.participants.some((p) => p.contactId === contactId))
    .filter((i) => i.start <= at)
    .sort((a, b) => b.start.localeCompare(a.start));
  const latest = interviews[0];
  if (latest) return { opportunityId: latest.opportunityId, interviewId: latest.id };
  const opps = (await listOpportunities(ctx)).filter((o) => o.recruiterId === contactId);
  const open = opps.filter((o) => !['accepted', 'rejected', 'withdrawn'].includes(o.stage));
  const pick = (open.length > 0 ? open : opps).at(-1);
  return { opportunityId: pick?.id ?? null, interviewId: null };
}

/** Record a note sent outside Afterview (`out`) or a reply received (`in`). */
/**
 * The opportunity and interview a note names must be this account's: another account's id is
 * not found (404), like one that never existed, so no row of ours ever points into theirs.
 */
async function assertOwnRecords(
  ctx: ServiceContext,
  ids: { opportunityId?: string | null | undefined; interviewId?: string | null | undefined },
): Promise<void> {
  if (ids.opportunityId) await getOpportunity(ctx, ids.opportunityId);
  if (ids.interviewId) await getInterview(ctx, ids.interviewId);
}

export async function recordMessage(ctx: ServiceContext, input: RecordMessageInput): Promise<Message> {
  const data = parseInput(recordMessageSchema, input);
  const contact = await getContact(ctx, data.contactId);
  await assertOwnRecords(ctx, { opportunityId: data.opportunityId });
  const account = await getAccount(ctx);
  let at: string;
  try {
    at = data.at ? formatInstant(parseUserInstant(data.at, account.timeZone)) : formatInstant(ctx.now);
  } catch {
    throw invalid(`at: "${data.at}" is not an ISO-8601 time such as 2026-12-08T10:00.`, 'at');
  }
  if (data.direction === 'in' && data.kind !== 'reply' && data.kind !== 'other') {
    throw invalid(`kind: a message received is a "reply" (or "other"), not "${data.kind}".`, 'kind');
  }
  const inferred = await inferMessageContext(ctx, contact.id, at);
  const opportunityId = data.opportunityId ?? inferred.opportunityId;
  const actionKey =
    data.direction === 'out' && data.kind === 'thank-you' && inferred.interviewId
      ? `thank-you:${inferred.interviewId}:${contact.id}`
      : null;
  const row: MessageRow = {
    id: newId(),
    account_id: ctx.actor.accountId,
    kind: data.kind,
    direction: data.direction,
    opportunity_id: opportunityId,
    interview_id: inferred.interviewId,
    subject: data.subject ?? '',
    body: data.body ?? '',
    status: 'sent',
    send_at: null,
    sent_at: at,
    rfc_message_id: null,
    in_reply_to: null,
    action_key: actionKey,
    attempts: 0,
    lease_until: null,
    last_error: null,
    edited_at: null,
    created_at: formatInstant(ctx.now),
    updated_at: formatInstant(ctx.now),
  };
  const contactRows = [
    {
      account_id: ctx.actor.accountId,
      message_id: row.id,
      contact_id: contact.id,
      address: contact.emails[0] ?? null,
      role: data.direction === 'out' ? 'to' : 'from',
    },
  ];
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertMessage(trx, row);
    await repo.insertMessageContacts(trx, contactRows);
    await recordEvent(trx, ctx, {
      kind: data.direction === 'out' ? 'message-sent' : 'reply-received',
      opportunityId,
      contactId: contact.id,
      messageId: row.id,
      at,
      data: { kind: data.kind },
    });
  });
  return toMessage(row, contactRows);
}

/**
 * A note recorded for an action that names its recipient (a thank-you to one interviewer) must be
 * addressed to exactly that person: otherwise the note for Sam would close Priya's thank-you and
 * leave Sam's open. Refused with a sentence naming both people.
 */
export async function assertAddressedToAction(
  ctx: ServiceContext,
  actionKey: string | null | undefined,
  contactIds: readonly string[],
): Promise<void> {
  if (!actionKey) return;
  const expected = recipientOfKey(actionKey);
  if (!expected) return;
  if (contactIds.length === 1 && contactIds[0] === expected) return;
  const [meant, ...actual] = await Promise.all(
    [expected, ...contactIds].map((id) =>
      getContact(ctx, id).then(
        (c) => c.displayName,
        () => 'someone else',
      ),
    ),
  );
  const to = actual.length > 0 ? actual.join(', ') : 'nobody';
  throw new AppError(
    'conflict',
    `This note is addressed to ${to}, but it is the one meant for ${meant}; write to ${to} from their own note instead.`,
    'contactIds',
  );
}

/** Who wrote a draft's words: the user (Compose, the API) or Afterview from the debrief. */
export type DraftAuthor = 'user' | 'afterview';

/**
 * Save a draft. A draft for the same planner action is updated in place rather than duplicated,
 * so drafting twice never leaves two notes to one person. Words the user saves mark the draft as
 * edited, so drafting from the debrief again keeps them (see `findEditedDraft`).
 */
export async function saveDraft(
  ctx: ServiceContext,
  input: DraftInput,
  by: DraftAuthor = 'user',
): Promise<Message> {
  const data = parseInput(draftSchema, input);
  const contacts = await Promise.all(data.contactIds.map((id) => getContact(ctx, id)));
  await assertOwnRecords(ctx, data);
  await assertAddressedToAction(ctx, data.actionKey, data.contactIds);
  const at = formatInstant(ctx.now);
  const editedAt = by === 'user' ? at : null;
  const existing = data.actionKey
    ? await repo.findDraftByActionKey(ctx.db, ctx.actor.accountId, data.actionKey)
    : null;
  if (existing) {
    await repo.updateMessage(ctx.db, ctx.actor.accountId, existing.id, {
      subject: data.subject,
      body: data.body,
      edited_at: editedAt,
      updated_at: at,
    });
    return getMessage(ctx, existing.id);
  }
  const row: MessageRow = {
    id: newId(),
    account_id: ctx.actor.accountId,
    kind: data.kind,
    direction: 'out',
    opportunity_id: data.opportunityId ?? null,
    interview_id: data.interviewId ?? null,
    subject: data.subject,
    body: data.body,
    status: 'draft',
    send_at: null,
    sent_at: null,
    rfc_message_id: null,
    in_reply_to: null,
    action_key: data.actionKey ?? null,
    attempts: 0,
    lease_until: null,
    last_error: null,
    edited_at: editedAt,
    created_at: at,
    updated_at: at,
  };
  const contactRows = contacts.map((c) => ({
    account_id: ctx.actor.accountId,
    message_id: row.id,
    contact_id: c.id,
    address: c.emails[0] ?? null,
    role: 'to',
  }));
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertMessage(trx, row);
    await repo.insertMessageContacts(trx, contactRows);
  });
  return toMessage(row, contactRows);
}

/** Edit a draft's subject or body; a message that has left (or is leaving) cannot change. */
export async function updateDraft(
  ctx: ServiceContext,
  id: string,
  input: UpdateDraftInput,
): Promise<Message> {
  const data = parseInput(updateDraftSchema, input);
  const current = await getMessage(ctx, id);
  if (current.status !== 'draft') {
    throw new AppError('conflict', `Message ${id} is ${current.status}; only drafts can be edited.`);
  }
  await repo.updateMessage(ctx.db, ctx.actor.accountId, id, {
    ...(data.subject !== undefined && { subject: data.subject }),
    ...(data.body !== undefined && { body: data.body }),
    edited_at: formatInstant(ctx.now),
    updated_at: formatInstant(ctx.now),
  });
  return getMessage(ctx, id);
}

/**
 * The draft for `actionKey` if the user has saved words of their own in it (null when there is
 * none, or it is still exactly as Afterview drafted it and may be refreshed).
 */
export async function findEditedDraft(ctx: ServiceContext, actionKey: string): Promise<Message | null> {
  const row = await repo.findDraftByActionKey(ctx.db, ctx.actor.accountId, actionKey);
  if (!row || row.edited_at === null) return null;
  return toMessage(row, await repo.listMessageContacts(ctx.db, ctx.actor.accountId, [row.id]));
}

/** "I sent it from my own mail app": the draft becomes sent at `at` (default now). */
export async function markSent(ctx: ServiceContext, id: string, at?: string): Promise<Message> {
  const current = await getMessage(ctx, id);
  if (current.direction !== 'out') throw invalid(`Message ${id} was received, not sent.`, 'id');
  if (current.status === 'sent') return current;
  if (current.status === 'sending' || current.status === 'scheduled') {
    throw new AppError('conflict', `Message ${id} is ${current.status} by the outbox; cancel it first.`);
  }
  await assertAddressedToAction(ctx, current.actionKey, current.contactIds);
  const [account, mail] = await Promise.all([getAccount(ctx), getMailSettings(ctx)]);
  const sentAt = at ? formatInstant(parseUserInstant(at, account.timeZone)) : formatInstant(ctx.now);
  // The id the .eml download carried (computed, never stored by the download itself): kept now,
  // so a reply to the copy sent from the mail app is matched to this note.
  const fromAddress = mail.fromAddress ?? account.ownEmails[0];
  const rfcMessageId =
    current.rfcMessageId ??
    (fromAddress
      ? handoffMessageId({ messageId: current.id, createdAt: current.createdAt, fromAddress })
      : null);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateMessage(trx, ctx.actor.accountId, id, {
      status: 'sent',
      sent_at: sentAt,
      rfc_message_id: rfcMessageId,
      updated_at: formatInstant(ctx.now),
    });
    await recordEvent(trx, ctx, {
      kind: 'message-sent',
      opportunityId: current.opportunityId,
      contactId: current.contactIds[0] ?? null,
      messageId: id,
      at: sentAt,
      data: { kind: current.kind, via: 'outside' },
    });
  });
  return getMessage(ctx, id);
}
