/**
 * The private calendar feed's secret: an unguessable token in the feed URL. Creating a new one
 * revokes the old (a leaked URL stops working); revoking leaves no feed at all.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../core/errors';
import { formatInstant } from '../../core/time';
import type { Account } from '../../core/types';
import type { Db } from '../../db/database';
import { findAccount, findAccountByFeedToken, updateAccount } from '../accounts/account.repository';
import { toAccount } from '../accounts/account.service';
import type { Actor, ServiceContext } from '../context';

/** The feed path for a token. */
export const feedPath = (token: string): string => `/feed/${token}.ics`;

export async function currentFeedToken(ctx: ServiceContext): Promise<string | null> {
  return (await findAccount(ctx.db, ctx.actor.accountId))?.feed_token ?? null;
}

/** The account's settings and its feed token in one read (the Settings page asks for both). */
export async function getAccountWithFeedToken(
  ctx: ServiceContext,
): Promise<{ account: Account; token: string | null }> {
  const row = await findAccount(ctx.db, ctx.actor.accountId);
  if (!row) throw new AppError('not-found', 'This account no longer exists.');
  return { account: toAccount(row), token: row.feed_token };
}

/** Issue a fresh token (256 bits), replacing any previous one. */
export async function rotateFeedToken(ctx: ServiceContext): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await updateAccount(ctx.db, ctx.actor.accountId, { feed_token: token, updated_at: formatInstant(ctx.now) });
  return token;
}

export async function revokeFeedToken(ctx: ServiceContext): Promise<void> {
  await updateAccount(ctx.db, ctx.actor.accountId, { feed_token: null, updated_at: formatInstant(ctx.now) });
}

/** The account a feed token belongs to, or null for an unknown or revoked token. */
export async function actorForFeedToken(db: Db, token: string): Promise<Actor | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = await findAccountByFeedToken(db, token);
  return row ? { accountId: row.id, kind: 'local' } : null;
}
