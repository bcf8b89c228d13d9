/** SQL for the sign-in failure counts every app process shares (table auth_failure). */
import type { DbOrTrx } from '../../db/database';
import type { AuthFailureTable } from '../../db/tables/auth-failure.table';

type Kind = AuthFailureTable['kind'];

/** How many events of `keyHash` happened at or after `since`, and the oldest of them. */
export async function recentFailures(
  db: DbOrTrx,
  keyHash: string,
  kind: Kind,
  since: string,
): Promise<{ count: number; oldest: string | null }> {
  const row = await db
    .selectFrom('auth_failure')
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.min('at').as('oldest')])
    .where('key_hash', '=', keyHash)
    .where('kind', '=', kind)
    .where('at', '>=', since)
    .executeTakeFirst();
  return { count: Number(row?.n ?? 0), oldest: row?.oldest ?? null };
}

export async function insertFailure(
  db: DbOrTrx,
  row: { id: string; key_hash: string; kind: Kind; at: string },
): Promise<void> {
  await db.insertInto('auth_failure').values(row).execute();
}

export async function clearFailures(db: DbOrTrx, keyHash: string, kind: Kind): Promise<void> {
  await db.deleteFrom('auth_failure').where('key_hash', '=', keyHash).where('kind', '=', kind).execute();
}

/**
 * Forget events of `kind` older than `before` (every key): they no longer count against anyone.
 * Per kind, since each kind has its own window (a minute per client address, 15 minutes per account).
 */
export async function pruneFailures(db: DbOrTrx, kind: Kind, before: string): Promise<void> {
  await db.deleteFrom('auth_failure').where('kind', '=', kind).where('at', '<', before).execute();
}
