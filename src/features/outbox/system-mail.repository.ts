/**
 * The system mail queue's queries (hosted mode's own mails: confirm, reset, coach invitations).
 * The claim discipline is the claim queue's, shared with the users' outbox (queue.repository.ts):
 * a row moves `scheduled` → `sending` with a lease in one atomic statement. Here the oldest due
 * mail of any account is claimed, one row per claim, so no write ever spans two accounts, and an
 * outcome is recorded only if the row is still the claim this worker made.
 */
import { sql } from 'kysely';
import type { Dialect } from '../../db/connect';
import type { Db, DbOrTrx } from '../../db/database';
import type { NewSystemMailRow, SystemMailRow, SystemMailUpdate } from '../../db/tables/system-mail.table';
import * as queue from './queue.repository';

export const insertSystemMail = (db: DbOrTrx, row: NewSystemMailRow) =>
  db.insertInto('system_mail').values(row).execute();

/** The account a mail to `address` concerns: the user signed up with it, if any. */
export async function accountIdForAddress(db: DbOrTrx, address: string): Promise<string | null> {
  const row = await db
    .selectFrom('auth_user')
    .select('id')
    .where(sql<string>`lower(email)`, '=', address.trim().toLowerCase())
    .executeTakeFirst();
  return row?.id ?? null;
}

/** A plain read: is any system mail due, or any claim's lease over? (An idle poll writes nothing.) */
export const systemMailWork = (db: Db, now: string) => queue.work(db, 'system_mail', now);

/** Claim the oldest due system mail (at most one), counting the attempt; undefined when none. */
export async function claimSystemMail(
  db: Db,
  dialect: Dialect,
  o: { now: string; leaseUntil: string },
): Promise<SystemMailRow | undefined> {
  const [row] = await queue.claim(db, dialect, 'system_mail', { ...o, limit: 1 });
  return row;
}

/** Claims whose lease ended while `sending`: the server may have taken them, so never resent. */
export async function expireSystemMailLeases(db: DbOrTrx, now: string, reason: string): Promise<number> {
  return (await queue.expireLeases(db, 'system_mail', now, reason)).length;
}

/** Record an attempt's outcome if the row is still this claim (same attempts, still `sending`). */
export async function finishSystemMail(
  db: DbOrTrx,
  row: Pick<SystemMailRow, 'account_id' | 'id' | 'attempts'>,
  patch: SystemMailUpdate,
): Promise<boolean> {
  const r = await db
    .updateTable('system_mail')
    .set(patch)
    .where(queue.stillClaimed(row, ['sending']))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Hand a claimed, unstarted mail back (stopping): `scheduled`, claim cleared, attempt uncounted. */
export const releaseSystemMail = (
  db: DbOrTrx,
  row: Pick<SystemMailRow, 'account_id' | 'id' | 'attempts'>,
  now: string,
) => queue.release(db, 'system_mail', row, now);

/** An account's system mails, oldest first (tests, support). */
export const listSystemMail = (db: DbOrTrx, accountId: string) =>
  db
    .selectFrom('system_mail')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
