/**
 * Hosted accounts on Afterview's side: the account row each signed-up user maps to (same id), and
 * "delete my account", which removes every row of the account in one transaction.
 */
import { verifyPassword } from 'better-auth/crypto';
import { AppError } from '../../core/errors';
import { formatInstant, type Temporal } from '../../core/time';
import type { Db } from '../../db/database';
import { findAccount } from '../accounts/account.repository';
import { createAccount } from '../accounts/account.service';
import { revokeGrantsOfCoach } from '../coaching/coaching.repository';
import type { ServiceContext } from '../context';
import * as repo from './hosted-account.repository';

/** The Afterview account of a signed-up user, created (UTC until they pick a zone) if missing. */
export async function ensureHostedAccount(db: Db, accountId: string, now: Temporal.Instant): Promise<void> {
  if (await findAccount(db, accountId)) return;
  await createAccount(db, now, { id: accountId, timeZone: 'UTC' });
}

/** Sign out one of my sessions (another device) by its id; another account's id is not found. */
export async function revokeMySession(ctx: ServiceContext, sessionId: string): Promise<void> {
  if ((await repo.deleteSession(ctx.db, ctx.actor.accountId, sessionId)) === 0) {
    throw new AppError('not-found', 'That session is already signed out.');
  }
}

/**
 * Delete the signed-in user's account after checking the password again: the sign-in rows, the
 * account row and with it (foreign keys, ON DELETE CASCADE) every opportunity, note, message,
 * outbox entry and sealed mail password; and, if they coached anyone, every grant those clients
 * gave them ends (those rows are the clients', so the clients' Settings stop listing a coach who
 * is gone). One transaction: it all goes, or nothing does.
 *
 * `systemDb` is the cross-account handle: the clients' grants are other accounts' rows, which the
 * request's own handle cannot reach under row-level security, and one transaction needs one
 * handle. Every statement in it still names the accounts it touches.
 */
export async function deleteHostedAccount(
  ctx: ServiceContext,
  systemDb: Db,
  password: string,
): Promise<void> {
  const accountId = ctx.actor.accountId;
  const hash = await repo.findPasswordHash(ctx.db, accountId);
  if (hash === null || !(await verifyPassword({ hash, password }))) {
    throw new AppError('forbidden', 'That password is not right; the account was not deleted.', 'password');
  }
  await systemDb.transaction().execute(async (trx) => {
    const email = await repo.findAuthUserEmail(trx, accountId);
    await revokeGrantsOfCoach(trx, accountId, formatInstant(ctx.now));
    await repo.deleteAuthRows(trx, accountId, email);
    await repo.deleteAccountRow(trx, accountId);
  });
}
