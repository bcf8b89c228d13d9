/**
 * SQL for coaches. A grant row belongs to the CLIENT's account: the client's own calls run on
 * their scoped handle; the coach-side lookups (by token, by coach) cross accounts and take the
 * system handle, which is why each says which handle it expects.
 */
import type { Stage } from '../../core/types';
import type { DbOrTrx } from '../../db/database';
import type { CoachGrantRow, NewCoachGrantRow } from '../../db/tables/coach-grant.table';

export async function insertGrant(db: DbOrTrx, row: NewCoachGrantRow): Promise<void> {
  await db.insertInto('coach_grant').values(row).execute();
}

/** Remove an invitation whose mail could not be sent. */
export async function deleteGrant(db: DbOrTrx, accountId: string, id: string): Promise<void> {
  await db.deleteFrom('coach_grant').where('account_id', '=', accountId).where('id', '=', id).execute();
}

/** The client's grants that are not revoked, oldest first (client's handle). */
export const openGrantsOfClient = (db: DbOrTrx, accountId: string): Promise<CoachGrantRow[]> =>
  db
    .selectFrom('coach_grant')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export const findOpenGrant = (
  db: DbOrTrx,
  accountId: string,
  id: string,
): Promise<CoachGrantRow | undefined> =>
  db
    .selectFrom('coach_grant')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();

/** A pending invitation by its token's hash (system handle: the coach does not know the client yet). */
export const findPendingByTokenHash = (db: DbOrTrx, tokenHash: string): Promise<CoachGrantRow | undefined> =>
  db
    .selectFrom('coach_grant')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();

/** Accept: bind the coach's account and burn the token; 0 when it was accepted or revoked meanwhile. */
export async function acceptGrant(
  db: DbOrTrx,
  accountId: string,
  id: string,
  coachAccountId: string,
  at: string,
): Promise<number> {
  const r = await db
    .updateTable('coach_grant')
    .set({ coach_account_id: coachAccountId, accepted_at: at, token_hash: null })
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** How many invitations the account created since `since` (each one was a mail). */
export async function countGrantsSince(db: DbOrTrx, accountId: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('coach_grant')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('account_id', '=', accountId)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function setShareNotes(
  db: DbOrTrx,
  accountId: string,
  id: string,
  share: boolean,
): Promise<number> {
  const r = await db
    .updateTable('coach_grant')
    .set({ share_notes: share ? 1 : 0 })
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function revokeGrant(db: DbOrTrx, accountId: string, id: string, at: string): Promise<number> {
  const r = await db
    .updateTable('coach_grant')
    .set({ revoked_at: at, token_hash: null })
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The coach's live grant from one client (client's handle, so row-level security applies). */
export const liveGrant = (
  db: DbOrTrx,
  clientId: string,
  coachAccountId: string,
): Promise<CoachGrantRow | undefined> =>
  db
    .selectFrom('coach_grant')
    .selectAll()
    .where('account_id', '=', clientId)
    .where('coach_account_id', '=', coachAccountId)
    .where('accepted_at', 'is not', null)
    .where('revoked_at', 'is', null)
    .orderBy('accepted_at', 'desc')
    .executeTakeFirst();

/** Every live grant naming this coach, across clients (system handle). */
export const liveGrantsOfCoach = (db: DbOrTrx, coachAccountId: string): Promise<CoachGrantRow[]> =>
  db
    .selectFrom('coach_grant')
    .selectAll()
    .where('coach_account_id', '=', coachAccountId)
    .where('accepted_at', 'is not', null)
    .where('revoked_at', 'is', null)
    .orderBy('accepted_at')
    .execute();

/** The coach stops coaching one client: every live grant between them ends (client's handle). */
export async function revokeAsCoach(
  db: DbOrTrx,
  clientId: string,
  coachAccountId: string,
  at: string,
): Promise<number> {
  const r = await db
    .updateTable('coach_grant')
    .set({ revoked_at: at })
    .where('account_id', '=', clientId)
    .where('coach_account_id', '=', coachAccountId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * A coach closed their account: every grant naming them ends, in every client's account (system
 * handle). Pending invitations to their address are not touched: they name an address, not the
 * closed account, and the person may sign up again and accept.
 */
export async function revokeGrantsOfCoach(db: DbOrTrx, coachAccountId: string, at: string): Promise<number> {
  const r = await db
    .updateTable('coach_grant')
    .set({ revoked_at: at, token_hash: null })
    .where('coach_account_id', '=', coachAccountId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * The client's grants that ended since `since` because the coach's account is gone (client's
 * handle): accepted, revoked, and no sign-in user with the coach's id any more.
 */
export const grantsOfClosedCoaches = (
  db: DbOrTrx,
  accountId: string,
  since: string,
): Promise<CoachGrantRow[]> =>
  db
    .selectFrom('coach_grant')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('accepted_at', 'is not', null)
    .where('revoked_at', '>', since)
    .where('coach_account_id', 'is not', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('auth_user')
            .select('auth_user.id')
            .whereRef('auth_user.id', '=', 'coach_grant.coach_account_id'),
        ),
      ),
    )
    .orderBy('revoked_at')
    .orderBy('id')
    .execute();

/** Names and addresses of signed-up users (better-auth's table, outside the tenant model). */
export const usersByIds = (
  db: DbOrTrx,
  ids: readonly string[],
): Promise<{ id: string; name: string; email: string }[]> =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('auth_user').select(['id', 'name', 'email']).where('id', 'in', ids).execute();

/** How many opportunities the account has in each stage (client's handle): counts, not rows. */
export async function opportunitiesByStage(
  db: DbOrTrx,
  accountId: string,
): Promise<{ stage: Stage; count: number }[]> {
  const rows = await db
    .selectFrom('opportunity')
    .select((eb) => ['stage', eb.fn.countAll<number | string>().as('n')])
    .where('account_id', '=', accountId)
    .groupBy('stage')
    .execute();
  return rows.map((r) => ({ stage: r.stage, count: Number(r.n) }));
}

/** When the account last did anything on its timeline (client's handle); null when never. */
export async function lastActivity(db: DbOrTrx, accountId: string): Promise<string | null> {
  const row = await db
    .selectFrom('event')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row?.at ?? null;
}
