/**
 * The outbox's queries on the message table. The claim discipline (one atomic statement per
 * claim, leases, `uncertain` for a dead claim) is the claim queue's, shared with the system mails
 * in queue.repository.ts; what is the outbox's own is here: fair claiming across accounts and the
 * outcome recorded with the note's timeline event.
 *
 * Finding which accounts have due mail and lease expiry scan across accounts on purpose (one
 * worker serves every tenant); each claim, and every other query, filters by account.
 */
import { sql } from 'kysely';
import type { MessageStatus } from '../../core/types';
import type { Dialect } from '../../db/connect';
import type { Db, DbOrTrx } from '../../db/database';
import type { NewEventRow } from '../../db/tables/event.table';
import type { MessageRow, MessageUpdate } from '../../db/tables/message.table';
import { touched, touchPlan } from '../plan/wake';
import * as queue from './queue.repository';

export interface ClaimOptions {
  now: string;
  leaseUntil: string;
  limit: number;
  /** Only this account's messages (send now from the CLI or web app). */
  accountId?: string;
  /** Only this message. */
  messageId?: string;
  /**
   * The account the previous claim ended with: this claim starts with the next account in id
   * order and wraps around, so every account with due mail takes its turn (see `claimDue`).
   */
  afterAccount?: string;
  /** Each account's claim runs on this handle (its row-level security scope on PostgreSQL). */
  scoped?: (accountId: string) => Db;
}

/**
 * Move up to `limit` due `scheduled` messages to `sending` with a lease, counting the attempt,
 * and return them. A message is returned by at most one claim until its lease ends.
 *
 * Fair and per account: the accounts with due mail are served round-robin from `afterAccount`
 * (one account's thousand scheduled notes take one turn, then the next account's one note goes),
 * the limit is shared between them, and each account's claim is its own statement on
 * PostgreSQL / its own transaction on SQLite, so no transaction ever spans two accounts.
 * Within an account the oldest due message goes first.
 */
export async function claimDue(db: Db, dialect: Dialect, o: ClaimOptions): Promise<MessageRow[]> {
  const accounts = o.accountId ? [o.accountId] : await dueAccounts(db, o);
  const rows: MessageRow[] = [];
  for (const [i, accountId] of accounts.entries()) {
    // The limit shared round-robin: the first `limit % n` accounts take one more. Kept in account
    // order, so the last row's account is where the next claim's turn starts.
    const share = Math.floor(o.limit / accounts.length) + (i < o.limit % accounts.length ? 1 : 0);
    const own = o.scoped?.(accountId) ?? db;
    if (share > 0) rows.push(...(await claimForAccount(own, dialect, o, accountId, share)));
  }
  return rows;
}

/** Up to `limit` accounts with due mail, in id order after `afterAccount`, wrapping around. */
async function dueAccounts(db: Db, o: ClaimOptions): Promise<string[]> {
  const page = async (after: string | undefined, upTo: string | undefined, limit: number) => {
    let q = db
      .selectFrom('message')
      .select('account_id')
      .distinct()
      .where('status', '=', 'scheduled')
      .where('direction', '=', 'out')
      .where('send_at', '<=', o.now);
    if (o.messageId) q = q.where('id', '=', o.messageId);
    if (after !== undefined) q = q.where('account_id', '>', after);
    if (upTo !== undefined) q = q.where('account_id', '<=', upTo);
    const rows = await q.orderBy('account_id').limit(limit).execute();
    return rows.map((r) => r.account_id);
  };
  const first = await page(o.afterAccount, undefined, o.limit);
  if (first.length >= o.limit || o.afterAccount === undefined) return first;
  return [...first, ...(await page(undefined, o.afterAccount, o.limit - first.length))];
}

/** One account's claim: one atomic statement (PostgreSQL) or one write transaction (SQLite). */
async function claimForAccount(
  db: Db,
  dialect: Dialect,
  o: ClaimOptions,
  accountId: string,
  limit: number,
): Promise<MessageRow[]> {
  const rows = await queue.claim(db, dialect, 'message', {
    now: o.now,
    leaseUntil: o.leaseUntil,
    limit,
    accountId,
    ...(o.messageId ? { id: o.messageId } : {}),
  });
  // RETURNING does not promise an order: oldest first, as chosen.
  return rows.sort((a, b) => (a.send_at ?? '').localeCompare(b.send_at ?? '') || a.id.localeCompare(b.id));
}

/**
 * Is there anything for a pass to write: a due `scheduled` message, or a claim whose lease ended?
 * A plain read (on SQLite it goes to the read-only handle), so an idle poll never asks for the
 * write lock: an idle server used to take it every 5 s, and a web write could wait behind it.
 */
export const outboxWork = (db: Db, o: { now: string; accountId?: string; messageId?: string }) =>
  queue.work(db, 'message', o.now, {
    ...(o.accountId ? { accountId: o.accountId } : {}),
    ...(o.messageId ? { id: o.messageId } : {}),
  });

/** The accounts with a claim whose lease ended (a cross-account read; each is then expired alone). */
export async function accountsWithEndedLeases(db: Db, now: string): Promise<string[]> {
  const rows = await db
    .selectFrom('message')
    .select('account_id')
    .distinct()
    .where('status', '=', 'sending')
    .where('lease_until', '<', now)
    .execute();
  return rows.map((r) => r.account_id);
}

/**
 * Messages whose worker died while sending (the lease ended with the status still `sending`)
 * become `uncertain`: the server may have accepted them, so they are never sent again silently.
 */
export const expireLeases = (db: DbOrTrx, now: string, reason: string, accountId?: string) =>
  queue.expireLeases(db, 'message', now, reason, accountId);

/**
 * Hand claimed messages back unsent (a stopping worker had not started them): `scheduled` again,
 * claim cleared and the attempt uncounted, each only if it is still this worker's claim (same
 * attempt count, still `sending`). One statement per message, so no write spans two accounts.
 * Returns how many were released.
 */
export async function releaseClaims(
  db: Db,
  rows: readonly Pick<MessageRow, 'account_id' | 'id' | 'attempts'>[],
  now: string,
): Promise<number> {
  let released = 0;
  for (const row of rows) if (await queue.release(db, 'message', row, now)) released += 1;
  return released;
}

/**
 * Record the outcome of an attempt, only if the message is still the one this worker claimed
 * (same attempt count, still `sending`, or `uncertain` if its lease ran out meanwhile).
 * Returns whether the row was updated.
 */
export async function finishAttempt(
  db: DbOrTrx,
  accountId: string,
  id: string,
  attempts: number,
  patch: MessageUpdate,
): Promise<boolean> {
  const r = await touched(db, accountId, { messageIds: [id] }, (t) =>
    t
      .updateTable('message')
      .set(patch)
      .where(queue.stillClaimed({ account_id: accountId, id, attempts }, ['sending', 'uncertain']))
      .executeTakeFirst(),
  );
  return Number(r.numUpdatedRows) === 1;
}

/**
 * PostgreSQL: `finishAttempt` and the timeline event in one statement (a data-modifying CTE), so
 * recording an outcome costs one round trip instead of four (BEGIN, UPDATE, INSERT, COMMIT). The
 * event is inserted only when the update matched. Returns whether it did.
 */
export async function finishAttemptWithEvent(
  db: DbOrTrx,
  accountId: string,
  id: string,
  attempts: number,
  patch: MessageUpdate,
  event: NewEventRow,
): Promise<boolean> {
  const text = (v: string | null | undefined) => sql<string | null>`cast(${v ?? null} as text)`;
  // A sent or failed note changes its opportunity's plan (claims and expired leases do not: a
  // note that is sending or uncertain already counts as sent, at the same time).
  await touchPlan(db, accountId, { messageIds: [id] });
  const r = await db
    .with('upd', (w) =>
      w
        .updateTable('message')
        .set(patch)
        .where(queue.stillClaimed({ account_id: accountId, id, attempts }, ['sending', 'uncertain']))
        .returning(['account_id', 'id']),
    )
    .insertInto('event')
    .columns([
      'id',
      'account_id',
      'opportunity_id',
      'interview_id',
      'contact_id',
      'message_id',
      'kind',
      'at',
      'data',
    ])
    .expression((eb) =>
      eb
        .selectFrom('upd')
        .select([
          text(event.id).as('id'),
          'upd.account_id',
          text(event.opportunity_id).as('opportunity_id'),
          text(event.interview_id).as('interview_id'),
          text(event.contact_id).as('contact_id'),
          'upd.id',
          text(event.kind).as('kind'),
          text(event.at).as('at'),
          text(event.data).as('data'),
        ]),
    )
    .executeTakeFirst();
  // Again after the write: a Today that read between the two re-plans it (no transaction here).
  await touchPlan(db, accountId, { messageIds: [id] });
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Every outbound message of the account that is not a draft, newest first. */
export const listOutbox = (db: DbOrTrx, accountId: string) =>
  db
    .selectFrom('message')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('direction', '=', 'out')
    .where('status', '!=', 'draft')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();

export const listByStatus = (db: DbOrTrx, accountId: string, status: MessageStatus) =>
  db
    .selectFrom('message')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('direction', '=', 'out')
    .where('status', '=', status)
    .execute();

/** Recipients of a message with the exact address each was (or will be) sent to. */
export const listRecipients = (db: DbOrTrx, accountId: string, messageId: string) =>
  db
    .selectFrom('message_contact')
    .innerJoin('contact', (j) =>
      j
        .onRef('contact.account_id', '=', 'message_contact.account_id')
        .onRef('contact.id', '=', 'message_contact.contact_id'),
    )
    .select([
      'message_contact.contact_id',
      'message_contact.address',
      'message_contact.role',
      'contact.display_name',
      'contact.emails',
      'contact.bad_emails',
    ])
    .where('message_contact.account_id', '=', accountId)
    .where('message_contact.message_id', '=', messageId)
    .execute();

export const setMessageFields = (db: DbOrTrx, accountId: string, id: string, patch: MessageUpdate) =>
  touched(db, accountId, { messageIds: [id], messages: [patch] }, (t) =>
    t.updateTable('message').set(patch).where('account_id', '=', accountId).where('id', '=', id).execute(),
  );
