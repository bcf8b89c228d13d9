/**
 * Sending a note through the account's SMTP server: check it, choose and store its Message-ID,
 * then put it in the outbox for now or later. The worker (outbox.worker.ts) does the sending;
 * "send now" is a schedule at now plus an immediate worker pass for that one message.
 */
import { randomBytes } from 'node:crypto';
import type { Finding } from '../../core/checker/types';
import { AppError, invalid } from '../../core/errors';
import { domainOf, makeMessageId } from '../../core/mail/message-id';
import { formatInstant, parseUserInstant } from '../../core/time';
import type { Message, MessageStatus } from '../../core/types';
import type { Dialect } from '../../db/connect';
import type { MessageRow } from '../../db/tables/message.table';
import { getAccount } from '../accounts/account.service';
import { type CheckResult, checkMessage } from '../checks/check.service';
import type { ServiceContext } from '../context';
import { recordEvent } from '../events/event.service';
import { loadSmtpAccount } from '../mail/mail.service';
import { listMessageContacts } from '../messages/message.repository';
import { assertAddressedToAction, getMessage, toMessage } from '../messages/message.service';
import { touchPlan } from '../plan/wake';
import type { SecretBox } from '../secrets/secret-box';
import * as repo from './outbox.repository';
import { runOutboxOnce, type WorkerReport } from './outbox.worker';

export interface OutboxDeps {
  dialect: Dialect;
  box: SecretBox;
}

/** A message as the outbox sees it: its state plus the sending details. */
export interface OutboxEntry extends Message {
  attempts: number;
  lastError: string | null;
  leaseUntil: string | null;
}

/** Sending was refused because the note checker found errors; `findings` says which. */
export class CheckFailedError extends AppError {
  readonly findings: Finding[];
  constructor(findings: Finding[]) {
    const errors = findings.filter((f) => f.severity === 'error');
    super(
      'check-failed',
      `The note checker found ${errors.length} error${errors.length === 1 ? '' : 's'} (${errors[0]?.message ?? ''}); fix the note, or override with --force.`,
    );
    this.findings = findings;
  }
}

export function toOutboxEntry(row: MessageRow, contacts: Parameters<typeof toMessage>[1]): OutboxEntry {
  return {
    ...toMessage(row, contacts),
    attempts: row.attempts,
    lastError: row.last_error,
    leaseUntil: row.lease_until,
  };
}

/**
 * The one rule for a note leaving Afterview, whether sent from here or handed to the mail app
 * (handoff.service.ts): checker errors stop it unless the user explicitly overrides (`force`).
 */
export async function assertCheckAllows(
  ctx: ServiceContext,
  id: string,
  options: { at?: string; force?: boolean } = {},
): Promise<CheckResult> {
  const check = await checkMessage(ctx, id, options.at);
  if (check.blocked && !options.force) throw new CheckFailedError(check.findings);
  return check;
}

/** States from which the user may (re)schedule a message: a failed or uncertain one only on their explicit word. */
const SCHEDULABLE: MessageStatus[] = ['draft', 'scheduled', 'failed', 'uncertain'];

export interface ScheduleResult {
  message: OutboxEntry;
  findings: Finding[];
}

/**
 * Check the note and put it in the outbox for `at` (default now). Refuses when the checker
 * finds errors (unless `force`), when no mail server is connected, or when a recipient has no
 * address. The Message-ID is chosen here, before any attempt, and kept across retries.
 */
export async function scheduleSend(
  ctx: ServiceContext,
  deps: Pick<OutboxDeps, 'box'>,
  id: string,
  options: { at?: string; force?: boolean } = {},
): Promise<ScheduleResult> {
  const accountId = ctx.actor.accountId;
  const message = await getMessage(ctx, id);
  if (message.direction !== 'out') throw invalid(`Message ${id} was received, not written by you.`, 'id');
  if (!SCHEDULABLE.includes(message.status)) {
    throw new AppError('conflict', `Message ${id} is already ${message.status}; it will not be sent again.`);
  }
  await assertAddressedToAction(ctx, message.actionKey, message.contactIds);
  const smtp = await loadSmtpAccount(ctx.db, accountId, deps.box);
  if (!smtp) {
    throw invalid(
      'No mail server is connected: run afterview config set smtp URL, or use afterview message open / eml and then mark-sent.',
      'smtp',
    );
  }
  const account = await getAccount(ctx);
  let sendAt = ctx.now;
  if (options.at) {
    try {
      sendAt = parseUserInstant(options.at, account.timeZone);
    } catch {
      throw invalid(`--at: "${options.at}" is not an ISO-8601 time such as 2026-12-08T08:30.`, 'at');
    }
    if (sendAt.epochMilliseconds < ctx.now.epochMilliseconds - 60_000) {
      throw invalid(`--at: ${options.at} is in the past.`, 'at');
    }
  }
  const recipients = (await repo.listRecipients(ctx.db, accountId, id)).filter((r) => r.role === 'to');
  if (recipients.length === 0) throw invalid(`Message ${id} has no recipient.`, 'id');
  const addresses = recipients.map((r) => ({
    contactId: r.contact_id,
    name: r.display_name,
    address: r.address ?? (JSON.parse(r.emails) as string[])[0] ?? null,
    bad: JSON.parse(r.bad_emails) as string[],
  }));
  const missing = addresses.find((r) => !r.address);
  if (missing) throw invalid(`${missing.name} has no email address; add one before sending.`, 'to');
  const bounced = addresses.find((r) => r.address && r.bad.includes(r.address));
  if (bounced && !options.force) {
    throw invalid(
      `${bounced.address} bounced before; fix ${bounced.name}'s address or send with --force.`,
      'to',
    );
  }

  const sendAtIso = formatInstant(sendAt);
  const check = await assertCheckAllows(ctx, id, { at: sendAtIso, force: options.force });

  const rfcMessageId =
    message.rfcMessageId ??
    makeMessageId({
      random: randomBytes(12).toString('hex'),
      at: formatInstant(ctx.now),
      domain: domainOf(smtp.fromAddress),
    });
  const now = formatInstant(ctx.now);
  await ctx.db.transaction().execute(async (trx) => {
    await touchPlan(trx, accountId, { messageIds: [id] });
    const r = await trx
      .updateTable('message')
      .set({
        status: 'scheduled',
        send_at: sendAtIso,
        rfc_message_id: rfcMessageId,
        attempts: 0,
        lease_until: null,
        last_error: null,
        updated_at: now,
      })
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .where('status', 'in', SCHEDULABLE)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1)
      throw new AppError('conflict', `Message ${id} changed meanwhile; try again.`);
    // The exact address used is part of the record: the person's addresses may change later.
    for (const a of addresses) {
      await trx
        .updateTable('message_contact')
        .set({ address: a.address })
        .where('account_id', '=', accountId)
        .where('message_id', '=', id)
        .where('contact_id', '=', a.contactId)
        .where('address', 'is', null)
        .execute();
    }
    await recordEvent(trx, ctx, {
      kind: 'message-scheduled',
      opportunityId: message.opportunityId,
      contactId: addresses[0]?.contactId ?? null,
      messageId: id,
      data: { kind: message.kind, sendAt: sendAtIso, forced: Boolean(options.force && check.blocked) },
    });
  });
  return { message: await getOutboxEntry(ctx, id), findings: check.findings };
}

/** Schedule at now and send it in this process; returns the message in its new state. */
export async function sendNow(
  ctx: ServiceContext,
  deps: OutboxDeps,
  id: string,
  options: { force?: boolean } = {},
): Promise<ScheduleResult & { report: WorkerReport }> {
  const scheduled = await scheduleSend(ctx, deps, id, { force: options.force ?? false });
  const report = await runOutboxOnce({
    db: ctx.db,
    dialect: deps.dialect,
    box: deps.box,
    now: () => ctx.now,
    accountId: ctx.actor.accountId,
    messageId: id,
  });
  return { ...scheduled, message: await getOutboxEntry(ctx, id), report };
}

/** Take a scheduled message out of the outbox; it becomes a draft again. */
export async function cancelScheduled(ctx: ServiceContext, id: string): Promise<OutboxEntry> {
  await touchPlan(ctx.db, ctx.actor.accountId, { messageIds: [id] });
  const r = await ctx.db
    .updateTable('message')
    .set({ status: 'draft', send_at: null, updated_at: formatInstant(ctx.now) })
    .where('account_id', '=', ctx.actor.accountId)
    .where('id', '=', id)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  // Again after the write: a Today that read between the two re-plans it (no transaction here).
  await touchPlan(ctx.db, ctx.actor.accountId, { messageIds: [id] });
  if (Number(r.numUpdatedRows) !== 1) {
    const m = await getMessage(ctx, id);
    throw new AppError('conflict', `Message ${id} is ${m.status}, not scheduled.`);
  }
  return getOutboxEntry(ctx, id);
}

export async function getOutboxEntry(ctx: ServiceContext, id: string): Promise<OutboxEntry> {
  await getMessage(ctx, id);
  const row = await ctx.db
    .selectFrom('message')
    .selectAll()
    .where('account_id', '=', ctx.actor.accountId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return toOutboxEntry(row, await listMessageContacts(ctx.db, ctx.actor.accountId, [id]));
}

/** Every outbound message that is not a draft, newest first, with its state. */
export async function listOutbox(ctx: ServiceContext): Promise<OutboxEntry[]> {
  const rows = await repo.listOutbox(ctx.db, ctx.actor.accountId);
  const contacts = await listMessageContacts(
    ctx.db,
    ctx.actor.accountId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toOutboxEntry(r, contacts));
}
