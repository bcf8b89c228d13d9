/**
 * The system mail queue's queries (hosted mode's own mails: confirm, reset, coach invitations).
 * The same claim discipline as the message outbox: a row moves `scheduled` → `sending` with a
 * lease in one atomic statement (PostgreSQL: `FOR UPDATE SKIP LOCKED`; SQLite: one `BEGIN
 * IMMEDIATE` transaction), one row per claim, so no write ever spans two accounts, and an outcome
 * is recorded only if the row is still the claim this worker made.
 */
import { sql } from 'kysely';
import type { Dialect } from '../../db/connect';
import type { Db, DbOrTrx } from '../../db/database';
import type { NewSystemMailRow, SystemMailRow, SystemMailUpdate } from '../../db/tables/system-mail.table';

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
export async function systemMailWork(db: Db, now: string): Promise<{ due: boolean; expired: boolean }> {
  const [due, expired] = await Promise.all([
    db
      .selectFrom('system_mail')
      .select(sql<number>`1`.as('one'))
      .where('status', '=', 'scheduled')
      .where('send_at', '<=', now)
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('system_mail')
      .select(sql<number>`1`.as('one'))
      .where('status', '=', 'sending')
      .where('lease_until', '<', now)
      .limit(1)
      .executeTakeFirst(),
  ]);
  return { due: due !== undefined, expired: expired !== undefined };
}

/** Claim the oldest due system mail (at most one), counting the attempt; undefined when none. */
export async function claimSystemMail(
  db: Db,
  dialect: Dialect,
  o: { now: string; leaseUntil: string },
): Promise<SystemMailRow | undefined> {
  const claim = (q: DbOrTrx) => {
    const update = q
      .with(
        (cte) => cte('due').materialized(),
        (w) => {
          const due = w
            .selectFrom('system_mail')
            .select(['account_id', 'id'])
            .where('status', '=', 'scheduled')
            .where('send_at', '<=', o.now)
            .orderBy('send_at')
            .orderBy('id')
            .limit(1);
          return dialect === 'postgres' ? due.forUpdate().skipLocked() : due;
        },
      )
      .updateTable('system_mail')
      .from('due')
      .set((eb) => ({
        status: 'sending',
        lease_until: o.leaseUntil,
        attempts: eb('system_mail.attempts', '+', 1),
        updated_at: o.now,
      }))
      .whereRef('system_mail.account_id', '=', 'due.account_id')
      .whereRef('system_mail.id', '=', 'due.id')
      .where('system_mail.status', '=', 'scheduled');
    return dialect === 'postgres'
      ? update.returningAll('system_mail').executeTakeFirst()
      : update.returningAll().executeTakeFirst();
  };
  if (dialect === 'postgres') return claim(db);
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const row = await claim(conn);
      await sql`commit`.execute(conn);
      return row;
    } catch (err) {
      await sql`rollback`.execute(conn);
      throw err;
    }
  });
}

/** Claims whose lease ended while `sending`: the server may have taken them, so never resent. */
export async function expireSystemMailLeases(db: DbOrTrx, now: string, reason: string): Promise<number> {
  const r = await db
    .updateTable('system_mail')
    .set({ status: 'uncertain', lease_until: null, last_error: reason, updated_at: now })
    .where('status', '=', 'sending')
    .where('lease_until', '<', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
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
    .where('account_id', '=', row.account_id)
    .where('id', '=', row.id)
    .where('attempts', '=', row.attempts)
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Hand a claimed, unstarted mail back (stopping): `scheduled`, claim cleared, attempt uncounted. */
export async function releaseSystemMail(
  db: DbOrTrx,
  row: Pick<SystemMailRow, 'account_id' | 'id' | 'attempts'>,
  now: string,
): Promise<boolean> {
  const r = await db
    .updateTable('system_mail')
    .set((eb) => ({
      status: 'scheduled',
      lease_until: null,
      attempts: eb('attempts', '-', 1),
      updated_at: now,
    }))
    .where('account_id', '=', row.account_id)
    .where('id', '=', row.id)
    .where('attempts', '=', row.attempts)
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** An account's system mails, oldest first (tests, support). */
export const listSystemMail = (db: DbOrTrx, accountId: string) =>
  db
    .selectFrom('system_mail')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
