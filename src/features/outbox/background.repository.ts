/**
 * The mail background's own query: which accounts to visit for an IMAP pass. A cross-account read
 * on purpose (one process serves every tenant); each account's pass then runs in its own scope.
 */
import type { Db } from '../../db/database';

/** Accounts with IMAP connected, in id order. */
export async function accountsWithImap(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('mail_account')
    .select('account_id')
    .where('imap_url', 'is not', null)
    .orderBy('account_id')
    .execute();
  return rows.map((r) => r.account_id);
}
