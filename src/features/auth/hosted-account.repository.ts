/** SQL for hosted accounts: the sign-in rows better-auth keeps, read and removed by Afterview. */
import type { DbOrTrx } from '../../db/database';

/** The scrypt hash of the account's e-mail-and-password sign-in, if it has one. */
export const findPasswordHash = async (db: DbOrTrx, accountId: string): Promise<string | null> => {
  const row = await db
    .selectFrom('auth_account')
    .select('password')
    .where('account_id', '=', accountId)
    .where('provider_id', '=', 'credential')
    .executeTakeFirst();
  return row?.password ?? null;
};

/** Remove one session of the account; the number of rows removed (0: not this account's). */
export async function deleteSession(db: DbOrTrx, accountId: string, sessionId: string): Promise<number> {
  const result = await db
    .deleteFrom('auth_session')
    .where('account_id', '=', accountId)
    .where('id', '=', sessionId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export const findAuthUserEmail = async (db: DbOrTrx, accountId: string): Promise<string | null> => {
  const row = await db.selectFrom('auth_user').select('email').where('id', '=', accountId).executeTakeFirst();
  return row?.email ?? null;
};

/**
 * Remove the sign-in rows of an account: sessions, credentials, pending verifications for its
 * address, and the user. The Afterview account row goes separately; its own tables cascade from it.
 */
export async function deleteAuthRows(db: DbOrTrx, accountId: string, email: string | null): Promise<void> {
  await db.deleteFrom('auth_session').where('account_id', '=', accountId).execute();
  await db.deleteFrom('auth_account').where('account_id', '=', accountId).execute();
  if (email !== null) {
    // Reset tokens are keyed by token, verification tokens by address: both name the user one way.
    await db.deleteFrom('auth_verification').where('identifier', '=', email).execute();
    await db.deleteFrom('auth_verification').where('value', '=', accountId).execute();
  }
  await db.deleteFrom('auth_user').where('id', '=', accountId).execute();
}

/**
 * The account row; every table with a foreign key to it (or to a row of it) cascades. plan_wake
 * (an index) and system_mail have no foreign key, so they are cleared by hand (the delete test
 * counts every table).
 */
export async function deleteAccountRow(db: DbOrTrx, accountId: string): Promise<void> {
  await db.deleteFrom('plan_wake').where('account_id', '=', accountId).execute();
  // The server's mails about the account: queued before the account row existed, so no cascade.
  await db.deleteFrom('system_mail').where('account_id', '=', accountId).execute();
  await db.deleteFrom('account').where('id', '=', accountId).execute();
}
